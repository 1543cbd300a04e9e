import type { ArxivEntry } from '../arxiv/types';
import type { AppDB } from '../db/app-db';
import { storeMatches } from '../db/papers';
import { pruneKeyword } from '../db/retention';
import type { CycleRecord, CycleStep, KeywordOutcomeRecord, KeywordStateRecord } from '../db/schema';
import type { StepResult } from './fetch-step';
import { checkWrite } from './guard';
import { holdUncertain, holdUnclaimed } from './doubts';
import { newsFor } from './news';
import { EVERY_KEYWORD, heardByEveryKeyword, markHeard } from './heard';
import { OVERLAP_WINDOW_MS } from './plan';
import { enqueueCheck } from './queue';
import { storeRevisions } from './revisions';
import { searchTables } from '../db/search-index';
import type { Keyword } from '../keywords/keyword';

export interface StoreContext {
  db: AppDB;
  /** The keyword list, read just before storing. */
  keywords: readonly Keyword[];
  /** Each keyword's query now (undefined: removed or not queryable), read just before storing. */
  currentQueries: ReadonlyMap<string, string | undefined>;
  papersPerKeyword: number;
  now: number;
}

/** The tables a check writes when it stores what arXiv answered (a step, or a settled look-up). */
export function storeTables(db: AppDB) {
  return [
    db.papers,
    db.matches,
    db.known,
    db.announced,
    db.keywordStates,
    db.cycles,
    db.lookups,
    db.readMemory,
    db.counters,
    ...searchTables(db),
  ];
}

/**
 * Stores one fetched step and the cycle's progress in one transaction, so that a worker stopped
 * at any point resumes without storing, counting or announcing anything twice. A keyword whose
 * search changed since the step was planned is not stored from it: it was reset and gets a fill
 * of its own, queued in the same transaction.
 */
export async function storeStep(
  ctx: StoreContext,
  cycle: CycleRecord,
  step: CycleStep,
  fetched: StepResult,
): Promise<void> {
  const { db } = ctx;
  return checkWrite(db, cycle.epoch, storeTables(db), async () => {
    const states = new Map(
      (await db.keywordStates.bulkGet(step.keywordIds)).flatMap((s) => (s ? [[s.keywordId, s] as const] : [])),
    );
    const current = step.keywordIds.filter((id) => stillAsked(step, ctx.currentQueries.get(id), states.get(id), id));
    const changed = step.keywordIds.filter((id) => !current.includes(id));
    // Doubts are weighed before anything of the step is stored: what one keyword of the group
    // learns from this answer is no evidence about another.
    const settled = new Map<string, { entries: ArxivEntry[]; loose: Set<string> }>();
    for (const keywordId of fetched.failure ? [] : current) {
      const entries = fetched.entries.get(keywordId) ?? [];
      settled.set(
        keywordId,
        step.kind === 'first'
          ? { entries, loose: new Set() }
          : await holdUncertain(ctx, cycle, step, keywordId, states.get(keywordId), fetched),
      );
    }
    for (const keywordId of current) {
      const outcome = fetched.failure
        ? await storeFailure(ctx, keywordId, states.get(keywordId), fetched)
        : await storeKeyword(ctx, cycle, step, keywordId, states.get(keywordId), fetched, settled.get(keywordId)!);
      cycle.outcomes = [...cycle.outcomes.filter((o) => o.keywordId !== keywordId), outcome];
    }
    if (!fetched.failure) {
      await holdUnclaimed(ctx, cycle, step, current, fetched);
      if (step.kind === 'combined') await markHeard(db, step, current, settled, fetched.heard);
      if (step.kind === 'revisions') await storeRevisions(ctx, cycle, step, fetched);
    }
    // A keyword whose search changed meanwhile gets a check of its own, queued with this step's
    // progress, so that a worker stopped right after cannot lose it.
    cycle.doneSteps.push(step.key);
    cycle.requests += fetched.requests;
    cycle.bytes += fetched.bytes;
    await db.cycles.put(cycle);
    const redo = changed.filter((id) => ctx.currentQueries.get(id) !== undefined);
    if (redo.length > 0) await enqueueCheck(db, redo);
  });
}

/** Whether the keyword still asks what the step asked: same query now, and a state of that query. */
function stillAsked(
  step: CycleStep,
  now: string | undefined,
  state: KeywordStateRecord | undefined,
  id: string,
): boolean {
  const asked = step.queries[id];
  if (asked === undefined || now !== asked) return false;
  if (state?.query !== undefined && state.query !== asked) return false;
  return step.kind === 'first' ? !state?.initialized : state?.initialized === true;
}

async function storeFailure(
  ctx: StoreContext,
  keywordId: string,
  state: KeywordStateRecord | undefined,
  fetched: StepResult,
): Promise<KeywordOutcomeRecord> {
  const failure = fetched.failure!;
  const base: KeywordStateRecord = state ?? { keywordId, initialized: false, lastTotal: 0 };
  await ctx.db.keywordStates.put({ ...base, lastCheckAt: ctx.now, lastError: failure.message });
  return {
    keywordId,
    kind: failure.kind,
    newCount: 0,
    revisedCount: 0,
    error: failure.message,
    ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }),
  };
}

/**
 * Stores a keyword's papers with their news, announces the news (once for the whole history),
 * records them in the cycle for the notification, and updates the keyword's state. `loose`: the
 * papers its rules matched only loosely.
 */
export async function storeNews(
  ctx: StoreContext,
  cycle: CycleRecord,
  keywordId: string,
  query: string,
  state: KeywordStateRecord | undefined,
  entries: readonly ArxivEntry[],
  fetchedAt: number,
  loose: ReadonlySet<string> = new Set(),
): Promise<{ news: string[]; revised: number }> {
  const { db } = ctx;
  const news = await newsFor(db, cycle, keywordId, state, query, ctx.currentQueries.get(keywordId), entries, fetchedAt);
  const unsure = new Set([...loose].filter((id) => !news.has(id)));
  const stored = await storeMatches(db, keywordId, entries, ctx.now, { news, unsure });
  const fresh = [...news].filter((id) => stored.newMatchIds.includes(id));
  await db.announced.bulkPut(fresh.map((id) => ({ id, cycleId: cycle.id, at: ctx.now })));
  if (fresh.length > 0) {
    cycle.fresh = { ...cycle.fresh, [keywordId]: [...new Set([...(cycle.fresh[keywordId] ?? []), ...fresh])] };
    cycle.freshQueries = { ...cycle.freshQueries, [keywordId]: query };
  }
  const revised = await db.papers.bulkGet(stored.revisedPaperIds);
  for (const paper of revised) {
    if (paper?.saved === 1) cycle.revisedSaved = [...new Set([...cycle.revisedSaved, paper.id])];
  }
  await pruneKeyword(db, keywordId, ctx.papersPerKeyword);
  return { news: fresh, revised: stored.revisedPaperIds.length };
}

/** Stores a fill (silent), marking what every other keyword has had its say on (see heard.ts). */
async function storeFill(
  ctx: StoreContext,
  keywordId: string,
  entries: readonly ArxivEntry[],
  fetchedAt: number,
): Promise<{ news: string[]; revised: number }> {
  const { revisedPaperIds } = await storeMatches(ctx.db, keywordId, entries, ctx.now);
  const since = new Date(fetchedAt - OVERLAP_WINDOW_MS).toISOString();
  const heard = await heardByEveryKeyword(ctx.db, ctx.keywords, keywordId, entries, since);
  await ctx.db.known.bulkUpdate(
    heard.map((paperId) => ({ key: [keywordId, paperId] as [string, string], changes: { heard: EVERY_KEYWORD } })),
  );
  return { news: [], revised: revisedPaperIds.length };
}

async function storeKeyword(
  ctx: StoreContext,
  cycle: CycleRecord,
  step: CycleStep,
  keywordId: string,
  previous: KeywordStateRecord | undefined,
  fetched: StepResult,
  settled: { entries: readonly ArxivEntry[]; loose: ReadonlySet<string> },
): Promise<KeywordOutcomeRecord> {
  const query = step.queries[keywordId]!;
  const { entries, loose } = settled;
  const first = step.kind === 'first';
  // An empty fill proves nothing (arXiv serves empty lists for minutes at a time): the keyword is
  // filled again at the next check, and an empty answer is believed the second time.
  const emptyFills = first && entries.length === 0 ? (previous?.emptyFills ?? 0) + 1 : 0;
  if (emptyFills === 1) {
    await ctx.db.keywordStates.put({
      keywordId,
      query,
      initialized: false,
      emptyFills,
      lastTotal: 0,
      lastCheckAt: ctx.now,
      lastSuccessAt: ctx.now,
    });
    return { keywordId, kind: 'first', newCount: 0, revisedCount: 0 };
  }
  const state: KeywordStateRecord = first
    ? {
        keywordId,
        query,
        initialized: true,
        filledAt: fetched.fetchedAt,
        lastTotal: 0,
        coveredSince: emptyFills > 0 ? 0 : fetched.coveredSince,
      }
    : { ...previous!, query };
  const { news, revised } = first
    ? await storeFill(ctx, keywordId, entries, fetched.fetchedAt)
    : await storeNews(ctx, cycle, keywordId, query, previous, entries, fetched.fetchedAt, loose);
  if (first) await pruneKeyword(ctx.db, keywordId, ctx.papersPerKeyword);
  const note =
    fetched.uncoveredBefore === undefined
      ? undefined
      : `arXiv lists more papers for this search than one check reads; papers submitted before ${new Date(fetched.uncoveredBefore).toISOString().slice(0, 10)} were not scanned again.`;
  await ctx.db.keywordStates.put({
    ...state,
    lastCheckAt: ctx.now,
    lastSuccessAt: ctx.now,
    lastError: undefined,
    lastTotal: fetched.totals.get(keywordId) ?? Math.max(state.lastTotal, entries.length),
    // A walk cut at its page limit read everything down to its oldest paper, nothing before:
    // older papers can no longer be told apart from what was there before, so they are no news.
    coveredSince:
      fetched.uncoveredBefore === undefined || first
        ? state.coveredSince
        : Math.max(state.coveredSince ?? 0, fetched.uncoveredBefore + 1),
  });
  return {
    keywordId,
    kind: first ? 'first' : news.length > 0 ? 'new' : 'unchanged',
    newCount: news.length,
    revisedCount: revised,
    ...(note ? { note } : {}),
  };
}
