import type { ArxivClient } from '../arxiv/client';
import { phraseInTitleOrAbstract, searchUrl } from '../arxiv/query';
import type { AppDB } from '../db/app-db';
import { storeMatches } from '../db/papers';
import type { KeywordStateRecord } from '../db/schema';
import type { Keyword } from '../keywords/keyword';
import type { KeywordNews } from '../notify/notifications';

/** How many of the newest papers a keyword's list is filled with. */
export const PAPERS_PER_KEYWORD = 100;

export type KeywordOutcomeKind = 'first' | 'new' | 'unchanged' | 'error' | 'glitch';

export interface KeywordOutcome {
  keywordId: string;
  kind: KeywordOutcomeKind;
  /** Papers new to the user that this keyword brought (empty on a first check). */
  freshIds: string[];
  revisedIds: string[];
  error?: string;
}

export interface CheckSummary {
  outcomes: KeywordOutcome[];
  /** Per keyword with news, for the notification, in keyword order. */
  news: KeywordNews[];
  /** Distinct papers new to the user. */
  totalNew: number;
  requests: number;
  bytes: number;
}

export interface CheckDeps {
  db: AppDB;
  client: Pick<ArxivClient, 'fetchFeed'>;
  now?: () => number;
  onProgress?: (done: number, current: Keyword | undefined) => Promise<void> | void;
}

export const GLITCH_MESSAGE =
  'arXiv answered with an empty list for a keyword that has results; this happens for a few minutes at a time, so nothing was changed and the next check will try again.';

/**
 * One check of the given keywords, one arXiv request at a time. A failed or suspicious answer
 * records a plain-language error for its keyword and changes nothing else; the first successful
 * check of a keyword fills its list without counting anything as news.
 */
export async function runCheck(keywords: readonly Keyword[], deps: CheckDeps): Promise<CheckSummary> {
  const now = deps.now ?? Date.now;
  const { db, client } = deps;
  const summary: CheckSummary = { outcomes: [], news: [], totalNew: 0, requests: 0, bytes: 0 };
  const newInThisCheck = new Set<string>();
  const freshForUser = new Set<string>();

  for (const [index, keyword] of keywords.entries()) {
    await deps.onProgress?.(index, keyword);
    const state: KeywordStateRecord = (await db.keywordStates.get(keyword.id)) ?? {
      keywordId: keyword.id,
      initialized: false,
      lastTotal: 0,
    };
    const url = searchUrl(phraseInTitleOrAbstract(keyword.terms[0]?.text ?? keyword.label), {
      maxResults: PAPERS_PER_KEYWORD,
    });
    const result = await client.fetchFeed(url);
    summary.requests += result.stats.requests;
    summary.bytes += result.stats.bytes;
    const checkedAt = now();

    if (!result.ok) {
      await db.keywordStates.put({ ...state, lastCheckAt: checkedAt, lastError: result.error.message });
      summary.outcomes.push({
        keywordId: keyword.id,
        kind: 'error',
        freshIds: [],
        revisedIds: [],
        error: result.error.message,
      });
      continue;
    }
    const { feed } = result;
    // arXiv sometimes serves empty pages for minutes: never believe an empty answer for a keyword
    // that had results, and never one that claims results but lists none.
    if (feed.entries.length === 0 && (state.lastTotal > 0 || feed.totalResults > 0)) {
      await db.keywordStates.put({ ...state, lastCheckAt: checkedAt, lastError: GLITCH_MESSAGE });
      summary.outcomes.push({
        keywordId: keyword.id,
        kind: 'glitch',
        freshIds: [],
        revisedIds: [],
        error: GLITCH_MESSAGE,
      });
      continue;
    }

    const stored = await storeMatches(db, keyword.id, feed.entries, checkedAt);
    for (const id of stored.newPaperIds) newInThisCheck.add(id);
    await db.keywordStates.put({
      keywordId: keyword.id,
      initialized: true,
      lastCheckAt: checkedAt,
      lastSuccessAt: checkedAt,
      lastError: undefined,
      lastTotal: feed.totalResults,
    });

    if (!state.initialized) {
      summary.outcomes.push({ keywordId: keyword.id, kind: 'first', freshIds: [], revisedIds: stored.revisedPaperIds });
      continue;
    }
    const freshIds = stored.newMatchIds.filter((id) => newInThisCheck.has(id));
    for (const id of freshIds) freshForUser.add(id);
    summary.outcomes.push({
      keywordId: keyword.id,
      kind: freshIds.length > 0 ? 'new' : 'unchanged',
      freshIds,
      revisedIds: stored.revisedPaperIds,
    });
    if (freshIds.length > 0) {
      const firstTitle = feed.entries.find((e) => e.id === freshIds[0])?.title ?? '';
      summary.news.push({ keyword: keyword.label, count: freshIds.length, firstTitle });
    }
  }
  await deps.onProgress?.(keywords.length, undefined);
  summary.totalNew = freshForUser.size;
  return summary;
}
