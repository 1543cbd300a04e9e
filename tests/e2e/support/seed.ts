import type { Keyword } from '../../../lib/keywords/keyword';
import { KEYWORD_KEY_PREFIX, keywordItems, readKeywordList } from '../../../lib/keywords/keyword-shards';
import type { CheckSchedule, CheckStatus } from '../../../lib/check/check-status';
import type { ExtensionSession } from './extension';
import type { UiPage } from './ui';

/**
 * Replaces the keywords in the extension's sync storage with `keywords`, from one of its pages,
 * in the form the extension stores them (one item per keyword and the order; see
 * lib/keywords/keyword-shards.ts), so no migration runs on them.
 */
export async function writeKeywords(page: Pick<UiPage, 'evaluate'>, keywords: readonly Keyword[]): Promise<void> {
  await page.evaluate(
    async ({ items, prefix }) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      const stored = await api.storage.sync.get(null);
      const stale = Object.keys(stored).filter(
        (key) => (key.startsWith(prefix) && !(key in items)) || key === 'keywords' || key === 'keywords$',
      );
      await api.storage.sync.set(items);
      if (stale.length > 0) await api.storage.sync.remove(stale);
    },
    { items: keywordItems(keywords), prefix: KEYWORD_KEY_PREFIX },
  );
}

/** The keywords in the extension's sync storage, in order, read from one of its pages. */
export async function readKeywords(page: Pick<UiPage, 'evaluate'>): Promise<Keyword[]> {
  const items = await page.evaluate(() =>
    ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).storage.sync.get(null),
  );
  return readKeywordList(items).keywords;
}

/** Writes keywords into the extension's sync storage from its options page, as the page would. */
export async function seedKeywords(session: ExtensionSession, keywords: Keyword[]): Promise<void> {
  const page = await session.openPage('options.html');
  await writeKeywords(page, keywords);
  await page.close();
}

/** One value of the extension's local storage. */
async function localValue(session: ExtensionSession, key: string): Promise<unknown> {
  const page = await session.probe();
  const stored = await page.evaluate((k) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    return api.storage.local.get(k);
  }, key);
  return stored[key];
}

/** The worker's check status, read from local storage. */
export async function checkStatus(session: ExtensionSession): Promise<CheckStatus | undefined> {
  return (await localValue(session, 'checkStatus')) as CheckStatus | undefined;
}

/** The schedule the popup shows (the next check and why), read from local storage. */
export async function checkSchedule(session: ExtensionSession): Promise<CheckSchedule | undefined> {
  return (await localValue(session, 'checkSchedule')) as CheckSchedule | undefined;
}

/** Waits until no check runs and at least `finishedAfter` has passed since the last one finished. */
export async function waitForIdleCheck(session: ExtensionSession, finishedAfter: number, timeoutMs = 45_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await checkStatus(session).catch(() => undefined);
    if (status && !status.running && (status.finishedAt ?? 0) > finishedAfter) return status;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No finished check after ${new Date(finishedAfter).toISOString()} within ${timeoutMs} ms`);
}

/** A paper as stored, reduced to what a drill compares. */
export interface StoredPaper {
  id: string;
  version: number;
  read: number;
  saved: number;
  title: string;
}

/** Every stored paper, read straight from the extension's IndexedDB in one of its pages. */
export async function storedPapers(session: ExtensionSession): Promise<StoredPaper[]> {
  const page = await session.probe();
  return page.evaluate(
    () =>
      new Promise<StoredPaper[]>((resolve, reject) => {
        const open = indexedDB.open('daily-papers');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('papers').objectStore('papers').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            open.result.close();
            const rows = request.result as StoredPaper[];
            resolve(
              rows
                .map(({ id, version, read, saved, title }) => ({ id, version, read, saved, title }))
                .sort((a, b) => a.id.localeCompare(b.id)),
            );
          };
        };
      }),
  );
}

/** Changes a stored paper the way the popup's buttons would (read, saved). */
export async function updatePaper(session: ExtensionSession, id: string, changes: Partial<StoredPaper>): Promise<void> {
  const page = await session.probe();
  await page.evaluate(
    ([paperId, patch]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('daily-papers');
        open.onsuccess = () => {
          const tx = open.result.transaction(['papers', 'matches', 'counters'], 'readwrite');
          const store = tx.objectStore('papers');
          const counters = tx.objectStore('counters');
          // The counters the product keeps with every change (database version 5).
          const bump = (key: string, by: number) => {
            if (by === 0) return;
            const row = counters.get(key);
            row.onsuccess = () => counters.put({ key, value: (row.result?.value ?? 0) + by });
          };
          const get = store.get(paperId);
          get.onsuccess = () => {
            const before = get.result as { read: number; saved: number };
            store.put({ ...before, ...patch });
            if (patch.saved !== undefined) bump('saved', patch.saved - before.saved);
            if (patch.read === undefined || patch.read === before.read) return;
            const unreadBy = before.read - patch.read;
            bump('unread', unreadBy);
            // Its matches carry a copy of its read flag, as the product keeps it.
            const cursor = tx.objectStore('matches').index('paperId').openCursor(paperId);
            cursor.onsuccess = () => {
              if (!cursor.result) return;
              const match = cursor.result.value as { keywordId: string };
              cursor.result.update({ ...match, read: patch.read });
              bump(`unread:${match.keywordId}`, unreadBy);
              cursor.result.continue();
            };
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [id, changes] as const,
  );
}
