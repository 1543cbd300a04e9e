import { storage } from 'wxt/utils/storage';
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

/** Adds a keyword at the end of the list. */
export async function addKeyword(keyword: Keyword): Promise<void> {
  const current = await keywordsItem.getValue();
  await keywordsItem.setValue([...current, keyword]);
}

/** Removes a keyword by id; the worker then removes its matches. */
export async function removeKeyword(id: string): Promise<void> {
  const current = await keywordsItem.getValue();
  await keywordsItem.setValue(current.filter((k) => k.id !== id));
}
