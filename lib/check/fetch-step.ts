import type { ArxivClient, ClientResult } from '../arxiv/client';
import { matchesKeyword } from '../arxiv/keyword-match';
import { anyOf, idListUrl, searchUrl, submittedBetween } from '../arxiv/query';
import type { ArxivEntry, FeedError } from '../arxiv/types';
import type { AppDB } from '../db/app-db';
import { groupKnowledge } from '../db/known';
import type { CycleStep, KeywordStateRecord } from '../db/schema';
import type { Keyword } from '../keywords/keyword';
import { EVERY_KEYWORD, groupSignature, settledPapers } from './heard';
import { OVERLAP_WINDOW_MS } from './plan';

/**
 * The first page of a combined query is small: on most checks its count already shows that
 * nothing is missing, and a small page costs arXiv (and the user) a quarter of the bytes.
 */
export const HEAD_PAGE_SIZE = 25;
/** The first page of a fill, unless the retention keeps more. */
export const PAGE_SIZE = 100;
/** Pages after the first are larger: a walk may read a week of a group's papers. */
export const WINDOW_PAGE_SIZE = 200;
/** A walk reads at most this many pages; what lies beyond is recorded, not read. */
export const WINDOW_MAX_PAGES = 8;
const DAY_MS = 24 * 3_600_000;

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
  /** Per keyword, the entries its rules matched only leniently (or could not decide). */
  loose: Map<string, Set<string>>;
  /**
   * Stored papers of the week that the group's keywords without a record of them cannot claim by
   * their local rules, each with a keyword that knows it: marked as heard by the group (see
   * settledPapers).
   */
  heard: Array<{ keywordId: string; paperId: string }>;
  /** For 'revisions': the latest versions of the looked-up papers. */
  revisions: ArxivEntry[];
  failure?: StepFailure;
  /** totalResults, when the answer was for one keyword alone. */
  totals: Map<string, number>;
  /** The walk stopped at its page limit: papers submitted before this were not read. */
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
    loose: new Map(),
    heard: [],
    revisions: [],
    totals: new Map(),
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
    result.heard = [];
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
  enough: (entries: readonly ArxivEntry[], total: number) => boolean,
  emptyIsSuspect: boolean,
): Promise<{ entries: ArxivEntry[]; total: number; complete: boolean; stopped: boolean }> {
  // `complete`: every result was read; `stopped`: `enough` said so; neither: the page limit, or
  // a short page where the count says more exist (then nothing older than it is taken as read).
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
    // Only the count says the results ended: a short page where more exist ends the walk without
    // claiming that everything was read.
    if (start >= total) return { entries, total, complete: true, stopped: false };
    if (enough(feed.entries, total)) return { entries, total, complete: false, stopped: true };
    if (feed.entries.length < size) return { entries, total, complete: false, stopped: true };
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
  // Every paper submitted after the oldest one read was in the answers (ties at that instant may
  // not be). An empty fill is believed only the second time (see store-step.ts).
  result.coveredSince = read.complete ? 0 : oldest(read.entries) + 1;
  if (!read.complete && !read.stopped) result.uncoveredBefore = result.coveredSince;
}

/**
 * A combined step: the group's OR-query over the last week (from where every keyword's answers
 * are complete), newest first. arXiv's answer carries the week's count: when every paper it
 * counts is known, the first small page is all it costs (a quiet check of twenty keywords, or of
 * a busy group, is one request). Otherwise the walk goes on until it has found as many unknown
 * papers as are missing, so a paper held in moderation days before is found too. A walk cut short
 * by its page limit records how far it read.
 */
async function fetchCombined(step: CycleStep, ctx: StepContext, result: StepResult, fetchUrl: FetchUrl): Promise<void> {
  const ids = step.keywordIds;
  const now = result.fetchedAt;
  const complete = Math.max(0, ...ids.map((id) => ctx.states.get(id)?.coveredSince ?? 0));
  const windowStart = Math.floor(Math.max(now - OVERLAP_WINDOW_MS, complete) / 60_000) * 60_000;
  const query = submittedBetween(anyOf(ids.map((id) => step.queries[id]!)), windowStart, now + DAY_MS);
  const since = new Date(windowStart).toISOString();
  const group = await groupKnowledge(ctx.db, ids, since, [groupSignature(step), EVERY_KEYWORD]);
  for (const lookup of await ctx.db.lookups.toArray()) {
    const asked = ids.filter((id) => id in lookup.pending || id in lookup.matched);
    if (asked.length === 0 || lookup.entry.published < since) continue;
    group.sure.add(lookup.paperId);
    group.asked.set(lookup.paperId, new Set(asked));
  }
  const known = await settledPapers(
    ctx.db,
    ids.map((id) => ctx.keywords.get(id)),
    group,
    result.heard,
  );
  const fetched = new Map<string, ArxivEntry>();
  let found = 0;
  const read = await walk(
    fetchUrl,
    query,
    (page) => (page === 0 ? HEAD_PAGE_SIZE : WINDOW_PAGE_SIZE),
    WINDOW_MAX_PAGES,
    (page, total) => {
      for (const entry of page) {
        if (!known.has(entry.id) && !fetched.has(entry.id)) found++;
        fetched.set(entry.id, entry);
      }
      return found >= total - known.size;
    },
    known.size > 0,
  );
  for (const entry of read.entries) fetched.set(entry.id, entry);
  if (read.total === 0 && (known.size > 0 || (await emptyAllAlong(ids, step, ctx, fetchUrl)))) {
    throw new StepFailed({ kind: 'glitch', message: GLITCH_MESSAGE });
  }
  if (ids.length === 1) result.totals.set(ids[0]!, read.total);
  if (!read.complete && !read.stopped) result.uncoveredBefore = oldest(read.entries);
  attribute(ids, ctx, result, [...fetched.values()]);
}

/**
 * An empty week is normal for a quiet group, and arXiv also serves empty lists by mistake for
 * minutes at a time. When the group's searches returned papers before, one small request without
 * the date filter tells the two apart: empty too means arXiv's answer is not to be believed.
 */
async function emptyAllAlong(ids: readonly string[], step: CycleStep, ctx: StepContext, fetchUrl: FetchUrl) {
  const counts = await Promise.all(
    ids.map((id) => ctx.db.known.where('[keywordId+paperId]').between([id, ''], [id, '\uffff']).limit(1).count()),
  );
  if (counts.every((count) => count === 0)) return false;
  const { feed } = await fetchUrl(searchUrl(anyOf(ids.map((id) => step.queries[id]!)), { start: 0, maxResults: 1 }));
  return feed.totalResults === 0 || feed.entries.length === 0;
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
    for (const k of owners) {
      result.entries.get(k.id)!.push(entry);
      if (matchesKeyword(k, entry, true) !== true)
        result.loose.set(k.id, (result.loose.get(k.id) ?? new Set()).add(entry.id));
    }
    if (owners.length === 0) result.unclaimed.push(entry);
  }
}
