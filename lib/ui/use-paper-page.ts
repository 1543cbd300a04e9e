import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDb } from '../db/app-db';
import { listPage, type ListPage } from '../db/paper-queries';
import { paperFilter } from './paper-search';
import { usePopupStore } from './popup-store';
import { tabSource } from './popup-view';

/** Typing pauses shorter than this do not start a search of the whole library. */
const SEARCH_DELAY_MS = 120;

function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

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
  const query = useDebounced(usePopupStore((s) => s.query).trim(), SEARCH_DELAY_MS);
  const limit = usePopupStore((s) => s.limit);
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
              filter: paperFilter(query),
            }),
          },
    [tab, query, limit],
  );
  if (result === undefined || result.tab !== tab) return { page: undefined, shownQuery: query };
  return { page: result.page, shownQuery: result.query };
}
