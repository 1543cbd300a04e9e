import { browser } from 'wxt/browser';
import { keywordsItem } from '../keywords/keyword-store';
import { onMessage } from '../messaging/protocol';
import { settingsItem } from '../settings/settings';
import { getEngine } from './engine';
import { catchUpDue, CHECK_ALARM, ensureCheckAlarm, RETRY_ALARM, scheduleNextCheck, WATCHDOG_ALARM } from './schedule';

/**
 * The schedule: the check and retry alarms, the watchdog of a running check, a catch-up check at
 * browser start when an announcement was missed, and the resumption of whatever a stopped worker
 * left (a check in progress or queued requests). Listeners are registered synchronously, as MV3
 * requires.
 */
export function setupSchedule(): void {
  browser.runtime.onInstalled.addListener(() => void ensureCheckAlarm());
  browser.runtime.onStartup.addListener(() => {
    void catchUpDue().then((due) => (due ? getEngine().requestCheck() : ensureCheckAlarm()));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CHECK_ALARM || alarm.name === RETRY_ALARM) void getEngine().requestCheck();
    else if (alarm.name === WATCHDOG_ALARM) void getEngine().resume();
  });
  // A settings change recomputes the schedule from the last full check; a pending retry stays.
  settingsItem.watch(() => void scheduleNextCheck());
  void ensureCheckAlarm();
  void getEngine().resume();
}

/** "Check now" from the popup. */
export function setupCheckRequests(): void {
  onMessage('checkNow', () => {
    void getEngine().requestCheck();
    return { started: true };
  });
}

/**
 * Reacts to keyword edits made on the options page: a new keyword gets its fill right away, a
 * removed one has its data forgotten, and one whose search changed starts afresh (its old matches
 * no longer answer the new question; saved papers stay).
 */
export function setupKeywordWatcher(): void {
  keywordsItem.watch(() => void getEngine().keywordsChanged());
}
