import type { ArxivClient } from '../arxiv/client';
import type { AppDB } from '../db/app-db';
import { storeMatches } from '../db/papers';
import { pruneKeyword } from '../db/retention';
import type { CycleRecord, CycleStep, KeywordOutcomeRecord, KeywordStateRecord } from '../db/schema';
import type { Keyword } from '../keywords/keyword';
import { fetchStep, type StepResult } from './fetch-step';
import { planSteps } from './plan';

export interface CycleDeps {
  db: AppDB;
  client: Pick<ArxivClient, 'fetchFeed'>;
  /** Every enabled keyword (a resumed cycle may refer to any of them). */
  keywords: readonly Keyword[];
  /** Plan a new cycle for these keyword ids only (all when absent). */
  only?: readonly string[];
  queryOf: (k: Keyword) => string | undefined;
  papersPerKeyword: number;
  now?: () => number;
  onProgress?: (done: number, total: number, current: string | undefined) => Promise<void> | void;
}

/** Starts a new cycle record, or returns the unfinished one a stopped worker left behind. */
async function openCycle(deps: CycleDeps, now: number): Promise<CycleRecord> {
  const existing = await deps.db.cycles.get('current');
  // An existing record is an interrupted check (finished or not): complete it instead of starting anew.
  if (existing) return existing;
  const states = new Map((await deps.db.keywordStates.toArray()).map((s) => [s.keywordId, s]));
  const cycle: CycleRecord = {
    key: 'current',
    id: `${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    startedAt: now,
    steps: planSteps(
      deps.only ? deps.keywords.filter((k) => deps.only!.includes(k.id)) : deps.keywords,
      states,
      deps.queryOf,
    ),
    doneSteps: [],
    newInCycle: [],
    fresh: {},
    revisedSaved: [],
    outcomes: [],
    requests: 0,
    bytes: 0,
  };
  await deps.db.cycles.put(cycle);
  return cycle;
}

/**
 * Runs (or resumes) one check. Each step's papers, keyword status and the cycle's progress are
 * written in one transaction, so a worker stopped at any point resumes without storing,
 * counting or announcing anything twice. Returns the finished cycle record.
 */
export async function runCycle(deps: CycleDeps): Promise<CycleRecord> {
  const now = deps.now ?? Date.now;
  const { db } = deps;
  const cycle = await openCycle(deps, now());
  const keywords = new Map(deps.keywords.map((k) => [k.id, k]));
  const label = (step: CycleStep) =>
    step.keywordIds
      .map((id) => keywords.get(id)?.label)
      .filter(Boolean)
      .join(', ');

  for (const step of cycle.steps) {
    if (cycle.doneSteps.includes(step.key)) continue;
    await deps.onProgress?.(cycle.doneSteps.length, cycle.steps.length, label(step));
    const states = new Map(
      (await db.keywordStates.bulkGet(step.keywordIds)).flatMap((s) => (s ? [[s.keywordId, s]] : [])),
    );
    const fetched = await fetchStep(step, {
      db,
      client: deps.client,
      keywords,
      states,
      queryOf: deps.queryOf,
      papersPerKeyword: deps.papersPerKeyword,
      now: now(),
    });
    await db.transaction('rw', [db.papers, db.matches, db.seen, db.keywordStates, db.cycles], async () => {
      for (const keywordId of step.keywordIds) {
        if (!keywords.has(keywordId)) continue; // removed while the check ran
        const outcome = await storeKeyword(deps, cycle, keywordId, states.get(keywordId), fetched, now());
        cycle.outcomes = [...cycle.outcomes.filter((o) => o.keywordId !== keywordId), outcome];
      }
      cycle.doneSteps.push(step.key);
      cycle.requests += fetched.requests;
      cycle.bytes += fetched.bytes;
      await db.cycles.put(cycle);
    });
  }
  cycle.finishedAt ??= now();
  await db.cycles.put(cycle);
  await deps.onProgress?.(cycle.steps.length, cycle.steps.length, undefined);
  return cycle;
}

/** Stores one keyword's part of a step and returns its outcome; must run inside the step's transaction. */
async function storeKeyword(
  deps: CycleDeps,
  cycle: CycleRecord,
  keywordId: string,
  previous: KeywordStateRecord | undefined,
  fetched: StepResult,
  now: number,
): Promise<KeywordOutcomeRecord> {
  const { db } = deps;
  const state: KeywordStateRecord = previous ?? { keywordId, initialized: false, lastTotal: 0 };
  const failure = fetched.failures.get(keywordId);
  if (failure) {
    await db.keywordStates.put({ ...state, lastCheckAt: now, lastError: failure.message });
    return {
      keywordId,
      kind: failure.kind,
      newCount: 0,
      revisedCount: 0,
      error: failure.message,
      ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }),
    };
  }
  const entries = fetched.entries.get(keywordId) ?? [];
  const stored = await storeMatches(db, keywordId, entries, now, {
    newsSince: state.initialized ? (state.coveredSince ?? 0) : undefined,
    newsInCheck: new Set(cycle.newInCycle),
  });
  cycle.newInCycle = [...new Set([...cycle.newInCycle, ...stored.newPaperIds])];
  const revised = await db.papers.bulkGet(stored.revisedPaperIds);
  for (const paper of revised)
    if (paper?.saved === 1) cycle.revisedSaved = [...new Set([...cycle.revisedSaved, paper.id])];
  await db.keywordStates.put({
    keywordId,
    initialized: true,
    lastCheckAt: now,
    lastSuccessAt: now,
    lastError: undefined,
    lastTotal: fetched.totals.get(keywordId) ?? Math.max(state.lastTotal, entries.length),
    lastDeepScanAt: fetched.deep ? now : state.lastDeepScanAt,
    coveredSince:
      fetched.coveredSince === undefined
        ? state.coveredSince
        : Math.min(state.coveredSince ?? Infinity, fetched.coveredSince),
  });
  await pruneKeyword(db, keywordId, deps.papersPerKeyword);
  if (!state.initialized) {
    return { keywordId, kind: 'first', newCount: 0, revisedCount: stored.revisedPaperIds.length };
  }
  const inCycle = new Set(cycle.newInCycle);
  const fresh = stored.newMatchIds.filter((id) => inCycle.has(id));
  if (fresh.length > 0) cycle.fresh = { ...cycle.fresh, [keywordId]: fresh };
  return {
    keywordId,
    kind: fresh.length > 0 ? 'new' : 'unchanged',
    newCount: fresh.length,
    revisedCount: stored.revisedPaperIds.length,
  };
}
