import { ArxivClient } from '../arxiv/client';
import { storageSpacing } from '../arxiv/spacing-store';
import { getDb } from '../db/app-db';
import { removeKeywordData } from '../db/papers';
import type { CycleRecord } from '../db/schema';
import { keywordsItem } from '../keywords/keyword-store';
import { refreshBadge } from '../notify/badge';
import { notifyCycle } from '../notify/notifications';
import { getSettings } from '../settings/settings';
import { checkStatusItem } from './check-status';
import { runCycle } from './cycle';
import { keywordQuery } from './plan';
import { scheduleNextCheck, scheduleWatchdog } from './schedule';

/** How many finished checks the log keeps. */
const CHECK_LOG_SIZE = 200;

let client: ArxivClient | undefined;
let running: Promise<void> | undefined;
let pendingAll = false;
const pendingIds = new Set<string>();
/** Whether the running check was asked for every keyword, and the ids it covers once known. */
let coversAll = false;
let coveredIds: ReadonlySet<string> | undefined;

/** The worker's single arXiv client: every request of the extension goes through its queue. */
export function getClient(): ArxivClient {
  client ??= new ArxivClient({ spacing: storageSpacing });
  return client;
}

/**
 * Asks for a check of some keywords (all when no ids are given). Requests that arrive while a
 * check runs join it instead of starting a second one: an alarm and a click make one cycle.
 */
export function requestCheck(keywordIds?: readonly string[]): Promise<void> {
  if (keywordIds) {
    for (const id of keywordIds) if (!coveredIds?.has(id)) pendingIds.add(id);
  } else if (!(running && coversAll)) {
    pendingAll = true;
  }
  running ??= drain().finally(() => {
    running = undefined;
  });
  return running;
}

/** Resolves when no check is running (at once when none is). */
export function whenIdle(): Promise<void> {
  return running ?? Promise.resolve();
}

/** Resumes a check that a stopped worker left unfinished, if any. */
export async function resumeUnfinishedCheck(): Promise<void> {
  const cycle = await getDb().cycles.get('current');
  if (cycle) await requestCheck([]);
}

async function drain(): Promise<void> {
  do {
    const only = pendingAll ? undefined : [...pendingIds];
    pendingAll = false;
    pendingIds.clear();
    coversAll = only === undefined;
    coveredIds = only ? new Set(only) : undefined;
    try {
      await checkAndReport(only);
    } finally {
      coversAll = false;
      coveredIds = undefined;
    }
  } while (pendingAll || pendingIds.size > 0);
}

async function checkAndReport(only: string[] | undefined): Promise<void> {
  const db = getDb();
  const keywords = (await keywordsItem.getValue()).filter((k) => k.enabled);
  // A keyword added while this check runs is only covered if it was there when it started.
  coveredIds = new Set(only ?? keywords.map((k) => k.id));
  const settings = await getSettings();
  const startedAt = Date.now();
  const previous = await checkStatusItem.getValue();
  await scheduleWatchdog();
  await checkStatusItem.setValue({ ...previous, running: true, done: 0, total: 0, current: undefined, startedAt });
  let cycle: CycleRecord | undefined;
  try {
    cycle = await runCycle({
      db,
      client: getClient(),
      keywords,
      only,
      queryOf: keywordQuery,
      papersPerKeyword: settings.papersPerKeyword,
      onProgress: (done, total, current) =>
        checkStatusItem.setValue({ ...previous, running: true, done, total, current, startedAt }),
    });
    await forgetRemovedKeywords();
    const all = await keywordsItem.getValue();
    if (settings.notifications && !cycle.notified) await notifyCycle(db, cycle, all);
    await finishCycle(cycle);
  } catch (error) {
    console.error('Check failed', error);
  } finally {
    const newCount = cycle ? new Set(Object.values(cycle.fresh).flat()).size : 0;
    const plan = await scheduleNextCheck(cycle);
    await checkStatusItem.setValue({
      // A request that joined while this check ran starts the next one at once: still running.
      running: pendingAll || pendingIds.size > 0,
      done: cycle?.steps.length ?? 0,
      total: cycle?.steps.length ?? 0,
      startedAt,
      finishedAt: Date.now(),
      lastNewCount: cycle ? newCount : undefined,
      requests: cycle?.requests,
      bytes: cycle?.bytes,
      nextCheckAt: plan.at,
      nextCheckReason: plan.reason,
    });
    await refreshBadge(db);
  }
}

/** Moves a finished cycle into the log (one transaction, so it is logged exactly once). */
async function finishCycle(cycle: CycleRecord): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.cycles, db.checkLog, async () => {
    await db.checkLog.add({
      startedAt: cycle.startedAt,
      finishedAt: cycle.finishedAt ?? Date.now(),
      outcomes: cycle.outcomes,
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

/** Removes the stored data of keywords the user deleted (also if the worker missed the change). */
export async function forgetRemovedKeywords(): Promise<void> {
  const db = getDb();
  const current = new Set((await keywordsItem.getValue()).map((k) => k.id));
  const known = await db.keywordStates.toCollection().primaryKeys();
  const matched = (await db.matches.orderBy('[keywordId+listedAt]').keys()) as unknown as Array<[string, string]>;
  const ids = new Set([...known, ...matched.map((k) => k[0])]);
  for (const id of ids) if (!current.has(id)) await removeKeywordData(db, id);
}
