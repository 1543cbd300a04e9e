import type { ChromiumSession } from './chromium';
import type { ExtensionSession } from './extension';

/** The extension's alarms, by name, with the time each fires. */
export async function alarmTimes(session: ExtensionSession): Promise<Record<string, number>> {
  const page = await session.probe();
  const alarms = await page.evaluate(() => chrome.alarms.getAll());
  return Object.fromEntries(alarms.map((a) => [a.name, a.scheduledTime]));
}

/** How many records each table of the extension's IndexedDB holds, and the `meta` records themselves. */
export async function databaseContents(
  session: ExtensionSession,
): Promise<{ counts: Record<string, number>; meta: unknown[] }> {
  const page = await session.probe();
  return page.evaluate(
    () =>
      new Promise<{ counts: Record<string, number>; meta: unknown[] }>((resolve, reject) => {
        const open = indexedDB.open('daily-papers');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const counts: Record<string, number> = {};
          for (const name of names) {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => (counts[name] = request.result);
          }
          const meta = tx.objectStore('meta').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({ counts, meta: meta.result as unknown[] });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Writes one record of the engine's `meta` table (see lib/db/schema.ts), as the worker would. */
export async function putMeta(session: ExtensionSession, key: string, value: unknown): Promise<void> {
  const page = await session.probe();
  await page.evaluate(
    (record) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('daily-papers');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          tx.objectStore('meta').put(record);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { key, value },
  );
}

/** A notification as the extension asked Chrome to show it. */
export interface ShownNotification {
  id: string;
  title: string;
  message: string;
}

declare global {
  // Set in the service worker by recordNotifications.
  var shownNotifications: ShownNotification[] | undefined;
}

/**
 * Records the title and message of every notification the live worker shows from now on (Chrome
 * lets an extension list its notifications' ids, not their text). The record lives in the
 * worker: call this shortly before the check, and expect `undefined` if Chrome restarted the
 * worker in between.
 */
export async function recordNotifications(session: ExtensionSession): Promise<void> {
  const worker = await liveWorker(session);
  await worker.evaluate(() => {
    if (globalThis.shownNotifications) return;
    globalThis.shownNotifications = [];
    const create = chrome.notifications.create.bind(chrome.notifications) as (
      id: string,
      options: chrome.notifications.NotificationCreateOptions,
    ) => Promise<string>;
    const recording = (id: string, options: chrome.notifications.NotificationCreateOptions) => {
      globalThis.shownNotifications?.push({ id, title: options.title ?? '', message: options.message ?? '' });
      return create(id, options);
    };
    (chrome.notifications as { create: unknown }).create = recording;
  });
}

/** The notifications recorded since recordNotifications (undefined: the worker was restarted). */
export async function shownNotifications(session: ExtensionSession): Promise<ShownNotification[] | undefined> {
  const worker = await liveWorker(session);
  return worker.evaluate(() => globalThis.shownNotifications);
}

/** The live service worker of a Chromium session (a new one after Chrome restarted it). */
async function liveWorker(session: ExtensionSession) {
  const { context } = session as ChromiumSession;
  return context.serviceWorkers().at(-1) ?? (await context.waitForEvent('serviceworker'));
}
