import { browser } from 'wxt/browser';
import type { Keyword } from './keyword';
import { keywordRoom, type KeywordRoom } from './keyword-room';
import { readKeywords, writeKeywords, type KeywordSnapshot, type SyncArea } from './keyword-shard-store';
import { KEYWORD_KEY_PREFIX, KEYWORD_ORDER_KEY, LEGACY_KEYWORDS_KEY } from './keyword-shards';

/** A stored value that pages and the worker read and watch (the shape of a WXT storage item's). */
export interface SyncedValue<T> {
  key: `sync:${string}`;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}

/** The keyword operations over one sync storage area (a second one plays another device in tests). */
export function createKeywordStore(area: () => SyncArea) {
  // The last list this context read: a page that goes away stores a removal from it without reading.
  let last: KeywordSnapshot | undefined;
  async function read(): Promise<KeywordSnapshot> {
    last = await readKeywords(area());
    return last;
  }
  async function change(what: (current: readonly Keyword[]) => readonly Keyword[], label: string): Promise<void> {
    const snapshot = await read();
    const next = what(snapshot.keywords);
    if (next !== snapshot.keywords) await writeKeywords(area(), snapshot, next, label);
  }
  const name = (keywords: readonly Keyword[]) =>
    keywords.length === 1 ? `“${keywords[0]!.label}”` : `these ${keywords.length} keywords`;

  return {
    /** The keywords in the user's order. */
    getKeywords: async (): Promise<Keyword[]> => (await read()).keywords,
    /** Stores exactly this list (only the keywords that differ are written). */
    saveKeywords: (keywords: readonly Keyword[]) => change(() => keywords, 'your keywords'),
    /** Adds keywords at the end, in order, in one write: all or none are stored. */
    addKeywords: (keywords: readonly Keyword[]) =>
      keywords.length === 0 ? Promise.resolve() : change((current) => [...current, ...keywords], name(keywords)),
    /** Removes a keyword by id. */
    removeKeyword: (id: string) =>
      change(
        (current) => (current.some((k) => k.id === id) ? current.filter((k) => k.id !== id) : current),
        'the list',
      ),
    /** Removes a keyword from the list last read, without reading first (for a page that is closing). */
    removeKeywordNow: (id: string): Promise<void> => {
      if (!last) return change((current) => current.filter((k) => k.id !== id), 'the list');
      return writeKeywords(
        area(),
        last,
        last.keywords.filter((k) => k.id !== id),
        'the list',
        true,
      );
    },
    /** Replaces a keyword (same id): only its own item is written. */
    updateKeyword: (keyword: Keyword) =>
      change((current) => {
        if (!current.some((k) => k.id === keyword.id)) {
          throw new Error(
            `“${keyword.label}” was removed meanwhile (perhaps in another window), so it cannot be saved.`,
          );
        }
        return current.map((k) => (k.id === keyword.id ? keyword : k));
      }, `“${keyword.label}”`),
    /** Moves a keyword `offset` visible places: only the order item is written. */
    moveKeyword: (id: string, offset: number, hidden: ReadonlySet<string> = new Set()) =>
      change((current) => moveInList(current, id, offset, hidden), 'the order'),
    /** How much of sync storage is used, and how many more keywords fit. */
    readRoom: async (): Promise<KeywordRoom> => keywordRoom((await read()).items),
  };
}

const store = createKeywordStore(() => browser.storage.sync);

function isKeywordKey(key: string): boolean {
  return key.startsWith(KEYWORD_KEY_PREFIX) || key === KEYWORD_ORDER_KEY || key === LEGACY_KEYWORDS_KEY;
}

/**
 * The user's keywords, in sync storage so that a second device gets them, one item per keyword
 * (see keyword-shards.ts). Read, written and watched like a storage item.
 */
export const keywordsItem: SyncedValue<Keyword[]> = {
  key: 'sync:keywords',
  getValue: store.getKeywords,
  setValue: store.saveKeywords,
  watch(callback) {
    let latest = 0;
    const listener = (changes: Record<string, unknown>, areaName: string) => {
      if (areaName !== 'sync' || !Object.keys(changes).some(isKeywordKey)) return;
      // Reads may finish out of order; only the newest one is reported.
      const mine = ++latest;
      void store.getKeywords().then(
        (keywords) => mine === latest && callback(keywords),
        (error: unknown) => console.warn('Could not read the keywords', error),
      );
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};

// The operations on this browser's sync storage.
export const {
  saveKeywords,
  addKeywords,
  removeKeyword,
  removeKeywordNow,
  updateKeyword,
  moveKeyword,
  readRoom: readKeywordRoom,
} = store;

/** Adds a keyword at the end of the list. */
export async function addKeyword(keyword: Keyword): Promise<void> {
  await addKeywords([keyword]);
}
/** The list with one keyword moved past `offset` visible neighbours; the same array if nothing moves. */
export function moveInList(
  keywords: readonly Keyword[],
  id: string,
  offset: number,
  hidden: ReadonlySet<string> = new Set(),
): readonly Keyword[] {
  const from = keywords.findIndex((k) => k.id === id);
  const step = Math.sign(offset);
  let target = from;
  let left = Math.abs(offset);
  for (let i = from + step; from !== -1 && left > 0 && i >= 0 && i < keywords.length; i += step) {
    if (hidden.has(keywords[i]!.id)) continue;
    target = i;
    left--;
  }
  if (target === from) return keywords;
  // Inserting at the neighbour's index puts the keyword before it (moving up) or after it (down).
  const next = keywords.filter((k) => k.id !== id);
  next.splice(target, 0, keywords[from]!);
  return next;
}
