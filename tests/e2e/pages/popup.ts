import type { ExtensionSession } from '../support/extension';
import { readKeywords, writeKeywords } from '../support/seed';
import type { Loc, UiPage } from '../support/ui';

export interface PopupOpenOptions {
  /** Query string, e.g. `?view=tab&keyword=new`. */
  query?: string;
  width?: number;
  height?: number;
  /** Light or dark system theme for the page. */
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce';
  forcedColors?: 'active';
}

/** The toolbar popup, opened as a page of its own at the popup's size (the same in every browser). */
export class PopupPage {
  constructor(readonly page: UiPage) {}

  static async open(session: ExtensionSession, options: PopupOpenOptions = {}): Promise<PopupPage> {
    const page = await session.openPage(`popup.html${options.query ?? ''}`, {
      width: options.width ?? 460,
      height: options.height ?? 600,
      colorScheme: options.colorScheme,
      reducedMotion: options.reducedMotion,
      forcedColors: options.forcedColors,
    });
    await page.getByRole('heading', { name: 'Daily Papers' }).waitFor();
    return new PopupPage(page);
  }

  get status(): Loc {
    return this.page.getByRole('status');
  }

  get checkNowButton(): Loc {
    return this.page.getByRole('button', { name: 'Check now' });
  }

  get searchBox(): Loc {
    return this.page.getByRole('searchbox', { name: 'Search papers' });
  }

  /** The notices under the header (offline, quiet arXiv day, failed keywords). */
  get notices(): Loc {
    return this.page.getByRole('list', { name: 'Notices' });
  }

  tab(keyword: string): Loc {
    return this.page.getByRole('tab', { name: new RegExp(`^${keyword}`) });
  }

  selectedTab(): Loc {
    return this.page.getByRole('tab', { selected: true });
  }

  papers(): Loc {
    return this.page.locator('article.paper');
  }

  paper(title: string): Loc {
    return this.page.getByRole('article', { name: title });
  }

  titles(): Promise<string[]> {
    return this.page.locator('article.paper .paper-title a').allTextContents();
  }

  unreadTitles(): Promise<string[]> {
    return this.page.locator('article.paper.unread .paper-title a').allTextContents();
  }

  /** The id of the paper that has the keyboard focus (or contains it). */
  focusedPaperId(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.closest('article')?.getAttribute('data-paper-id') ?? null);
  }

  /** Presses keys on the page, one after the other ("j", "ArrowDown"…). */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.press(key);
  }

  /** The arXiv ids of the listed papers, top to bottom. */
  async paperIds(): Promise<string[]> {
    return (await this.papers().attributes('data-paper-id')).map((id) => id ?? '');
  }

  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
  }

  /** Whether the page scrolls sideways (it never should). */
  scrollsSideways(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  }

  /** The page's background and text colours, as computed (e.g. "rgb(18, 18, 18)"). */
  colours(): Promise<{ background: string; text: string }> {
    return this.page.evaluate(() => {
      const style = getComputedStyle(document.body);
      return { background: style.backgroundColor, text: style.color };
    });
  }

  /** Clicks "Check now" and waits until the check has finished. */
  async checkNow(timeoutMs = 30_000): Promise<void> {
    const before = (await this.status.getAttribute('data-finished-at')) ?? '';
    await this.checkNowButton.click();
    await this.page.waitForFunction(
      (previous: string) => {
        const status = document.querySelector('[role=status]');
        const finished = status?.getAttribute('data-finished-at') ?? '';
        return finished !== '' && finished !== previous && status?.getAttribute('data-running') === 'false';
      },
      before,
      timeoutMs,
    );
  }
}

/** Writes `count` papers matched by `keywordId` straight into the extension's database. */
async function seedPapers(page: UiPage, keywordId: string, count: number, offset: number): Promise<void> {
  await page.evaluate(
    async ({ keywordId, count, offset }) => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const request = indexedDB.open('daily-papers');
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      const tx = db.transaction(['papers', 'matches', 'known', 'counters'], 'readwrite');
      let unread = 0;
      const words = 'graph neural quantum sparse learning testing robust causal spectral'.split(' ');
      for (let i = offset; i < offset + count; i++) {
        const id = `24${String(1 + (i % 12)).padStart(2, '0')}.${String(10000 + i).padStart(5, '0')}`;
        const published = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
        const title = Array.from({ length: 9 }, (_, w) => words[(i + w * 7) % words.length]).join(' ');
        const read = i % 3 === 0 ? 1 : 0;
        unread += 1 - read;
        tx.objectStore('papers').put({
          id,
          version: 1,
          title: `Seeded ${title}`,
          summary: `${title} `.repeat(20),
          authors: [{ name: `Seed Author ${i}`, affiliations: [] }],
          published,
          updated: published,
          categories: ['cs.LG'],
          primaryCategory: 'cs.LG',
          firstSeenAt: Date.now(),
          read,
          saved: 0,
        });
        // A match carries a copy of its paper's read flag (database version 5).
        tx.objectStore('matches').put({ keywordId, paperId: id, firstSeenAt: 0, published, listedAt: published, read });
        tx.objectStore('known').put({ keywordId, paperId: id, published });
      }
      // The unread counters the product keeps with every change (database version 5).
      const counters = tx.objectStore('counters');
      for (const key of ['unread', `unread:${keywordId}`]) {
        const get = counters.get(key);
        get.onsuccess = () => counters.put({ key, value: (get.result?.value ?? 0) + unread });
      }
      await new Promise((done, fail) => {
        tx.oncomplete = done;
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    },
    { keywordId, count, offset },
  );
}

/**
 * A library as the retention allows it: 20 keywords of up to 1,000 papers each (the setting's
 * maximum), two thirds of them unread. `testing` is the keyword the popup opens on; the other
 * keywords' papers are written under ids of their own.
 */
export async function seedLibrary(page: UiPage, testingId: string, perKeyword: number): Promise<void> {
  // The other keywords and the retention setting must exist as well: the worker's next check
  // would otherwise forget the papers of unknown keywords and prune the rest to 100.
  const keywords = await readKeywords(page);
  const others = Array.from({ length: 19 }, (_, i) => ({
    ...keywords[0]!,
    id: `other-${i + 1}`,
    label: `other topic ${i + 1}`,
    terms: [{ text: `other topic ${i + 1}`, mode: 'phrase' as const }],
  }));
  await writeKeywords(page, [...keywords.filter((k) => !k.id.startsWith('other-')), ...others]);
  await page.evaluate(async (count) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    await api.storage.sync.set({
      settings: { schedule: { mode: 'follow-arxiv' }, notifications: true, papersPerKeyword: count, theme: 'system' },
      settings$: { v: 1 },
    });
  }, perKeyword);
  for (let k = 0; k < 20; k++) {
    await seedPapers(page, k === 0 ? testingId : `other-${k}`, perKeyword - (k === 0 ? 10 : 0), k * 1_000);
  }
}
