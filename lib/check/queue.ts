import type { AppDB } from '../db/app-db';
import { savedIdsAfter } from '../db/papers';
import type { CycleRecord, CycleStep } from '../db/schema';
import type { Keyword } from '../keywords/keyword';
import { currentEpoch } from '../db/epoch';
import { keywordQuery, planSteps } from './plan';
import {
  planRevisionSteps,
  REVISION_BATCH,
  REVISION_BATCHES_PER_CHECK,
  REVISION_SWEEP_KEY,
  revisionSweepDue,
  type RevisionSweep,
} from './revisions';

/**
 * The queue of requested checks, in the database: what was asked (every keyword, or some) and
 * not started yet. The check in progress is the `cycles` record; together they are the whole
 * state of the coordinator, so a stopped worker loses nothing.
 */
export const QUEUE_KEY = 'checkQueue';

/** The checks asked for and not started yet: every keyword, and/or some (fills after edits). */
export interface CheckQueue {
  all: boolean;
  ids: string[];
}

async function readQueue(db: AppDB): Promise<CheckQueue> {
  return ((await db.meta.get(QUEUE_KEY))?.value as CheckQueue | undefined) ?? { all: false, ids: [] };
}

/** Whether a check is waiting to start. */
export async function hasQueued(db: AppDB): Promise<boolean> {
  const queue = await readQueue(db);
  return queue.all || queue.ids.length > 0;
}

/**
 * Records a request (all keywords when no ids are given). A request for every keyword joins a
 * full check that is running; a fill still to come in the running check covers a request for
 * that keyword (if its search changed meanwhile, the step is not stored and the keyword is queued
 * again).
 */
export async function enqueueCheck(db: AppDB, ids?: readonly string[]): Promise<void> {
  await db.transaction('rw', db.meta, db.cycles, async () => {
    const cycle = await db.cycles.get('current');
    const queue = await readQueue(db);
    if (!ids) {
      if (cycle?.scope === 'all' && cycle.finishedAt === undefined) return;
      queue.all = true;
    } else {
      const pending = new Set(
        cycle?.steps.filter((s) => s.kind === 'first' && !cycle.doneSteps.includes(s.key)).flatMap((s) => s.keywordIds),
      );
      queue.ids = [...new Set([...queue.ids, ...ids.filter((id) => !pending.has(id))])];
    }
    await db.meta.put({ key: QUEUE_KEY, value: queue });
  });
}

/** Puts a check that has not started back into the queue. */
export async function unplan(db: AppDB, cycle: CycleRecord): Promise<void> {
  await db.transaction('rw', db.meta, db.cycles, async () => {
    await db.cycles.delete('current');
    const queue = await readQueue(db);
    queue.all ||= cycle.scope === 'all';
    queue.ids = [...new Set([...queue.ids, ...cycle.steps.flatMap((s) => s.keywordIds)])];
    await db.meta.put({ key: QUEUE_KEY, value: queue });
  });
}

/**
 * The check to run: the unfinished one, or a new one planned from the queue (which it empties),
 * or none. A full check also looks up new versions of saved papers when that is due.
 */
export async function planNext(db: AppDB, keywords: readonly Keyword[], now: number): Promise<CycleRecord | undefined> {
  return db.transaction('rw', [db.meta, db.cycles, db.keywordStates, db.papers], async () => {
    const existing = await db.cycles.get('current');
    if (existing) return existing;
    const queue = await readQueue(db);
    await db.meta.delete(QUEUE_KEY);
    if (!queue.all && queue.ids.length === 0) return undefined;
    const chosen = queue.all ? keywords : keywords.filter((k) => queue.ids.includes(k.id));
    const states = new Map(
      (await db.keywordStates.bulkGet(chosen.map((k) => k.id))).flatMap((s) => (s ? [[s.keywordId, s] as const] : [])),
    );
    const steps = planSteps(chosen, states, keywordQuery);
    if (queue.all) {
      const sweep = ((await db.meta.get(REVISION_SWEEP_KEY))?.value as RevisionSweep | undefined) ?? {
        doneFor: 0,
        cursor: '',
      };
      // Only the ids this check can look up (and one more, to tell whether the sweep ends), read
      // from the index, and only when the sweep is due: never every saved paper on every check.
      const saved = revisionSweepDue(sweep, now)
        ? await savedIdsAfter(db, sweep.cursor, REVISION_BATCH * REVISION_BATCHES_PER_CHECK + 1)
        : [];
      steps.push(...planRevisionSteps(saved, sweep, now));
    }
    const cycle = newCycle(queue.all ? 'all' : 'some', await currentEpoch(db), steps, now);
    await db.cycles.put(cycle);
    return cycle;
  });
}

/** A new check record with its planned steps. */
export function newCycle(
  scope: CycleRecord['scope'],
  epoch: number,
  steps: CycleStep[],
  startedAt: number,
): CycleRecord {
  return {
    key: 'current',
    id: `${startedAt.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    scope,
    epoch,
    startedAt,
    steps,
    doneSteps: [],
    fresh: {},
    freshQueries: {},
    revisedSaved: [],
    outcomes: [],
    requests: 0,
    bytes: 0,
  };
}
