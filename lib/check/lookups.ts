import type { ArxivClient } from '../arxiv/client';
import { searchUrl, submittedBetween } from '../arxiv/query';
import { markLookedAt } from '../db/known';
import { storeMatches } from '../db/papers';
import type { CycleRecord, LookupRecord } from '../db/schema';
import { checkWrite } from './guard';
import { storeNews, storeTables, type StoreContext } from './store-step';

/** Requests spent per check on asking which keyword a paper belongs to; the rest waits for the next check. */
export const LOOKUP_REQUESTS_PER_CHECK = 6;
const LOOKUP_PAGE_SIZE = 200;
const LOOKUP_MAX_PAGES = 3;
const DAY_MS = 24 * 3_600_000;
/** An empty answer is asked again after this long (arXiv's empty glitches last minutes). */
const RETRY_EMPTY_MS = 15 * 60_000;

export interface LookupContext extends StoreContext {
  client: Pick<ArxivClient, 'fetchFeed'>;
}

function dayOf(published: string): number {
  return Math.floor(Date.parse(published) / DAY_MS) * DAY_MS;
}

/**
 * Settles the papers that a combined query returned but no keyword's local rules claimed. For each
 * keyword they could be news for, arXiv is asked exactly: the keyword's own query, limited to the
 * paper's submission day (one request answers for every waiting paper of that day). A paper is
 * stored once every keyword has answered. Bounded per check; what is left waits in the database,
 * so nothing is lost and nothing is asked twice.
 */
export async function resolveLookups(ctx: LookupContext, cycle: CycleRecord): Promise<void> {
  const { db } = ctx;
  let budget = LOOKUP_REQUESTS_PER_CHECK;
  for (;;) {
    const rows = await db.lookups.toArray();
    for (const row of rows) if (Object.keys(row.pending).length === 0) await settle(ctx, cycle, row.paperId);
    const waiting = rows.filter((row) => Object.keys(row.pending).length > 0 && (row.retryAt ?? 0) <= ctx.now);
    const first = waiting[0];
    if (!first || budget <= 0) return;
    const [keywordId, query] = Object.entries(first.pending)[0]!;
    const day = dayOf(first.entry.published);
    const asked = waiting.filter((row) => row.pending[keywordId] === query && dayOf(row.entry.published) === day);
    if (ctx.currentQueries.get(keywordId) !== query) {
      // The keyword's search changed (or it was removed): its answer no longer matters.
      await answer(ctx, cycle, asked, keywordId, query, undefined);
      continue;
    }
    const dayQuery = submittedBetween(query, day, day + DAY_MS - 60_000);
    const returned = new Set<string>();
    let complete = false;
    let requests = 0;
    let bytes = 0;
    let start = 0;
    for (let page = 0; page < LOOKUP_MAX_PAGES && !complete && budget > 0; page++) {
      const result = await ctx.client.fetchFeed(searchUrl(dayQuery, { start, maxResults: LOOKUP_PAGE_SIZE }));
      requests += result.stats.requests;
      bytes += result.stats.bytes;
      budget--;
      // arXiv fails, or an empty page where results exist: the papers wait for the next check.
      if (!result.ok || (start > 0 && result.feed.entries.length === 0)) {
        await countRequests(ctx, cycle, requests, bytes);
        return;
      }
      for (const entry of result.feed.entries) returned.add(entry.id);
      start += result.feed.entries.length;
      // Only the count says the answer ended; a short page where more exist is read on.
      complete = start >= result.feed.totalResults;
    }
    cycle.requests += requests;
    cycle.bytes += bytes;
    const emptyAnswer = returned.size === 0;
    await answer(ctx, cycle, asked, keywordId, query, complete ? returned : 'uncertain', emptyAnswer);
  }
}

async function countRequests(ctx: LookupContext, cycle: CycleRecord, requests: number, bytes: number) {
  cycle.requests += requests;
  cycle.bytes += bytes;
  await checkWrite(ctx.db, cycle.epoch, [ctx.db.cycles], () => ctx.db.cycles.put(cycle));
}

/** Records a keyword's answer for the papers it was asked about. */
async function answer(
  ctx: LookupContext,
  cycle: CycleRecord,
  asked: readonly LookupRecord[],
  keywordId: string,
  query: string,
  returned: ReadonlySet<string> | 'uncertain' | undefined,
  emptyAnswer = false,
): Promise<void> {
  const { db } = ctx;
  await checkWrite(db, cycle.epoch, [db.lookups, db.known, db.cycles], async () => {
    for (const { paperId } of asked) {
      const row = await db.lookups.get(paperId);
      if (!row || row.pending[keywordId] !== query) continue;
      delete row.pending[keywordId];
      if (emptyAnswer) row.emptyFrom = { ...row.emptyFrom, [keywordId]: query };
      if (returned === 'uncertain') row.uncertain = [...(row.uncertain ?? []), keywordId];
      else if (returned?.has(paperId)) row.matched[keywordId] = query;
      else if (returned && !emptyAnswer)
        await markLookedAt(db, keywordId, [{ id: paperId, published: row.entry.published }]);
      await db.lookups.put(row);
    }
    await db.cycles.put(cycle);
  });
}

/** Stores a paper every keyword has answered for, with its news, and forgets the look-up. */
async function settle(ctx: LookupContext, cycle: CycleRecord, paperId: string): Promise<void> {
  const { db } = ctx;
  const tables = storeTables(db);
  await checkWrite(db, cycle.epoch, tables, async () => {
    const row = await db.lookups.get(paperId);
    if (!row || Object.keys(row.pending).length > 0) return;
    // Some keyword's search returned it (that is why it is here): when none says so and some
    // answers were empty lists, which arXiv serves for minutes at a time, those are asked again
    // later, twice at most.
    const claimed = Object.keys(row.matched).length > 0 || (row.uncertain?.length ?? 0) > 0;
    if (!claimed && row.emptyFrom && (row.rounds ?? 0) < 2) {
      await db.lookups.put({
        ...row,
        pending: row.emptyFrom,
        emptyFrom: undefined,
        rounds: (row.rounds ?? 0) + 1,
        retryAt: ctx.now + RETRY_EMPTY_MS,
      });
      return;
    }
    // Believed at last: the keywords that answered with an empty list looked at it too.
    for (const keywordId of Object.keys(row.emptyFrom ?? {})) {
      await markLookedAt(db, keywordId, [{ id: paperId, published: row.entry.published }]);
    }
    for (const [keywordId, query] of Object.entries(row.matched)) {
      const state = await db.keywordStates.get(keywordId);
      if (!state || state.query !== query) continue;
      const { news } = await storeNews(ctx, cycle, keywordId, query, state, [row.entry], row.fetchedAt);
      if (news.length === 0) continue;
      const outcome = cycle.outcomes.find((o) => o.keywordId === keywordId);
      const newCount = (outcome?.newCount ?? 0) + news.length;
      cycle.outcomes = [
        ...cycle.outcomes.filter((o) => o.keywordId !== keywordId),
        { revisedCount: 0, ...outcome, keywordId, kind: 'new', newCount },
      ];
    }
    for (const keywordId of row.uncertain ?? []) {
      const state = await db.keywordStates.get(keywordId);
      // Listed (it may well match), never announced: the answer could not be read in full.
      if (state?.initialized) await storeMatches(db, keywordId, [row.entry], ctx.now);
    }
    await db.lookups.delete(paperId);
    await db.cycles.put(cycle);
  });
}
