import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../db/app-db';
import { listPage, type ListPage } from '../db/paper-queries';
import { searchWordsOf } from '../db/search-query';
import { usePopupStore } from './popup-store';
import { tabSource } from './popup-view';

export interface PaperPageState {
  /** The page of the selected tab; undefined while a newly selected tab loads. */
  page?: ListPage;
  /** The search being shown (lags the search box while a new one runs). */
  shownQuery: string;
}

/**
 * The visible page of a tab, live: it follows the worker's writes and the user's changes. The
 * previous result stays on screen while a longer page or a new search loads, but never another
 * tab's papers.
 */
export function usePaperPage(tab: string | undefined): PaperPageState {
  // No debounce: a keystroke's search reads only its words' postings in the index (search-index.ts),
  // well within a frame or two, and a newer keystroke's query replaces a running one.
  const query = usePopupStore((s) => s.query).trim();
  const search = searchWordsOf(query).length > 0 ? query : undefined;
  const limit = usePopupStore((s) => s.limit);
  const sort = usePopupStore((s) => s.sort);
  // The pinned papers are read when the query runs, not watched: every pin is followed by the
  // write it announces, which runs the query again. Watching them too would read the page twice
  // for each click.
  const result = useLiveQuery(
    async () =>
      tab === undefined
        ? undefined
        : {
            tab,
            query,
            page: await listPage(getDb(), {
              source: tabSource(tab),
              limit,
              pinned: usePopupStore.getState().pinned,
              search,
              sort,
            }),
          },
    [tab, query, limit, sort],
  );
  if (result === undefined || result.tab !== tab) return { page: undefined, shownQuery: query };
  return { page: result.page, shownQuery: result.query };
}
