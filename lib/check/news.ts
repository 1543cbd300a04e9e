import type { ArxivEntry } from '../arxiv/types';
import type { AppDB } from '../db/app-db';
import { knownByKeyword } from '../db/known';
import type { AnnouncedRecord, CycleRecord, KeywordStateRecord } from '../db/schema';

/**
 * The rule of news: the one place that decides what is announced.
 *
 * A paper is news for keyword K when
 * 1. K's current search returned it: the query the paper was fetched with is K's query now (a
 *    keyword whose search changed is a new search: its old matches go and it is filled afresh);
 * 2. K's first fill had finished before the paper was fetched (the fill itself is silent);
 * 3. arXiv announced it after K's coverage began: K's search never returned it before, and it was
 *    submitted at or after K's coverage boundary (every paper submitted since then was in K's
 *    answers, so an unknown one is a new announcement, such as a paper held in moderation; an
 *    older unknown one lies beyond what was fetched, and is no news);
 * 4. it was not announced by an earlier check (for whichever keyword).
 *
 * Whatever another keyword, a preview, an import or a fill stored first does not matter: only
 * what K's own search returned (`known`) and what was announced count.
 */
export interface NewsQuestion {
  /** K's state inside the transaction that stores the paper. */
  state: KeywordStateRecord | undefined;
  /** The query the paper was fetched with, and K's query now. */
  fetchedWith: string;
  currentQuery: string | undefined;
  published: string;
  /** When the answer that held the paper was fetched. */
  fetchedAt: number;
  /** Whether K's search returned this paper before. */
  known: boolean;
  announced: AnnouncedRecord | undefined;
  /** The check deciding (a paper is news for several keywords of one check). */
  cycleId: string;
}

/** Whether the paper is news for the keyword (see the rule above). */
export function isNews(q: NewsQuestion): boolean {
  const { state } = q;
  if (!state?.initialized || state.filledAt === undefined) return false;
  if (q.currentQuery === undefined || q.fetchedWith !== q.currentQuery || state.query !== q.currentQuery) return false;
  if (state.filledAt > q.fetchedAt) return false;
  if (q.known) return false;
  if (Date.parse(q.published) < (state.coveredSince ?? 0)) return false;
  return q.announced === undefined || q.announced.cycleId === q.cycleId;
}

/** The papers of `entries` that are news for the keyword, by the rule above. */
export async function newsFor(
  db: AppDB,
  cycle: CycleRecord,
  keywordId: string,
  state: KeywordStateRecord | undefined,
  query: string,
  currentQuery: string | undefined,
  entries: readonly ArxivEntry[],
  fetchedAt: number,
): Promise<Set<string>> {
  const ids = entries.map((e) => e.id);
  const [known, announced] = await Promise.all([knownByKeyword(db, keywordId, ids), db.announced.bulkGet(ids)]);
  const news = new Set<string>();
  entries.forEach((entry, i) => {
    const question = {
      state,
      fetchedWith: query,
      currentQuery,
      published: entry.published,
      fetchedAt,
      known: known.has(entry.id),
      announced: announced[i],
      cycleId: cycle.id,
    };
    if (isNews(question)) news.add(entry.id);
  });
  return news;
}
