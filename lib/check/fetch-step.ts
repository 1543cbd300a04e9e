import type { ArxivClient, ClientResult } from '../arxiv/client';
import { matchesKeyword } from '../arxiv/keyword-match';
import { anyOf, idListUrl, searchUrl, submittedBetween } from '../arxiv/query';
import type { ArxivEntry, FeedError } from '../arxiv/types';
import type { AppDB } from '../db/app-db';
import { knownIdsSince, newestKnownPublished } from '../db/known';
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
/** Never walk more than this many pages of a head walk in one step. */
export const MAX_PAGES = 10;
/** Pages of a fill or a deep scan are larger: they read a week of a keyword's papers. */
export const WINDOW_PAGE_SIZE = 200;
/** A fill or a deep scan reads at most this many pages; what lies beyond is recorded, not read. */
export const WINDOW_MAX_PAGES = 8;

export const GLITCH_MESSAGE =
  'arXiv answered with an empty list where it had results; this happens for a few minutes at a time, so nothing was changed and the next check will try again.';
export const INCOMPLETE_MESSAGE =
  'arXiv sent an incomplete list (an empty page in the middle); nothing was changed and the next check will try again.';

export type StepFailure = { kind: 'error' | 'glitch'; message: string; retryAfterMs?: number };

/** What one step fetched: entries per keyword, or a failure for the whole step. */
export interface StepResult {
  /** Entries attributed to each keyword of the step. */
  entries: Map<string, ArxivEntry[]>;
  /** Entries of a combined query that no keyword's local rules claimed. */
  unclaimed: ArxivEntry[];
  /** For 'revisions': the latest versions of the looked-up papers. */
  revisions: ArxivEntry[];
  failure?: StepFailure;
  /** totalResults, when the answer was for one keyword alone. */
  totals: Map<string, number>;
  /** A deep scan over the overlap window was completed. */
  deep: boolean;
  /** The deep scan or fill stopped at its page limit: papers submitted before this were not read. */
  uncoveredBefore?: number;
  /** For a fill: every paper submitted since this time was in the answers (0 = all of them). */
  coveredSince?: number;
  /** When the (first) answer was fetched. */
  fetchedAt: number;
  requests: number;
  bytes: number;
}

export interface StepContext {
  db: AppDB;
  client: Pick<ArxivClient, 'fetchFeed'>;
  keywords: ReadonlyMap<string, Keyword>;
  states: ReadonlyMap<string, KeywordStateRecord>;
  papersPerKeyword: number;
  now: () => number;
}

function asFailure(error: FeedError): StepFailure {
  return { kind: 'error', message: error.message, retryAfterMs: error.retryAfterMs };
}

class StepFailed extends Error {
  constructor(readonly failure: StepFailure) {
    super(failure.message);
  }
}

/** Fetches what one step needs from arXiv; writes nothing. */
export async function fetchStep(step: CycleStep, ctx: StepContext): Promise<StepResult> {
  const result: StepResult = {
    entries: new Map(),
    unclaimed: [],
    revisions: [],
    totals: new Map(),
    deep: false,
    fetchedAt: ctx.now(),
    requests: 0,
    bytes: 0,
  };
  const fetchUrl = async (url: string): Promise<ClientResult & { ok: true }> => {
    const answer = await ctx.client.fetchFeed(url);
    result.requests += answer.stats.requests;
    result.bytes += answer.stats.bytes;
    if (!answer.ok) throw new StepFailed(asFailure(answer.error));
    return answer;
  };
  try {
    if (step.kind === 'revisions') {
      if (step.paperIds && step.paperIds.length > 0)
        result.revisions = (await fetchUrl(idListUrl(step.paperIds))).feed.entries;
    } else if (step.kind === 'first') {
      await fetchFill(step, ctx, result, fetchUrl);
    } else {
      await fetchCombined(step, ctx, result, fetchUrl);
    }
  } catch (error) {
    if (!(error instanceof StepFailed)) throw error;
    result.entries.clear();
    result.unclaimed = [];
    result.revisions = [];
    result.failure = error.failure;
  }
  return result;
}

type FetchUrl = (url: string) => Promise<ClientResult & { ok: true }>;

/**
 * Reads a query newest first, page by page, until `enough` says so, the results end, or the page
 * limit is reached. Empty pages where results exist are arXiv glitches: the step fails.
 */
async function walk(
  fetchUrl: FetchUrl,
  query: string,
  sizes: (page: number) => number,
  maxPages: number,
  enough: (entries: readonly ArxivEntry[]) => boolean,
  emptyIsSuspect: boolean,
): Promise<{ entries: ArxivEntry[]; total: number; complete: boolean; stopped: boolean }> {
  const entries: ArxivEntry[] = [];
  let total = 0;
  let start = 0;
  for (let page = 0; page < maxPages; page++) {
    const size = sizes(page);
    const { feed } = await fetchUrl(searchUrl(query, { start, maxResults: size }));
    total = feed.totalResults;
    if (feed.entries.length === 0) {
      // arXiv sometimes serves empty pages for minutes: never believe one where results exist.
      if (page === 0 && (emptyIsSuspect || total > 0))
        throw new StepFailed({ kind: 'glitch', message: GLITCH_MESSAGE });
      if (page > 0 && start < total) throw new StepFailed({ kind: 'glitch', message: INCOMPLETE_MESSAGE });
      return { entries, total, complete: true, stopped: false };
    }
    entries.push(...feed.entries);
    start += feed.entries.length;
    if (feed.entries.length < size || start >= total) return { entries, total, complete: true, stopped: false };
    if (enough(feed.entries)) return { entries, total, complete: false, stopped: true };
  }
  return { entries, total, complete: false, stopped: false };
}

function oldest(entries: readonly ArxivEntry[]): number {
  return Math.min(...entries.map((e) => Date.parse(e.published)));
}

/**
 * A keyword's fill: its newest papers, reaching back over the overlap window (so that a paper
 * held in moderation and announced later is recognised as news), at most a bounded number of
 * pages. `coveredSince` records how far the answers reached.
 */
async function fetchFill(step: CycleStep, ctx: StepContext, result: StepResult, fetchUrl: FetchUrl): Promise<void> {
  const keywordId = step.keywordIds[0]!;
  const query = step.queries[keywordId]!;
  const cutoff = result.fetchedAt - OVERLAP_WINDOW_MS;
  const first = Math.min(Math.max(ctx.papersPerKeyword, PAGE_SIZE), 2_000);
  const read = await walk(
    fetchUrl,
    query,
    (page) => (page === 0 ? first : WINDOW_PAGE_SIZE),
    WINDOW_MAX_PAGES,
    (page) => oldest(page) < cutoff,
    false,
  );
  result.entries.set(keywordId, read.entries);
  result.totals.set(keywordId, read.total);
  result.deep = read.complete || read.stopped;
  // Every paper submitted after the oldest one read was in the answers (ties at that instant may not be).
  result.coveredSince = read.complete ? 0 : oldest(read.entries) + 1;
  if (!read.complete && !read.stopped) result.uncoveredBefore = result.coveredSince;
}

/**
 * A combined step: the head of the group's OR-query down to known ground (the newest paper each
 * keyword's search returned before: the walk goes on until every keyword reached its own), then,
 * after an announcement, a deep scan of the overlap window for papers held in moderation. The
 * deep scan first asks arXiv how many papers the window holds: when every one of them is known,
 * that one small request is all it costs.
 */
async function fetchCombined(step: CycleStep, ctx: StepContext, result: StepResult, fetchUrl: FetchUrl): Promise<void> {
  const ids = step.keywordIds;
  const query = anyOf(ids.map((id) => step.queries[id]!));
  const newest = await Promise.all(ids.map((id) => newestKnownPublished(ctx.db, id)));
  const now = result.fetchedAt;
  const windowStart = now - OVERLAP_WINDOW_MS;
  const cutoff = newest.some((n) => n === undefined) ? windowStart : Math.min(...newest.map((n) => Date.parse(n!)));
  const head = await walk(
    fetchUrl,
    query,
    (page) => (page === 0 ? HEAD_PAGE_SIZE : PAGE_SIZE),
    MAX_PAGES,
    (page) => oldest(page) < cutoff,
    newest.some((n) => n !== undefined),
  );
  if (ids.length === 1) result.totals.set(ids[0]!, head.total);
  const fetched = new Map(head.entries.map((e) => [e.id, e]));
  // A head walk cut short by its page limit left a gap: the deep scan fills it.
  const deepDue =
    (!head.complete && !head.stopped) || ids.some((id) => deepScanDue(ctx.states.get(id)?.lastDeepScanAt, now));
  if (deepDue && !head.complete) await deepScan(query, ids, ctx, result, fetched, fetchUrl);
  else result.deep = deepDue; // the head read everything there is
  attribute(ids, ctx, result, [...fetched.values()]);
}

/** Compares arXiv's count of the window with what is known, and reads the window if papers are missing. */
async function deepScan(
  query: string,
  ids: readonly string[],
  ctx: StepContext,
  result: StepResult,
  fetched: Map<string, ArxivEntry>,
  fetchUrl: FetchUrl,
): Promise<void> {
  const windowStart = Math.floor((result.fetchedAt - OVERLAP_WINDOW_MS) / 60_000) * 60_000;
  const windowQuery = submittedBetween(query, windowStart, result.fetchedAt + 24 * 3_600_000);
  const since = new Date(windowStart).toISOString();
  const known = await knownIdsSince(ctx.db, ids, since);
  for (const lookup of await ctx.db.lookups.toArray()) {
    if (ids.some((id) => id in lookup.pending || id in lookup.matched)) known.add(lookup.paperId);
  }
  for (const entry of fetched.values()) if (entry.published >= since) known.add(entry.id);
  const { feed } = await fetchUrl(searchUrl(windowQuery, { start: 0, maxResults: 1 }));
  if (feed.totalResults === 0 && known.size > 0) throw new StepFailed({ kind: 'glitch', message: GLITCH_MESSAGE });
  const missing = feed.totalResults - known.size;
  if (missing > 0) {
    let found = 0;
    const read = await walk(
      fetchUrl,
      windowQuery,
      () => WINDOW_PAGE_SIZE,
      WINDOW_MAX_PAGES,
      (page) => {
        for (const entry of page) {
          if (known.has(entry.id) || fetched.has(entry.id)) continue;
          fetched.set(entry.id, entry);
          found++;
        }
        return found >= missing;
      },
      true,
    );
    for (const entry of read.entries) if (!fetched.has(entry.id) && !known.has(entry.id)) fetched.set(entry.id, entry);
    if (!read.complete && !read.stopped) result.uncoveredBefore = oldest(read.entries);
  }
  result.deep = true;
}

/**
 * Files each fetched paper under the keywords whose rules it meets (leniently: see
 * keyword-match.ts). A single keyword takes all. What no keyword claims is left to the caller,
 * which asks arXiv when the answer could make it news.
 */
function attribute(ids: readonly string[], ctx: StepContext, result: StepResult, entries: readonly ArxivEntry[]): void {
  for (const id of ids) result.entries.set(id, []);
  if (ids.length === 1) {
    result.entries.set(ids[0]!, [...entries]);
    return;
  }
  const keywords = ids.map((id) => ctx.keywords.get(id)).filter((k): k is Keyword => k !== undefined);
  for (const entry of entries) {
    const owners = keywords.filter((k) => matchesKeyword(k, entry) !== false);
    for (const k of owners) result.entries.get(k.id)!.push(entry);
    if (owners.length === 0) result.unclaimed.push(entry);
  }
}
