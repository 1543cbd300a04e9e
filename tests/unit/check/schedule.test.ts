import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { whenIdle } from '../../../lib/check/check-runner';
import { CHECK_ALARM, CHECK_PERIOD_MINUTES, ensureCheckAlarm, setupSchedule } from '../../../lib/check/schedule';
import { getDb } from '../../../lib/db/app-db';
import { createKeyword } from '../../../lib/keywords/keyword';
import { keywordsItem } from '../../../lib/keywords/keyword-store';
import { atomFeed, entry } from '../helpers';

let served: string;
const fetchMock = vi.fn(async () => new Response(served, { status: 200 }));

async function fireAlarm() {
  const alarm = await fakeBrowser.alarms.get(CHECK_ALARM);
  if (!alarm) throw new Error('the check alarm is missing');
  await fakeBrowser.alarms.onAlarm.trigger(alarm);
  await whenIdle();
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
  it('creates the periodic alarm once when the worker starts', async () => {
    setupSchedule();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(CHECK_ALARM)).toBeDefined());
    const alarm = await fakeBrowser.alarms.get(CHECK_ALARM);
    expect(alarm?.periodInMinutes).toBe(CHECK_PERIOD_MINUTES);
    await ensureCheckAlarm();
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
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

      served = atomFeed([entry('2611.00003', { title: 'Brand new' }), entry('2611.00002'), entry('2611.00001')]);
      await fireAlarm();
      expect(fetchMock).toHaveBeenCalledTimes(2);
      expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(1);
      expect(notify).toHaveBeenCalledTimes(1);
      expect(notify.mock.calls[0]?.[1]).toMatchObject({
        title: '1 new paper on arXiv',
        message: 'language model (1)\n“Brand new”',
      });
      expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    },
  );
});
