import { describe, expect, it } from 'vitest';
import { checkStatusItem } from '../../../lib/check/check-status';
import { catchUpDue, planNextCheck, RETRY_DELAY_MS } from '../../../lib/check/schedule';
import type { CycleRecord } from '../../../lib/db/schema';
import { settingsItem, DEFAULT_SETTINGS } from '../../../lib/settings/settings';

// Wednesday 2026-11-18, 12:00 in New York (EST): the next announcement is at 20:00 (01:00 UTC).
const NOON = Date.parse('2026-11-18T17:00:00Z');

function finished(outcomes: CycleRecord['outcomes']): CycleRecord {
  return {
    key: 'current',
    id: 'c',
    startedAt: NOON,
    finishedAt: NOON,
    steps: [],
    doneSteps: [],
    newInCycle: [],
    fresh: {},
    revisedSaved: [],
    outcomes,
    requests: 1,
    bytes: 1,
  };
}

describe('planNextCheck', () => {
  it('follows the announcement after a good check', async () => {
    const plan = await planNextCheck(
      finished([{ keywordId: 'k', kind: 'unchanged', newCount: 0, revisedCount: 0 }]),
      NOON,
    );
    expect(new Date(plan.at).toISOString()).toBe('2026-11-19T01:15:00.000Z');
    expect(plan.reason).toBe("shortly after Wednesday's arXiv announcement");
  });

  it('retries sooner after a failure', async () => {
    const plan = await planNextCheck(
      finished([{ keywordId: 'k', kind: 'error', newCount: 0, revisedCount: 0, error: 'arXiv is busy' }]),
      NOON,
    );
    expect(plan.at).toBe(NOON + RETRY_DELAY_MS);
    expect(plan.reason).toBe('retry: arXiv failed at the last check');
  });

  it('waits as long as arXiv asked, even past the planned check', async () => {
    const failed = (hours: number) =>
      finished([{ keywordId: 'k', kind: 'error', newCount: 0, revisedCount: 0, retryAfterMs: hours * 3_600_000 }]);
    expect(await planNextCheck(failed(3), NOON)).toEqual({
      at: NOON + 3 * 3_600_000,
      reason: 'retry: arXiv failed at the last check',
    });
    expect(await planNextCheck(failed(10), NOON)).toEqual({
      at: NOON + 10 * 3_600_000,
      reason: 'arXiv asked us to wait before asking again',
    });
  });

  it('uses the interval setting', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, schedule: { mode: 'interval', hours: 6 } });
    const plan = await planNextCheck(finished([]), NOON);
    expect(plan).toEqual({ at: NOON + 6 * 3_600_000, reason: 'every 6 hours' });
  });
});

describe('catch-up at browser start', () => {
  it('is due when an announcement passed since the last check', async () => {
    await checkStatusItem.setValue({ running: false, done: 0, total: 0, finishedAt: NOON });
    expect(await catchUpDue(Date.parse('2026-11-19T14:00:00Z'))).toBe(true);
  });

  it('is not due when the last check came after the announcement', async () => {
    await checkStatusItem.setValue({
      running: false,
      done: 0,
      total: 0,
      finishedAt: Date.parse('2026-11-19T02:00:00Z'),
    });
    expect(await catchUpDue(Date.parse('2026-11-19T14:00:00Z'))).toBe(false);
  });

  it('is not due before any check ran (the first check is planned instead)', async () => {
    expect(await catchUpDue(NOON)).toBe(false);
  });
});
