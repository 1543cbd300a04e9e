import { browser } from 'wxt/browser';
import { arxivNotBefore } from '../arxiv/spacing-store';
import type { CycleRecord } from '../db/schema';
import { missedAnnouncement, nextCheck, type CheckPlan } from '../schedule/next-check';
import { getSettings } from '../settings/settings';
import { checkScheduleItem, checkStatusItem, type CheckSchedule, type CheckStatus } from './check-status';

/**
 * Three alarms, each with one job: the schedule (the next regular check), a retry after a failed
 * check (kept when the settings change), and the watchdog of a running check (it wakes a worker
 * that the browser stopped, so that the check resumes). The popup's "next check" is always the
 * earlier of the first two.
 */
export const CHECK_ALARM = 'scheduled-check';
export const RETRY_ALARM = 'retry-check';
export const WATCHDOG_ALARM = 'check-watchdog';

/** After a failed check, try again this soon (or later, if arXiv asked for more). */
export const RETRY_DELAY_MS = 15 * 60_000;
/** While a check runs, the watchdog fires this long after its last step began. */
export const WATCHDOG_DELAY_MS = 2 * 60_000;

export const REASON_WAIT = 'arXiv asked us to wait before asking again';
export const REASON_RETRY = 'retry: arXiv failed at the last check';

/** The last check of every keyword: what the schedule counts from. */
function lastFullCheck(status: CheckStatus): number | undefined {
  return status.lastFullCheckAt ?? status.finishedAt;
}

/** The next regular check, from the last full check; never before arXiv's Retry-After. */
export async function planScheduledCheck(now = Date.now()): Promise<CheckPlan> {
  const [settings, status, notBefore] = await Promise.all([
    getSettings(),
    checkStatusItem.getValue(),
    arxivNotBefore(),
  ]);
  const plan = nextCheck(settings.schedule, { now, lastCheckAt: lastFullCheck(status) });
  return plan.at < notBefore ? { at: notBefore, reason: REASON_WAIT } : plan;
}

/** Points the schedule alarm at the next regular check (a pending retry stays as it is). */
export async function scheduleNextCheck(now = Date.now()): Promise<void> {
  const plan = await planScheduledCheck(now);
  await browser.alarms.create(CHECK_ALARM, { when: plan.at });
  await syncNextCheck({ scheduledReason: plan.reason });
}

/**
 * After a check: a failure sets the retry alarm (at least RETRY_DELAY_MS, and never before
 * Retry-After), unless the schedule comes first; a full check without failures clears it.
 */
export async function scheduleRetry(cycle: CycleRecord, now = Date.now()): Promise<void> {
  const failures = cycle.outcomes.filter((o) => o.kind === 'error' || o.kind === 'glitch');
  if (failures.length === 0) {
    if (cycle.scope === 'all') await clearRetry();
    return;
  }
  const askedFor = Math.max(0, ...failures.map((o) => o.retryAfterMs ?? 0));
  const at = now + Math.max(RETRY_DELAY_MS, askedFor);
  const scheduled = await browser.alarms.get(CHECK_ALARM);
  if (scheduled && scheduled.scheduledTime <= at) {
    await clearRetry();
    return;
  }
  await browser.alarms.create(RETRY_ALARM, { when: at });
  await syncNextCheck({ retryReason: askedFor > RETRY_DELAY_MS ? REASON_WAIT : REASON_RETRY });
}

async function clearRetry(): Promise<void> {
  await browser.alarms.clear(RETRY_ALARM);
  await syncNextCheck({ retryReason: undefined });
}

/**
 * Writes the earlier of the schedule and retry alarms into the schedule the popup shows, with
 * the reason just given for an alarm that moved. The check status is not touched: whoever resets
 * it, whenever, the next-check line stays.
 */
export async function syncNextCheck(
  reasons: Pick<CheckSchedule, 'scheduledReason' | 'retryReason'> = {},
): Promise<void> {
  const [scheduled, retry, previous] = await Promise.all([
    browser.alarms.get(CHECK_ALARM),
    browser.alarms.get(RETRY_ALARM),
    checkScheduleItem.getValue(),
  ]);
  const schedule = { ...previous, ...reasons };
  const useRetry = retry !== undefined && (scheduled === undefined || retry.scheduledTime < scheduled.scheduledTime);
  const next = useRetry ? retry : scheduled;
  const reason = useRetry ? (schedule.retryReason ?? REASON_RETRY) : (schedule.scheduledReason ?? 'scheduled');
  await checkScheduleItem.setValue({
    ...schedule,
    nextCheckAt: next?.scheduledTime,
    nextCheckReason: next ? reason : undefined,
  });
}

/** Makes sure a stopped worker is woken up to finish a check in progress. */
export async function armWatchdog(now = Date.now()): Promise<void> {
  await browser.alarms.create(WATCHDOG_ALARM, { when: now + WATCHDOG_DELAY_MS });
}

export async function disarmWatchdog(): Promise<void> {
  await browser.alarms.clear(WATCHDOG_ALARM);
}

/** Creates the schedule alarm unless it exists (alarms can be lost on update or by the browser). */
export async function ensureCheckAlarm(): Promise<void> {
  if (await browser.alarms.get(CHECK_ALARM)) {
    await syncNextCheck();
    return;
  }
  await scheduleNextCheck();
}

/** True at browser start when an announcement passed while the browser was closed. */
export async function catchUpDue(now = Date.now()): Promise<boolean> {
  const settings = await getSettings();
  const last = lastFullCheck(await checkStatusItem.getValue());
  return last !== undefined && missedAnnouncement(settings.schedule, { now, lastCheckAt: last });
}
