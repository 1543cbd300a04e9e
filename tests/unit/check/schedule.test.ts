import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkScheduleItem, checkStatusItem } from '../../../lib/check/check-status';
import {
  catchUpDue,
  CHECK_ALARM,
  REASON_RETRY,
  REASON_WAIT,
  RETRY_ALARM,
  RETRY_DELAY_MS,
  scheduleNextCheck,
  scheduleRetry,
} from '../../../lib/check/schedule';
import type { CycleRecord } from '../../../lib/db/schema';
import { DEFAULT_SETTINGS, settingsItem } from '../../../lib/settings/settings';

// Wednesday 2026-11-18, 12:00 in New York (EST): the next announcement is at 20:00 (01:00 UTC).
const NOON = Date.parse('2026-11-18T17:00:00Z');

function finished(outcomes: CycleRecord['outcomes'], scope: CycleRecord['scope'] = 'all'): CycleRecord {
  return {
    key: 'current',
    id: 'c',
    scope,
    epoch: 0,
    startedAt: NOON,
    finishedAt: NOON,
    steps: [],
    doneSteps: [],
    fresh: {},
    freshQueries: {},
    revisedSaved: [],
    outcomes,
    requests: 1,
    bytes: 1,
  };
}

const failed = (retryAfterMs?: number): CycleRecord['outcomes'] => [
  { keywordId: 'k', kind: 'error', newCount: 0, revisedCount: 0, error: 'arXiv is busy', retryAfterMs },
];

async function alarmAt(name: string) {
  return (await fakeBrowser.alarms.get(name))?.scheduledTime;
}

describe('the schedule alarm', () => {
  it('follows the announcement after a full check, and the status says so', async () => {
    await checkStatusItem.setValue({ running: false, done: 0, total: 0, lastFullCheckAt: NOON });
    await scheduleNextCheck(NOON);
    expect(new Date((await alarmAt(CHECK_ALARM))!).toISOString()).toBe('2026-11-19T01:15:00.000Z');
    expect(await checkScheduleItem.getValue()).toMatchObject({
      nextCheckAt: await alarmAt(CHECK_ALARM),
      nextCheckReason: "shortly after Wednesday's arXiv announcement",
    });
  });

  it('uses the interval setting, counted from the last full check', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, schedule: { mode: 'interval', hours: 6 } });
    await checkStatusItem.setValue({
      running: false,
      done: 0,
      total: 0,
      lastFullCheckAt: NOON,
      finishedAt: NOON + 3_600_000,
    });
    await scheduleNextCheck(NOON + 3_600_000);
    expect(await alarmAt(CHECK_ALARM)).toBe(NOON + 6 * 3_600_000);
  });

  it('is never before what arXiv asked (Retry-After)', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, schedule: { mode: 'interval', hours: 1 } });
    await checkStatusItem.setValue({ running: false, done: 0, total: 0, lastFullCheckAt: NOON });
    await fakeBrowser.storage.local.set({ arxivNotBefore: NOON + 5 * 3_600_000 });
    await scheduleNextCheck(NOON);
    expect(await alarmAt(CHECK_ALARM)).toBe(NOON + 5 * 3_600_000);
    expect((await checkScheduleItem.getValue()).nextCheckReason).toBe(REASON_WAIT);
  });
});

describe('the retry alarm', () => {
  it('retries sooner after a failure, and the next-check line shows the retry', async () => {
    await checkStatusItem.setValue({ running: false, done: 0, total: 0, lastFullCheckAt: NOON });
    await scheduleNextCheck(NOON);
    await scheduleRetry(finished(failed()), NOON);
    expect(await alarmAt(RETRY_ALARM)).toBe(NOON + RETRY_DELAY_MS);
    expect(await checkScheduleItem.getValue()).toMatchObject({
      nextCheckAt: NOON + RETRY_DELAY_MS,
      nextCheckReason: REASON_RETRY,
    });
  });

  it('survives a settings change (case 3): the schedule moves, the retry stays and stays first', async () => {
    await checkStatusItem.setValue({ running: false, done: 0, total: 0, lastFullCheckAt: NOON });
    await scheduleNextCheck(NOON);
    await scheduleRetry(finished(failed(20 * 60_000)), NOON);
    const retryAt = await alarmAt(RETRY_ALARM);
    expect(retryAt).toBe(NOON + 20 * 60_000);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, theme: 'dark' });
    await scheduleNextCheck(NOON + 60_000);
    expect(await alarmAt(RETRY_ALARM)).toBe(retryAt);
    expect((await checkScheduleItem.getValue()).nextCheckAt).toBe(retryAt);
  });

  it('is cleared by a full check without failures, but not by a partial one', async () => {
    await checkStatusItem.setValue({ running: false, done: 0, total: 0, lastFullCheckAt: NOON });
    await scheduleNextCheck(NOON);
    await scheduleRetry(finished(failed()), NOON);
    await scheduleRetry(finished([], 'some'), NOON + 1);
    expect(await alarmAt(RETRY_ALARM)).toBeDefined();
    await scheduleRetry(finished([]), NOON + 2);
    expect(await alarmAt(RETRY_ALARM)).toBeUndefined();
    expect((await checkScheduleItem.getValue()).nextCheckAt).toBe(await alarmAt(CHECK_ALARM));
  });

  it('is not set when the schedule comes first anyway', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, schedule: { mode: 'interval', hours: 1 } });
    await checkStatusItem.setValue({ running: false, done: 0, total: 0, lastFullCheckAt: NOON - 50 * 60_000 });
    await scheduleNextCheck(NOON);
    await scheduleRetry(finished(failed()), NOON);
    expect(await alarmAt(RETRY_ALARM)).toBeUndefined();
    expect((await checkScheduleItem.getValue()).nextCheckAt).toBe(NOON + 10 * 60_000);
  });
});

describe('catch-up at browser start', () => {
  it('is due when an announcement passed since the last full check', async () => {
    await checkStatusItem.setValue({ running: false, done: 0, total: 0, lastFullCheckAt: NOON });
    expect(await catchUpDue(Date.parse('2026-11-19T14:00:00Z'))).toBe(true);
  });

  it('counts only full checks: a later fill of one keyword does not hide a missed announcement', async () => {
    await checkStatusItem.setValue({
      running: false,
      done: 0,
      total: 0,
      lastFullCheckAt: NOON,
      finishedAt: Date.parse('2026-11-19T02:00:00Z'),
    });
    expect(await catchUpDue(Date.parse('2026-11-19T14:00:00Z'))).toBe(true);
  });

  it('is not due when the last check came after the announcement', async () => {
    await checkStatusItem.setValue({
      running: false,
      done: 0,
      total: 0,
      lastFullCheckAt: Date.parse('2026-11-19T02:00:00Z'),
    });
    expect(await catchUpDue(Date.parse('2026-11-19T14:00:00Z'))).toBe(false);
  });

  it('is not due before any check ran (the first check is planned instead)', async () => {
    expect(await catchUpDue(NOON)).toBe(false);
  });
});
