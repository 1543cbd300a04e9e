import { browser } from 'wxt/browser';
import type { CycleRecord } from '../db/schema';
import { missedAnnouncement, nextCheck, type CheckPlan } from '../schedule/next-check';
import { getSettings } from '../settings/settings';
import { checkStatusItem } from './check-status';

export const CHECK_ALARM = 'scheduled-check';
/** After a failed check, try again this soon (or later, if arXiv asked for more). */
export const RETRY_DELAY_MS = 15 * 60_000;
/** While a check runs, the alarm points here: if Chrome stops the worker, the alarm wakes it to resume. */
export const WATCHDOG_DELAY_MS = 2 * 60_000;

/** The next check: the schedule's, or an earlier retry when the last check failed somewhere. */
export async function planNextCheck(cycle: CycleRecord | undefined, now = Date.now()): Promise<CheckPlan> {
  const settings = await getSettings();
  const lastCheckAt = (await checkStatusItem.getValue()).finishedAt ?? cycle?.finishedAt;
  const plan = nextCheck(settings.schedule, { now, lastCheckAt: cycle?.finishedAt ?? lastCheckAt });
  const failures = cycle?.outcomes.filter((o) => o.kind === 'error' || o.kind === 'glitch') ?? [];
  if (failures.length === 0) return plan;
  // arXiv's Retry-After is a floor for every request, scheduled or retried.
  const askedFor = Math.max(0, ...failures.map((o) => o.retryAfterMs ?? 0));
  const retryAt = now + Math.max(RETRY_DELAY_MS, askedFor);
  if (retryAt <= plan.at) return { at: retryAt, reason: 'retry: arXiv failed at the last check' };
  if (plan.at < now + askedFor) return { at: now + askedFor, reason: 'arXiv asked us to wait before asking again' };
  return plan;
}

/** Points the one check alarm at the next planned check and returns the plan. */
export async function scheduleNextCheck(cycle?: CycleRecord): Promise<CheckPlan> {
  const plan = await planNextCheck(cycle);
  await browser.alarms.create(CHECK_ALARM, { when: plan.at });
  return plan;
}

/** Makes sure a stopped worker is woken up to finish a check in progress. */
export async function scheduleWatchdog(): Promise<void> {
  await browser.alarms.create(CHECK_ALARM, { when: Date.now() + WATCHDOG_DELAY_MS });
}

/** Creates the alarm unless it exists (alarms can be lost on update or by the browser). */
export async function ensureCheckAlarm(): Promise<void> {
  const existing = await browser.alarms.get(CHECK_ALARM);
  if (existing) return;
  const plan = await scheduleNextCheck();
  const status = await checkStatusItem.getValue();
  await checkStatusItem.setValue({ ...status, nextCheckAt: plan.at, nextCheckReason: plan.reason });
}

/** True at browser start when an announcement passed while the browser was closed. */
export async function catchUpDue(now = Date.now()): Promise<boolean> {
  const settings = await getSettings();
  const { finishedAt } = await checkStatusItem.getValue();
  return finishedAt !== undefined && missedAnnouncement(settings.schedule, { now, lastCheckAt: finishedAt });
}
