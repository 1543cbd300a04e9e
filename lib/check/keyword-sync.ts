import type { AppDB } from '../db/app-db';
import { removeKeywordData } from '../db/papers';
import type { Keyword } from '../keywords/keyword';
import { keywordQuery } from './plan';
import { searchTables } from '../db/search-index';

/**
 * Brings the stored keyword states in line with the keyword list, in one transaction: a removed
 * keyword's data goes; a keyword whose search changed is a new search, so its old matches and
 * what it knew go (saved papers stay) and it waits for a silent fill; a state written before
 * queries were recorded adopts the keyword's query. Runs when the list changes and before every
 * check, so an edit the worker missed while stopped is caught too. Returns the enabled keywords
 * that need their fill.
 */
export async function reconcileKeywords(db: AppDB, keywords: readonly Keyword[]): Promise<string[]> {
  const byId = new Map(keywords.map((k) => [k.id, k]));
  const tables = [
    db.keywordStates,
    db.matches,
    db.known,
    db.papers,
    db.lookups,
    db.readMemory,
    db.counters,
    ...searchTables(db),
  ];
  return db.transaction('rw', tables, async () => {
    const filled = new Set<string>();
    for (const state of await db.keywordStates.toArray()) {
      const keyword = byId.get(state.keywordId);
      const query = keyword ? keywordQuery(keyword) : undefined;
      if (query !== undefined && state.query === undefined) {
        // Filled before its fill time was recorded: everything later counts as after it.
        await db.keywordStates.put({
          ...state,
          query,
          filledAt: state.filledAt ?? (state.initialized ? 0 : undefined),
        });
      } else if (query === undefined || state.query !== query) {
        await removeKeywordData(db, state.keywordId);
        continue;
      }
      if (state.initialized) filled.add(state.keywordId);
    }
    return keywords.filter((k) => k.enabled && keywordQuery(k) !== undefined && !filled.has(k.id)).map((k) => k.id);
  });
}
