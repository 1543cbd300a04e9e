import type { ArxivClient } from '../arxiv/client';
import type { AppDB } from '../db/app-db';
import type { CycleRecord } from '../db/schema';
import type { Keyword } from '../keywords/keyword';
import { keywordsItem } from '../keywords/keyword-store';
import { refreshBadge } from '../notify/badge';
import { notifyCycle } from '../notify/notifications';
import { getSettings } from '../settings/settings';
import { checkStatusItem } from './check-status';
import { newCycle, queriesNow, runCycle } from './cycle';
import { CheckCancelled, checkWrite, currentEpoch } from './guard';
import { reconcileKeywords } from './keyword-sync';
import { planRevisionSteps, planSteps, keywordQuery, type RevisionSweep } from './plan';
import { armWatchdog, disarmWatchdog, scheduleNextCheck, scheduleRetry, syncNextCheck } from './schedule';
import { REVISION_SWEEP_KEY } from './store-step';

/** How many finished checks the log keeps. */
const CHECK_LOG_SIZE = 200;
/** A check that failed unexpectedly this often (a bug, not arXiv) is dropped instead of retried forever. */
const MAX_ATTEMPTS = 3;
export const QUEUE_KEY = 'checkQueue';

/** The checks asked for and not started yet: every keyword, and/or some (fills after edits). */
export interface CheckQueue {
  all: boolean;
  ids: string[];
}

export interface EngineDeps {
  db: () => AppDB;
  client: () => Pick<ArxivClient, 'fetchFeed'>;
  keywords?: () => Promise<readonly Keyword[]>;
  now?: () => number;
}

/**
 * The one check coordinator. Its state is in the database, not in the worker's memory: the queue
 * of requested checks and the check in progress (with its steps). A worker that the browser
 * stopped resumes from there. Requests that arrive while a check runs are queued: a full check is
 * never swallowed by a partial one, and a partial check never counts as a full one. Within one
 * worker, one check runs at a time; an alarm and a click arriving together make one check.
 */
export function createCheckEngine(deps: EngineDeps) {
  const now = deps.now ?? Date.now;
  const readKeywords = deps.keywords ?? (() => keywordsItem.getValue());
  let running: Promise<void> | undefined;
  let again = false;
  /** Requests on their way (queued, then drained): whenIdle waits for them too. */
  const arriving = new Set<Promise<void>>();
  let syncing: Promise<unknown> = Promise.resolve();

  /** Records a request in the queue (joining the running full check when that covers it). */
  async function enqueue(ids?: readonly string[]): Promise<void> {
    const db = deps.db();
    await db.transaction('rw', db.meta, db.cycles, async () => {
      const cycle = await db.cycles.get('current');
      const queue = ((await db.meta.get(QUEUE_KEY))?.value as CheckQueue | undefined) ?? { all: false, ids: [] };
      if (!ids) {
        if (cycle?.scope === 'all' && cycle.finishedAt === undefined) return;
        queue.all = true;
      } else {
        // A fill still to come in the running check covers the request (if its search changed
        // meanwhile, the step is not stored and the keyword is queued again).
        const pending = new Set(
          cycle?.steps
            .filter((s) => s.kind === 'first' && !cycle.doneSteps.includes(s.key))
            .flatMap((s) => s.keywordIds),
        );
        queue.ids = [...new Set([...queue.ids, ...ids.filter((id) => !pending.has(id))])];
      }
      await db.meta.put({ key: QUEUE_KEY, value: queue });
    });
  }

  /** The check to run now: the unfinished one, or a new one planned from the queue. */
  async function openNext(): Promise<CycleRecord | undefined> {
    const db = deps.db();
    for (;;) {
      const keywords = await readKeywords();
      await reconcileKeywords(db, keywords);
      const cycle = await planNext(db, keywords);
      // The list changed while the check was planned: plan it again with the list as it is now.
      if (cycle && cycle.doneSteps.length === 0 && JSON.stringify(await readKeywords()) !== JSON.stringify(keywords)) {
        await unplan(db, cycle);
        continue;
      }
      return cycle;
    }
  }

  /** Puts a check that has not started back into the queue. */
  async function unplan(db: AppDB, cycle: CycleRecord): Promise<void> {
    await db.transaction('rw', db.meta, db.cycles, async () => {
      await db.cycles.delete('current');
      const queue = ((await db.meta.get(QUEUE_KEY))?.value as CheckQueue | undefined) ?? { all: false, ids: [] };
      const ids = cycle.steps.flatMap((s) => s.keywordIds);
      queue.all ||= cycle.scope === 'all';
      queue.ids = [...new Set([...queue.ids, ...ids])];
      await db.meta.put({ key: QUEUE_KEY, value: queue });
    });
  }

  async function planNext(db: AppDB, keywords: readonly Keyword[]): Promise<CycleRecord | undefined> {
    return db.transaction('rw', [db.meta, db.cycles, db.keywordStates, db.papers], async () => {
      const existing = await db.cycles.get('current');
      if (existing) return existing;
      const queue = (await db.meta.get(QUEUE_KEY))?.value as CheckQueue | undefined;
      await db.meta.delete(QUEUE_KEY);
      if (!queue || (!queue.all && queue.ids.length === 0)) return undefined;
      const chosen = queue.all ? keywords : keywords.filter((k) => queue.ids.includes(k.id));
      const states = new Map(
        (await db.keywordStates.bulkGet(chosen.map((k) => k.id))).flatMap((s) =>
          s ? [[s.keywordId, s] as const] : [],
        ),
      );
      const steps = planSteps(chosen, states, keywordQuery);
      if (queue.all) {
        const saved = (await db.papers.where('saved').equals(1).primaryKeys()) as string[];
        const sweep = ((await db.meta.get(REVISION_SWEEP_KEY))?.value as RevisionSweep | undefined) ?? {
          doneFor: 0,
          cursor: '',
        };
        steps.push(...planRevisionSteps(saved, sweep, now()));
      }
      const cycle = newCycle(queue.all ? 'all' : 'some', await currentEpoch(db), steps, now());
      await db.cycles.put(cycle);
      return cycle;
    });
  }

  async function runOne(cycle: CycleRecord): Promise<void> {
    const db = deps.db();
    const settings = await getSettings();
    const previous = await checkStatusItem.getValue();
    const startedAt = cycle.startedAt;
    await checkStatusItem.setValue({
      ...previous,
      running: true,
      done: 0,
      total: cycle.steps.length,
      current: undefined,
      startedAt,
    });
    const { cycle: done, redo } = await runCycle(
      {
        db,
        client: deps.client(),
        keywords: readKeywords,
        papersPerKeyword: settings.papersPerKeyword,
        now,
        onProgress: async (doneSteps, total, current) => {
          await armWatchdog(now());
          await checkStatusItem.setValue({
            ...(await checkStatusItem.getValue()),
            running: true,
            done: doneSteps,
            total,
            current,
            startedAt,
          });
        },
      },
      cycle,
    );
    if (redo.length > 0) await enqueue(redo);
    // The badge counts the new papers before the notification announces them.
    await refreshBadge(db);
    // News of a keyword whose search changed (or that was removed) since is not announced.
    const current = await readKeywords();
    const queries = queriesNow(current);
    const announced = current.filter(
      (k) => done.freshQueries[k.id] !== undefined && queries.get(k.id) === done.freshQueries[k.id],
    );
    if (settings.notifications && !done.notified) {
      // Recorded before it is shown: a worker stopped in between never shows it twice.
      await checkWrite(db, done.epoch, [db.cycles], async () => {
        done.notified = true;
        await db.cycles.put(done);
      });
      await notifyCycle(db, done, announced);
    }
    const news = Object.fromEntries(announced.map((k) => [k.id, done.fresh[k.id] ?? []]));
    await finishCycle(db, done, news);
    const finishedAt = done.finishedAt ?? now();
    const full = done.scope === 'all';
    const status = await checkStatusItem.getValue();
    await checkStatusItem.setValue({
      ...status,
      running: await hasQueued(db),
      done: done.steps.length,
      total: done.steps.length,
      current: undefined,
      startedAt,
      finishedAt,
      lastFullCheckAt: full ? finishedAt : status.lastFullCheckAt,
      lastNewCount: new Set(Object.values(done.fresh).flat()).size,
      requests: done.requests,
      bytes: done.bytes,
    });
    // Recomputed after every check: a full one moves it on; Retry-After may push it back.
    await scheduleNextCheck(now());
    await scheduleRetry(done, now());
  }

  /** Runs checks until none is unfinished or queued. */
  async function drainOnce(): Promise<void> {
    const db = deps.db();
    try {
      for (;;) {
        const cycle = await openNext();
        if (!cycle) break;
        await armWatchdog(now());
        try {
          await runOne(cycle);
        } catch (error) {
          if (error instanceof CheckCancelled) {
            // "Clear all data" ran: nothing of this check is kept, not even its status.
            await checkStatusItem.removeValue();
            continue;
          }
          console.error('Check failed', error);
          if (!(await giveUpAfterRepeatedFailure(db, cycle))) break;
        }
      }
    } finally {
      await disarmWatchdog();
      // Whatever a stopped worker left in the status, nothing runs now.
      const status = await checkStatusItem.getValue();
      if (status.running) await checkStatusItem.setValue({ ...status, running: false, current: undefined });
      await syncNextCheck();
      await refreshBadge(db);
    }
  }

  /**
   * Starts draining, or makes the drain under way look again before it ends: a request queued
   * while the last pass was closing is never left behind.
   */
  function drain(): Promise<void> {
    again = true;
    running ??= (async () => {
      try {
        while (again) {
          again = false;
          await drainOnce();
        }
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  return {
    /** Asks for a check of some keywords (all when no ids are given) and runs what is queued. */
    requestCheck(keywordIds?: readonly string[]): Promise<void> {
      const request = enqueue(keywordIds).then(() => drain());
      arriving.add(request);
      void request.finally(() => arriving.delete(request)).catch(() => undefined);
      return request;
    },
    /** Runs what a stopped worker left: an unfinished check or queued requests. */
    resume(): Promise<void> {
      return drain();
    },
    /** Resolves when no check is running in this worker. */
    async whenIdle(): Promise<void> {
      while (arriving.size > 0 || running) await Promise.allSettled([...arriving, running]);
    },
    /**
     * Applies a change of the keyword list: removed and changed keywords lose their data, and
     * keywords that need a fill are checked. Serialised, and always against the latest list.
     */
    keywordsChanged(): Promise<unknown> {
      syncing = syncing.then(async () => {
        const fill = await reconcileKeywords(deps.db(), await readKeywords());
        await refreshBadge(deps.db());
        if (fill.length > 0) void this.requestCheck(fill);
      });
      return syncing.catch((error) => console.error('Keyword update failed', error));
    },
  };
}

export type CheckEngine = ReturnType<typeof createCheckEngine>;

async function hasQueued(db: AppDB): Promise<boolean> {
  const queue = (await db.meta.get(QUEUE_KEY))?.value as CheckQueue | undefined;
  return queue !== undefined && (queue.all || queue.ids.length > 0);
}

/** Counts an unexpected failure of a check; drops the check after MAX_ATTEMPTS. True: go on. */
async function giveUpAfterRepeatedFailure(db: AppDB, cycle: CycleRecord): Promise<boolean> {
  const attempts = ((await db.meta.get('attempts'))?.value as { id: string; n: number } | undefined) ?? {
    id: cycle.id,
    n: 0,
  };
  const n = attempts.id === cycle.id ? attempts.n + 1 : 1;
  if (n < MAX_ATTEMPTS) {
    await db.meta.put({ key: 'attempts', value: { id: cycle.id, n } });
    return false;
  }
  await db.transaction('rw', db.cycles, db.meta, async () => {
    await db.cycles.delete('current');
    await db.meta.delete('attempts');
  });
  return true;
}

/** Moves a finished cycle into the log (one transaction, so it is logged exactly once). */
async function finishCycle(db: AppDB, cycle: CycleRecord, news: Record<string, string[]>): Promise<void> {
  await checkWrite(db, cycle.epoch, [db.cycles, db.checkLog], async () => {
    await db.checkLog.add({
      startedAt: cycle.startedAt,
      finishedAt: cycle.finishedAt ?? Date.now(),
      scope: cycle.scope,
      outcomes: cycle.outcomes,
      news,
      requests: cycle.requests,
      bytes: cycle.bytes,
    });
    await db.cycles.delete('current');
    const count = await db.checkLog.count();
    if (count > CHECK_LOG_SIZE) {
      const old = await db.checkLog
        .orderBy('startedAt')
        .limit(count - CHECK_LOG_SIZE)
        .primaryKeys();
      await db.checkLog.bulkDelete(old);
    }
  });
}
