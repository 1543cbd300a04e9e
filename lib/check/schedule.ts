import { browser } from 'wxt/browser';
import { requestCheck } from './check-runner';

export const CHECK_ALARM = 'scheduled-check';
/** Until the announcement-aware schedule lands: every three hours. */
export const CHECK_PERIOD_MINUTES = 180;

/** Creates the periodic alarm unless it exists (alarms can be lost on update or by the browser). */
export async function ensureCheckAlarm(): Promise<void> {
  const existing = await browser.alarms.get(CHECK_ALARM);
  if (existing) return;
  await browser.alarms.create(CHECK_ALARM, {
    delayInMinutes: CHECK_PERIOD_MINUTES,
    periodInMinutes: CHECK_PERIOD_MINUTES,
  });
}

/** Registers the schedule's listeners (synchronously, as MV3 requires) and makes sure the alarm exists. */
export function setupSchedule(): void {
  browser.runtime.onInstalled.addListener(() => void ensureCheckAlarm());
  browser.runtime.onStartup.addListener(() => void ensureCheckAlarm());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CHECK_ALARM) void requestCheck();
  });
  void ensureCheckAlarm();
}
