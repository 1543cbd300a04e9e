import { browser } from 'wxt/browser';
import { getDb } from '../db/app-db';
import { removeKeywordData } from '../db/papers';
import { keywordsItem } from '../keywords/keyword-store';
import { onMessage } from '../messaging/protocol';
import { refreshBadge } from '../notify/badge';
import { settingsItem } from '../settings/settings';
import { forgetRemovedKeywords, requestCheck, resumeUnfinishedCheck } from './check-runner';
import { keywordQuery } from './plan';
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
 * away, a removed one has its matches forgotten, and one whose search changed starts afresh
 * (its old matches no longer answer the new question; saved papers stay).
 */
export function setupKeywordWatcher(): void {
  keywordsItem.watch((next, previous) => {
    void (async () => {
      const before = new Map((previous ?? []).map((k) => [k.id, k]));
      const added = next.filter((k) => !before.has(k.id)).map((k) => k.id);
      const changed = next.filter((k) => {
        const old = before.get(k.id);
        return old !== undefined && keywordQuery(old) !== keywordQuery(k);
      });
      for (const keyword of changed) await removeKeywordData(getDb(), keyword.id);
      const fill = [...added, ...changed.map((k) => k.id)];
      if (fill.length > 0) void requestCheck(fill);
      const now = new Set(next.map((k) => k.id));
      if (changed.length > 0 || [...before.keys()].some((id) => !now.has(id))) {
        await forgetRemovedKeywords();
        await refreshBadge(getDb());
      }
    })();
  });
}
