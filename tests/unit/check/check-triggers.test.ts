import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getEngine } from '../../../lib/check/engine';
import { checkScheduleItem, checkStatusItem } from '../../../lib/check/check-status';
import { setupSchedule } from '../../../lib/check/check-triggers';
import { CHECK_ALARM } from '../../../lib/check/schedule';
import { getDb } from '../../../lib/db/app-db';
import { createKeyword } from '../../../lib/keywords/keyword';
import { keywordsItem } from '../../../lib/keywords/keyword-store';
import { settingsItem } from '../../../lib/settings/settings';
import { atomFeed, entry } from '../helpers';
import { updatePaperFlags } from '../../../lib/db/read-state';

let served: string;
const fetchMock = vi.fn(async () => new Response(served, { status: 200 }));

async function fireAlarm() {
  const alarm = await fakeBrowser.alarms.get(CHECK_ALARM);
  if (!alarm) throw new Error('the check alarm is missing');
  await fakeBrowser.alarms.onAlarm.trigger(alarm);
  await getEngine().whenIdle();
}

beforeEach(async () => {
  await Promise.all(getDb().tables.map((t) => t.clear()));
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockClear();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the scheduled check', () => {
  it('plans the first check a minute after the worker starts', async () => {
    const before = Date.now();
    setupSchedule();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(CHECK_ALARM)).toBeDefined());
    const alarm = await fakeBrowser.alarms.get(CHECK_ALARM);
    expect(alarm!.scheduledTime).toBeGreaterThanOrEqual(before + 60_000);
    expect(alarm!.scheduledTime).toBeLessThan(before + 70_000);
    expect(alarm!.periodInMinutes).toBeUndefined();
  });

  it(
    'checks on the alarm, fills silently first, then notifies and badges new papers',
    { timeout: 15_000 },
    async () => {
      const notify = vi.spyOn(fakeBrowser.notifications, 'create');
      setupSchedule();
      await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(CHECK_ALARM)).toBeDefined());
      await keywordsItem.setValue([createKeyword('language model')]);

      served = atomFeed([entry('2611.00002'), entry('2611.00001')]);
      await fireAlarm();
      expect(fetchMock).toHaveBeenCalledTimes(1);
      expect(await getDb().papers.count()).toBe(2);
      expect(notify).not.toHaveBeenCalled();
      expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
      const status = await checkStatusItem.getValue();
      expect(status).toMatchObject({ running: false, requests: 1, lastNewCount: 0 });
      // The next check is planned after arXiv's next announcement, and the alarm points at it.
      const { nextCheckAt } = await checkScheduleItem.getValue();
      expect(nextCheckAt).toBeGreaterThan(Date.now());
      expect((await fakeBrowser.alarms.get(CHECK_ALARM))?.scheduledTime).toBe(nextCheckAt);

      served = atomFeed([
        entry('2611.00003', { title: 'Brand new language model' }),
        entry('2611.00002'),
        entry('2611.00001'),
      ]);
      await fireAlarm();
      expect(fetchMock).toHaveBeenCalledTimes(2);
      expect(notify).toHaveBeenCalledTimes(1);
      expect((notify.mock.calls[0] as unknown[] | undefined)?.[1]).toMatchObject({
        title: '1 new paper on arXiv',
        message: 'language model (1)\n“Brand new language model”',
      });
      expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
      // A click opens the paper itself (the only new one) and marks it read.
      const [id] = Object.keys(await fakeBrowser.notifications.getAll());
      expect(await getDb().notificationTargets.get(id!)).toMatchObject({ paperId: '2611.00003' });
    },
  );

  it('stays silent when notifications are switched off', { timeout: 15_000 }, async () => {
    const notify = vi.spyOn(fakeBrowser.notifications, 'create');
    setupSchedule();
    await settingsItem.setValue({ ...(await settingsItem.getValue()), notifications: false });
    await keywordsItem.setValue([createKeyword('language model')]);
    served = atomFeed([entry('2611.00001')]);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(CHECK_ALARM)).toBeDefined());
    await fireAlarm();
    served = atomFeed([entry('2611.00002', { title: 'language model two' }), entry('2611.00001')]);
    await fireAlarm();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(notify).not.toHaveBeenCalled();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
  });
});

describe('keyword edits', () => {
  it('fills a new keyword at once and starts afresh when its search changes', { timeout: 20_000 }, async () => {
    const { setupKeywordWatcher } = await import('../../../lib/check/check-triggers');
    setupKeywordWatcher();
    const keyword = createKeyword('language model');
    served = atomFeed([entry('2611.00001', { title: 'A language model' })]);
    await keywordsItem.setValue([keyword]);
    await vi.waitFor(async () => expect(await getDb().papers.count()).toBe(1));
    await getEngine().whenIdle();
    await updatePaperFlags(getDb(), [{ id: '2611.00001', changes: { saved: 1 } }]);

    served = atomFeed([entry('2611.00002', { title: 'A reward model' })]);
    await keywordsItem.setValue([
      { ...keyword, label: 'reward model', terms: [{ text: 'reward model', mode: 'phrase' }] },
    ]);
    await vi.waitFor(
      async () => expect((await getDb().matches.toArray()).map((m) => m.paperId)).toEqual(['2611.00002']),
      {
        timeout: 10_000,
      },
    );
    await getEngine().whenIdle();
    // The saved paper stays; nothing was announced for the refill.
    expect((await getDb().papers.toCollection().primaryKeys()).sort()).toEqual(['2611.00001', '2611.00002']);
    expect(await getDb().keywordStates.get(keyword.id)).toMatchObject({ initialized: true });
  });
});

describe('one check at a time', () => {
  it('makes one cycle of an alarm and a click arriving together', { timeout: 15_000 }, async () => {
    await keywordsItem.setValue([createKeyword('language model')]);
    served = atomFeed([entry('2611.00001')]);
    const fromAlarm = getEngine().requestCheck();
    const fromClick = getEngine().requestCheck();
    await Promise.all([fromAlarm, fromClick]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(await getDb().checkLog.count()).toBe(1);
  });
});
