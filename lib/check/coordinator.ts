import type { ArxivClient } from '../arxiv/client';
import type { AppDB } from '../db/app-db';
import type { CycleRecord } from '../db/schema';
import type { Keyword } from '../keywords/keyword';
import { keywordsItem } from '../keywords/keyword-store';
import { refreshBadge } from '../notify/badge';
import { notifyCycle, papersToAnnounce } from '../notify/notifications';
import { getSettings } from '../settings/settings';
import { checkStatusItem } from './check-status';
import { finishCycle, giveUpAfterRepeatedFailure } from './check-log';
import { queriesNow, runCycle } from './cycle';
import { CheckCancelled, checkWrite } from './guard';
import { reconcileKeywords } from './keyword-sync';
import { armWatchdog, disarmWatchdog, scheduleNextCheck, scheduleRetry, syncNextCheck } from './schedule';
import { enqueueCheck, hasQueued, planNext, unplan } from './queue';

export interface EngineDeps {
  db: () => AppDB;
  client: () => Pick<ArxivClient, 'fetchFeed'>;
  keywords?: () => Promise<readonly Keyword[]>;
  now?: () => number;
  /** Called when the checks under way are over: the ranking scores the papers they stored. */
  afterChecks?: () => void;
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

  const enqueue = (ids?: readonly string[]) => enqueueCheck(deps.db(), ids);

  /** The check to run now: the unfinished one, or a new one planned from the queue. */
  async function openNext(): Promise<CycleRecord | undefined> {
    const db = deps.db();
    for (;;) {
      const keywords = await readKeywords();
      await reconcileKeywords(db, keywords);
      const cycle = await planNext(db, keywords, now());
      // The list changed while the check was planned: plan it again with the list as it is now.
      if (cycle && cycle.doneSteps.length === 0 && JSON.stringify(await readKeywords()) !== JSON.stringify(keywords)) {
        await unplan(db, cycle);
        continue;
      }
      return cycle;
    }
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
    const done = await runCycle(
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
      // What the notification would show, whichever keywords notify.
      lastNewCount: (await papersToAnnounce(db, Object.values(news).flat())).length,
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
    let ran = false;
    try {
      for (;;) {
        const cycle = await openNext();
        if (!cycle) break;
        ran = true;
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
      // An alarm that fired is gone, even when the check did not reach its rescheduling.
      await syncNextCheck();
      await refreshBadge(db);
      if (ran) deps.afterChecks?.();
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
      // The watchdog fired while this worker is still at it: keep watching.
      if (running) void armWatchdog(now());
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
