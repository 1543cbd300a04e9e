import type { ArxivClient } from '../arxiv/client';
import { matchesKeyword } from '../arxiv/keyword-match';
import { searchUrl } from '../arxiv/query';
import type { ArxivEntry, FeedError } from '../arxiv/types';
import type { AppDB } from '../db/app-db';
import type { CycleStep, KeywordStateRecord } from '../db/schema';
import type { Keyword } from '../keywords/keyword';
import { deepScanDue, OVERLAP_WINDOW_MS } from './plan';

/**
 * The first page of a combined query is small: on most checks it already reaches known ground,
 * and a small page costs arXiv (and the user) a quarter of the bytes. Later pages are larger.
 */
export const HEAD_PAGE_SIZE = 25;
/** Size of the pages after the first one. */
export const PAGE_SIZE = 100;
/** Never walk more than this many pages in one step (2,000 results at most per arXiv call anyway). */
export const MAX_PAGES = 10;
/** Page size of the per-keyword look-ups used when a new paper could not be attributed locally. */
export const FALLBACK_PAGE_SIZE = 50;

export const GLITCH_MESSAGE =
  'arXiv answered with an empty list where it had results; this happens for a few minutes at a time, so nothing was changed and the next check will try again.';
export const INCOMPLETE_MESSAGE =
  'arXiv sent an incomplete list (an empty page in the middle); nothing was changed and the next check will try again.';

export type StepFailure = { kind: 'error' | 'glitch'; message: string; retryAfterMs?: number };

/** What one step fetched: entries per keyword, or a failure per keyword. */
export interface StepResult {
  entries: Map<string, ArxivEntry[]>;
  failures: Map<string, StepFailure>;
  /** totalResults per keyword, when the answer was for that keyword alone. */
  totals: Map<string, number>;
  deep: boolean;
  /** Every paper submitted since this time was in the answers (0 = all of them); undefined: unknown. */
  coveredSince?: number;
  requests: number;
  bytes: number;
}

export interface StepContext {
  db: AppDB;
  client: Pick<ArxivClient, 'fetchFeed'>;
  keywords: ReadonlyMap<string, Keyword>;
  states: ReadonlyMap<string, KeywordStateRecord>;
  queryOf: (k: Keyword) => string | undefined;
  papersPerKeyword: number;
  now: number;
}

function emptyResult(): StepResult {
  return { entries: new Map(), failures: new Map(), totals: new Map(), deep: false, requests: 0, bytes: 0 };
}

function asFailure(error: FeedError): StepFailure {
  return { kind: 'error', message: error.message, retryAfterMs: error.retryAfterMs };
}

/** Fetches what one step needs from arXiv; writes nothing. */
export async function fetchStep(step: CycleStep, ctx: StepContext): Promise<StepResult> {
  const keywords = step.keywordIds.map((id) => ctx.keywords.get(id)).filter((k): k is Keyword => k !== undefined);
  const result = emptyResult();
  const queries = keywords.map((k) => ctx.queryOf(k)).filter((q): q is string => q !== undefined);
  if (keywords.length === 0 || queries.length !== keywords.length) return result;
  const failAll = (failure: StepFailure) => {
    for (const k of keywords) result.failures.set(k.id, failure);
    result.entries.clear();
    return result;
  };
  const fetchPage = async (query: string, start: number, maxResults: number) => {
    const answer = await ctx.client.fetchFeed(searchUrl(query, { start, maxResults }));
    result.requests += answer.stats.requests;
    result.bytes += answer.stats.bytes;
    return answer;
  };

  if (step.kind === 'first') {
    const [keyword] = keywords as [Keyword];
    const answer = await fetchPage(queries[0]!, 0, Math.min(ctx.papersPerKeyword, 2_000));
    if (!answer.ok) return failAll(asFailure(answer.error));
    if (answer.feed.entries.length === 0 && answer.feed.totalResults > 0) {
      return failAll({ kind: 'glitch', message: GLITCH_MESSAGE });
    }
    const { entries, totalResults } = answer.feed;
    result.entries.set(keyword.id, entries);
    result.totals.set(keyword.id, totalResults);
    result.deep = true;
    result.coveredSince = totalResults > entries.length ? Math.min(...entries.map((e) => Date.parse(e.published))) : 0;
    return result;
  }

  const query = queries.length === 1 ? queries[0]! : queries.map((q) => `(${q})`).join(' OR ');
  result.deep = keywords.some((k) => deepScanDue(ctx.states.get(k.id)?.lastDeepScanAt, ctx.now));
  const known = await newestKnownPublished(ctx.db, step.keywordIds);
  const cutoff = result.deep || known === undefined ? ctx.now - OVERLAP_WINDOW_MS : known;
  const hadPapers = known !== undefined;

  const fetched: ArxivEntry[] = [];
  let start = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const size = page === 0 ? HEAD_PAGE_SIZE : PAGE_SIZE;
    const answer = await fetchPage(query, start, size);
    if (!answer.ok) return failAll(asFailure(answer.error));
    const { entries, totalResults } = answer.feed;
    // arXiv sometimes serves empty pages for minutes: never believe one where results exist.
    if (entries.length === 0) {
      if (page === 0 && (hadPapers || totalResults > 0)) return failAll({ kind: 'glitch', message: GLITCH_MESSAGE });
      if (page > 0 && start < totalResults) return failAll({ kind: 'glitch', message: INCOMPLETE_MESSAGE });
      result.coveredSince = 0;
      break;
    }
    fetched.push(...entries);
    if (queries.length === 1) result.totals.set(keywords[0]!.id, totalResults);
    const oldest = Math.min(...entries.map((e) => Date.parse(e.published)));
    start += entries.length;
    if (entries.length < size || start >= totalResults) {
      result.coveredSince = 0;
      break;
    }
    if (oldest < cutoff) {
      result.coveredSince = cutoff;
      break;
    }
  }
  // A walk cut short by the page limit did not cover the overlap window: try again next time.
  if (result.coveredSince === undefined) result.deep = false;
  for (const k of keywords) result.entries.set(k.id, []);
  if (keywords.length === 1) {
    result.entries.set(keywords[0]!.id, fetched);
    return result;
  }
  const unclaimed: ArxivEntry[] = [];
  for (const entry of fetched) {
    const owners = keywords.filter((k) => matchesKeyword(k, entry) !== false);
    for (const k of owners) result.entries.get(k.id)!.push(entry);
    if (owners.length === 0) unclaimed.push(entry);
  }
  const seen = await ctx.db.seen.bulkGet(unclaimed.map((e) => e.id));
  if (seen.some((s) => s === undefined)) await attributeByAskingEach(keywords, queries, result, fetchPage);
  return result;
}

/**
 * The local matcher is lenient, but arXiv's search has rules of its own: when a paper never seen
 * before matched none of the keywords locally, ask arXiv keyword by keyword (the newest page of
 * each) instead of guessing, so that nothing is lost or misattributed.
 */
async function attributeByAskingEach(
  keywords: readonly Keyword[],
  queries: readonly string[],
  result: StepResult,
  fetchPage: (q: string, start: number, max: number) => ReturnType<StepContext['client']['fetchFeed']>,
): Promise<void> {
  for (const [index, keyword] of keywords.entries()) {
    const answer = await fetchPage(queries[index]!, 0, FALLBACK_PAGE_SIZE);
    if (!answer.ok) continue;
    const list = result.entries.get(keyword.id)!;
    const have = new Set(list.map((e) => e.id));
    for (const entry of answer.feed.entries) if (!have.has(entry.id)) list.push(entry);
  }
}

/** The submission time of the newest paper any of these keywords matched, if any. */
async function newestKnownPublished(db: AppDB, keywordIds: readonly string[]): Promise<number | undefined> {
  let newest: number | undefined;
  for (const id of keywordIds) {
    await db.matches
      .where('[keywordId+listedAt]')
      .between([id, ''], [id, '\uffff'])
      .each((m) => {
        newest = Math.max(newest ?? 0, Date.parse(m.published));
      });
  }
  return newest;
}
