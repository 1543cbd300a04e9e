import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkScheduleItem, checkStatusItem } from '../../../lib/check/check-status';
import { clearAllData } from '../../../lib/check/clear-all-data';
import { createKeyword } from '../../../lib/keywords/keyword';
import { keywordsItem } from '../../../lib/keywords/keyword-store';
import { DEFAULT_SETTINGS, settingsItem } from '../../../lib/settings/settings';
import { entry, freshDb } from '../helpers';
import { storeMatches } from '../../../lib/db/papers';
import type { AppDB } from '../../../lib/db/app-db';
import { expectCleared } from './harness';
import { updatePaperFlags } from '../../../lib/db/read-state';

let db: AppDB;

beforeEach(async () => {
  db = freshDb();
  const keyword = createKeyword('reward model');
  await keywordsItem.setValue([keyword]);
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, theme: 'dark', papersPerKeyword: 500 });
  await checkStatusItem.setValue({ running: false, done: 1, total: 1, lastNewCount: 3 });
  await storeMatches(db, keyword.id, [entry('2611.00001'), entry('2611.00002')], 1);
  await updatePaperFlags(db, [{ id: '2611.00001', changes: { saved: 1, savedAt: 2 } }]);
  await db.keywordStates.put({ keywordId: keyword.id, initialized: true, lastTotal: 2 });
  await db.checkLog.add({ startedAt: 1, finishedAt: 2, outcomes: [], requests: 1, bytes: 10 });
  await db.notificationTargets.put({ notificationId: 'n1', createdAt: 1 });
  await fakeBrowser.storage.local.set({ arxivLastRequestAt: 12345 });
});

describe('clearAllData', () => {
  it('empties every table, saved papers included', async () => {
    expect(await db.papers.count()).toBe(2);
    await clearAllData(db);
    // The one record left is the data epoch, moved on so that a running check stops writing.
    await expectCleared(db);
  });

  it('empties the keyword list and puts the settings back to their defaults', async () => {
    await clearAllData(db);
    expect(await keywordsItem.getValue()).toEqual([]);
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
    expect(await checkStatusItem.getValue()).toEqual({ running: false, done: 0, total: 0 });
  });

  it('keeps the next-check line: the schedule goes on', async () => {
    const schedule = {
      nextCheckAt: 1_800_000_000_000,
      nextCheckReason: 'every 6 hours',
      scheduledReason: 'every 6 hours',
    };
    await checkScheduleItem.setValue(schedule);
    await clearAllData(db);
    expect(await checkScheduleItem.getValue()).toEqual(schedule);
  });

  it('keeps the time of the last arXiv request, so the next one still waits its 3 s', async () => {
    await clearAllData(db);
    expect(await fakeBrowser.storage.local.get('arxivLastRequestAt')).toEqual({ arxivLastRequestAt: 12345 });
  });
});
