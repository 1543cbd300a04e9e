import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

/**
 * Whether the options page greets the user with the welcome panel. Set when the extension is
 * installed and cleared when the user dismisses the panel; local, because a second device that
 * receives the synced keywords has nothing left to set up.
 */
export const welcomeItem = storage.defineItem<boolean>('local:showWelcome', { fallback: false });

/**
 * On a fresh install, opens the options page with the welcome panel. In a new tab of its own:
 * `runtime.openOptionsPage()` would take over an options tab that is already loading instead.
 */
export async function welcomeNewUser(reason: string): Promise<void> {
  if (reason !== 'install') return;
  await welcomeItem.setValue(true);
  await browser.tabs.create({ url: browser.runtime.getURL('/options.html') });
}

/** Registers the install listener; synchronously, as MV3 requires for a worker's listeners. */
export function setupWelcome(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => void welcomeNewUser(reason));
}
