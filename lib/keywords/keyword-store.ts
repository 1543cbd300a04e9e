import { storage } from 'wxt/utils/storage';
import { writeSyncItem } from '../settings/sync-storage';
import { migrateKeywordV1, type Keyword, type KeywordV1 } from './keyword';

/**
 * The user's keywords, in sync storage so that a second device gets them.
 * Versioned so that later shapes migrate instead of being lost.
 */
export const keywordsItem = storage.defineItem<Keyword[]>('sync:keywords', {
  fallback: [],
  version: 2,
  migrations: {
    2: (old: KeywordV1[]): Keyword[] => old.map(migrateKeywordV1),
  },
});

/**
 * Stores the whole list. Throws a StorageWriteError in plain words when sync storage is full or
 * unavailable; the stored list is then unchanged.
 */
export function saveKeywords(keywords: readonly Keyword[]): Promise<void> {
  return writeSyncItem(keywordsItem, [...keywords], 'your keywords');
}

/** Adds a keyword at the end of the list. */
export async function addKeyword(keyword: Keyword): Promise<void> {
  await addKeywords([keyword]);
}

/** Adds keywords at the end of the list, in order (one write, so all or none are stored). */
export async function addKeywords(keywords: readonly Keyword[]): Promise<void> {
  if (keywords.length === 0) return;
  const current = await keywordsItem.getValue();
  await saveKeywords([...current, ...keywords]);
}

/** Removes a keyword by id; the worker then removes its matches. */
export async function removeKeyword(id: string): Promise<void> {
  const current = await keywordsItem.getValue();
  await saveKeywords(current.filter((k) => k.id !== id));
}

/** Replaces a keyword (same id) with an edited version, keeping its place in the list. */
export async function updateKeyword(keyword: Keyword): Promise<void> {
  const current = await keywordsItem.getValue();
  if (!current.some((k) => k.id === keyword.id)) {
    throw new Error(`“${keyword.label}” was removed meanwhile (perhaps in another window), so it cannot be saved.`);
  }
  await saveKeywords(current.map((k) => (k.id === keyword.id ? keyword : k)));
}

/**
 * Moves a keyword `offset` places (−1 up, +1 down), stopping at either end of the list. Keywords
 * in `hidden` (removed on the page but not yet in storage) are stepped over, not counted.
 */
export async function moveKeyword(id: string, offset: number, hidden: ReadonlySet<string> = new Set()): Promise<void> {
  const current = await keywordsItem.getValue();
  const moved = moveInList(current, id, offset, hidden);
  if (moved !== current) await saveKeywords(moved);
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
