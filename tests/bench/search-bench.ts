import type { Page } from 'playwright-core';
import type { PaperRecord } from '../../lib/db/schema';
import { buildSearchTerms, searchDoc } from '../../lib/db/search-index';
import { ChromiumSession } from '../e2e/support/chromium';
import { searchLibrary } from './search-library';
import { median } from './table';

/** Papers written per transaction while seeding (as a large import would, in chunks). */
const SEED_CHUNK = 1_000;
/** What is typed, one key at a time: words of titles and abstracts, an accented name, an id. */
const TYPED = ['transformer attention', 'schrodinger', 'muller', 'spectral graph', '2611.01234'];

/** Milliseconds spent by IndexedDB writing rows into one store, in the page. */
function writeRows(page: Page, store: string, rows: readonly object[]): Promise<number> {
  return page.evaluate(
    async ([name, items]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('daily-papers');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const began = performance.now();
      const tx = db.transaction([name], 'readwrite');
      for (const item of items) tx.objectStore(name).put(item);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return performance.now() - began;
    },
    [store, rows] as const,
  );
}

export interface WriteCost {
  papersMs: number;
  /** Tokenising the papers and gathering each word's postings (in Node's V8). */
  buildMs: number;
  indexMs: number;
}

/** Seeds the library (papers, one keyword per thousand, the search index); returns the write times. */
async function seed(page: Page, papers: readonly PaperRecord[]): Promise<WriteCost> {
  const cost: WriteCost = { papersMs: 0, buildMs: 0, indexMs: 0 };
  const keywords = Array.from({ length: Math.ceil(papers.length / 1_000) }, (_, k) => ({
    id: `kw-${k}`,
    label: `topic ${k}`,
    terms: [{ text: `topic ${k}`, mode: 'phrase' }],
    field: 'title-abstract',
    categories: [],
    exclude: [],
    enabled: true,
    notify: true,
    createdAt: 0,
  }));
  await page.evaluate(async (list) => chrome.storage.sync.set({ keywords: list, keywords$: { v: 2 } }), keywords);
  const states = keywords.map((k) => ({ keywordId: k.id, initialized: true, lastTotal: 1_000, coveredSince: 0 }));
  await writeRows(page, 'keywordStates', states);
  for (let i = 0; i < papers.length; i += SEED_CHUNK) {
    const chunk = papers.slice(i, i + SEED_CHUNK);
    const link = (p: PaperRecord, n: number) => ({ keywordId: `kw-${Math.floor((i + n) / 1_000)}`, paperId: p.id });
    await writeRows(
      page,
      'matches',
      chunk.map((p, n) => ({ ...link(p, n), firstSeenAt: 0, published: p.published, listedAt: p.published })),
    );
    await writeRows(
      page,
      'known',
      chunk.map((p, n) => ({ ...link(p, n), published: p.published })),
    );
    cost.papersMs += await writeRows(page, 'papers', chunk);
  }
  // The index of the whole library at once, as an import of a backup writes it.
  const began = performance.now();
  const docs = papers.map(searchDoc);
  const terms = buildSearchTerms(docs);
  cost.buildMs = performance.now() - began;
  for (let i = 0; i < docs.length; i += SEED_CHUNK)
    cost.indexMs += await writeRows(page, 'searchDocs', docs.slice(i, i + SEED_CHUNK));
  for (let i = 0; i < terms.length; i += 5 * SEED_CHUNK) {
    cost.indexMs += await writeRows(page, 'searchTerms', terms.slice(i, i + 5 * SEED_CHUNK));
  }
  return cost;
}

/**
 * What a check storing new papers costs: the papers, then their index the way search-index.ts
 * updates it (read each of their words' postings, append, write back; and their word lists).
 */
async function storeCheck(page: Page, papers: readonly PaperRecord[]): Promise<WriteCost> {
  const papersMs = await writeRows(page, 'papers', papers);
  const began = performance.now();
  const docs = papers.map(searchDoc);
  const added = buildSearchTerms(docs).map((row) => [row.key, row.postings] as const);
  const buildMs = performance.now() - began;
  const indexMs = await page.evaluate(
    async ([rows, words]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('daily-papers');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const start = performance.now();
      const tx = db.transaction(['searchTerms', 'searchDocs'], 'readwrite');
      const store = tx.objectStore('searchTerms');
      for (const [key, postings] of rows) {
        const request = store.get(key);
        request.onsuccess = () => {
          const old = (request.result as { postings: string } | undefined)?.postings;
          store.put({ key, postings: old === undefined ? postings : `${old} ${postings}` });
        };
      }
      for (const doc of words) tx.objectStore('searchDocs').put(doc);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return performance.now() - start;
    },
    [added, docs] as const,
  );
  return { papersMs, buildMs, indexMs };
}

/** Records, for each key typed in the search box, the time from keydown to the frame after the list shows its search. */
const KEY_PROBE = `(() => {
  window.__keyTimes = [];
  document.addEventListener('keydown', (event) => {
    if (event.key === ' ') return; // a space changes no search word: nothing to wait for
    const began = performance.now();
    const box = document.querySelector('input[type="search"]');
    const done = () => {
      const list = document.querySelector('.paper-list');
      if (!list || list.getAttribute('data-search') !== box.value.trim()) return false;
      requestAnimationFrame(() => requestAnimationFrame(() => window.__keyTimes.push(performance.now() - began)));
      return true;
    };
    const observer = new MutationObserver(() => { if (done()) observer.disconnect(); });
    // The box's value changes after keydown: look once the key has been handled.
    setTimeout(() => { if (!done()) observer.observe(document.body, { subtree: true, childList: true, attributes: true }); });
  }, true);
})()`;

/** Types `text` one key at a time, waiting for each key's result to be painted; returns the times. */
async function typeAndTime(page: Page, text: string): Promise<number[]> {
  await page.evaluate(() => ((window as unknown as { __keyTimes: number[] }).__keyTimes = []));
  let expected = 0;
  for (const key of text) {
    await page.keyboard.type(key);
    if (key === ' ') continue;
    expected += 1;
    await page.waitForFunction(
      (n) => (window as unknown as { __keyTimes: number[] }).__keyTimes.length >= n,
      expected,
      {
        timeout: 30_000,
      },
    );
  }
  return page.evaluate(() => (window as unknown as { __keyTimes: number[] }).__keyTimes);
}

export interface SearchResult {
  papers: number;
  keystrokeMs: number;
  slowestMs: number;
  blankMs: number;
  scanMs: number;
  seed: WriteCost;
  check: WriteCost;
}

/**
 * Search in "All new" holding every paper of a large library: the median time from a keystroke
 * to the painted, filtered list. Baselines in the same run: a keystroke in a bare input (the
 * browser's own floor) and one pass of the former search (fold and scan every paper's text).
 */
export async function searchKeystroke(count: number, repeats: number): Promise<SearchResult> {
  const session = await ChromiumSession.launch();
  try {
    const papers = searchLibrary(count + 100);
    const setup = await session.context.newPage();
    await setup.goto(session.url('popup.html')); // opens (and so creates) the database
    await setup.waitForTimeout(500);
    const seedCost = await seed(setup, papers.slice(100));
    // A check storing a hundred new papers, for the cost of indexing them.
    const fresh = papers.slice(0, 100);
    const check = await storeCheck(setup, fresh);
    await setup.close();

    const page = await session.context.newPage();
    await page.addInitScript(KEY_PROBE);
    await page.setViewportSize({ width: 460, height: 600 });
    await page.goto(session.url('popup.html?keyword=new'));
    await page.locator('article').first().waitFor({ timeout: 30_000 });
    const box = page.getByRole('searchbox', { name: 'Search papers' });
    const times: number[] = [];
    for (let r = 0; r < repeats; r++) {
      for (const text of TYPED) {
        await box.fill('');
        await page.waitForFunction(() => document.querySelector('.paper-list')?.getAttribute('data-search') === '');
        await box.focus();
        times.push(...(await typeAndTime(page, text)));
      }
    }
    const scan = await formerScan(page);

    const blank = await session.context.newPage();
    await blank.setContent('<input type="search"><div class="paper-list" data-search=""></div>');
    await blank.evaluate(KEY_PROBE);
    await blank.evaluate(() =>
      document.querySelector('input')!.addEventListener('input', (e) => {
        document.querySelector('.paper-list')!.setAttribute('data-search', (e.target as HTMLInputElement).value.trim());
      }),
    );
    await blank.locator('input').focus();
    const blankTimes = await typeAndTime(blank, TYPED.join(''));
    return {
      papers: count,
      keystrokeMs: median(times),
      slowestMs: Math.max(...times),
      blankMs: median(blankTimes),
      scanMs: scan.ms,
      seed: seedCost,
      check,
    };
  } finally {
    await session.close();
    session.dispose();
  }
}

/** One pass of the former search over the same papers: read every paper, fold its text, look for a word. */
function formerScan(page: Page): Promise<{ ms: number; matches: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('daily-papers');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const began = performance.now();
    const papers = await new Promise<PaperRecord[]>((resolve, reject) => {
      const request = db.transaction(['papers']).objectStore('papers').getAll();
      request.onsuccess = () => resolve(request.result as PaperRecord[]);
      request.onerror = () => reject(request.error);
    });
    // Inline (no named helper): the bundler's name-keeping wrapper does not exist in the page.
    const matches = papers.filter((p) =>
      `${p.title}\n${p.authors.map((a) => a.name).join('\n')}\n${p.summary}`
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .includes('transformer'),
    );
    const elapsed = performance.now() - began;
    db.close();
    return { ms: elapsed, matches: matches.length };
  });
}
