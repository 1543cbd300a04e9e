import { browser } from 'wxt/browser';
import { getDb } from '../db/app-db';
import { keywordsItem } from '../keywords/keyword-store';
import { onMessage } from '../messaging/protocol';
import { refreshBadge } from '../notify/badge';
import { settingsItem } from '../settings/settings';
import { forgetRemovedKeywords, requestCheck, resumeUnfinishedCheck } from './check-runner';
import { catchUpDue, CHECK_ALARM, ensureCheckAlarm, scheduleNextCheck } from './schedule';

/**
 * The schedule: the check alarm, a catch-up check at browser start when an announcement was
 * missed, and the resumption of a check that a stopped worker left unfinished. Listeners are
 * registered synchronously, as MV3 requires.
 */
export function setupSchedule(): void {
  browser.runtime.onInstalled.addListener(() => void ensureCheckAlarm());
  browser.runtime.onStartup.addListener(() => {
    void catchUpDue().then((due) => (due ? requestCheck() : ensureCheckAlarm()));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CHECK_ALARM) void requestCheck();
  });
  settingsItem.watch(() => void scheduleNextCheck());
  void ensureCheckAlarm();
  void resumeUnfinishedCheck();
}

/** "Check now" from the popup. */
export function setupCheckRequests(): void {
  onMessage('checkNow', () => {
    void requestCheck();
    return { started: true };
  });
}

/**
 * Reacts to keyword edits made on the options page: a new keyword gets its first check right
 * away, a removed one has its matches forgotten.
 */
export function setupKeywordWatcher(): void {
  keywordsItem.watch((next, previous) => {
    const before = new Set((previous ?? []).map((k) => k.id));
    const added = next.filter((k) => !before.has(k.id)).map((k) => k.id);
    if (added.length > 0) void requestCheck(added);
    const now = new Set(next.map((k) => k.id));
    if ([...before].some((id) => !now.has(id))) {
      void forgetRemovedKeywords().then(() => refreshBadge(getDb()));
    }
  });
}
