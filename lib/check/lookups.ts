import type { ArxivClient } from '../arxiv/client';
import { searchUrl, submittedBetween } from '../arxiv/query';
import { storeMatches } from '../db/papers';
import type { CycleRecord, LookupRecord } from '../db/schema';
import { checkWrite } from './guard';
import { storeNews, type StoreContext } from './store-step';

/** Requests spent per check on asking which keyword a paper belongs to; the rest waits for the next check. */
export const LOOKUP_REQUESTS_PER_CHECK = 6;
const LOOKUP_PAGE_SIZE = 200;
const LOOKUP_MAX_PAGES = 3;
const DAY_MS = 24 * 3_600_000;

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
    const waiting = rows.filter((row) => Object.keys(row.pending).length > 0);
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
    for (let page = 0; page < LOOKUP_MAX_PAGES && !complete; page++) {
      const result = await ctx.client.fetchFeed(
        searchUrl(dayQuery, { start: page * LOOKUP_PAGE_SIZE, maxResults: LOOKUP_PAGE_SIZE }),
      );
      requests += result.stats.requests;
      bytes += result.stats.bytes;
      budget--;
      if (!result.ok) {
        await countRequests(ctx, cycle, requests, bytes);
        return; // arXiv fails: the papers wait for the next check
      }
      for (const entry of result.feed.entries) returned.add(entry.id);
      complete = result.feed.entries.length < LOOKUP_PAGE_SIZE || returned.size >= result.feed.totalResults;
    }
    cycle.requests += requests;
    cycle.bytes += bytes;
    await answer(ctx, cycle, asked, keywordId, query, complete ? returned : 'uncertain');
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
): Promise<void> {
  const { db } = ctx;
  await checkWrite(db, cycle.epoch, [db.lookups, db.known, db.cycles], async () => {
    for (const { paperId } of asked) {
      const row = await db.lookups.get(paperId);
      if (!row || row.pending[keywordId] !== query) continue;
      delete row.pending[keywordId];
      if (returned === 'uncertain') row.uncertain = [...(row.uncertain ?? []), keywordId];
      else if (returned?.has(paperId)) row.matched[keywordId] = query;
      else if (returned) await db.known.put({ keywordId, paperId, published: row.entry.published });
      await db.lookups.put(row);
    }
    await db.cycles.put(cycle);
  });
}

/** Stores a paper every keyword has answered for, with its news, and forgets the look-up. */
async function settle(ctx: LookupContext, cycle: CycleRecord, paperId: string): Promise<void> {
  const { db } = ctx;
  const tables = [
    db.lookups,
    db.papers,
    db.matches,
    db.known,
    db.announced,
    db.keywordStates,
    db.cycles,
    db.readMemory,
  ];
  await checkWrite(db, cycle.epoch, tables, async () => {
    const row = await db.lookups.get(paperId);
    if (!row || Object.keys(row.pending).length > 0) return;
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
