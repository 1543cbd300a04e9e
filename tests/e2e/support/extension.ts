import type { ArxivStandIn } from './arxiv-stand-in';
import { ChromiumSession } from './chromium';
import { FirefoxSession } from './firefox';
import type { BrowserName, ExtensionSession } from './session';

export type { ExtensionSession } from './session';

/** The browser this run of the end-to-end tests drives: E2E_BROWSER, chromium by default. */
export function e2eBrowser(): BrowserName {
  const name = process.env.E2E_BROWSER ?? 'chromium';
  if (name !== 'chromium' && name !== 'firefox')
    throw new Error(`E2E_BROWSER must be chromium or firefox, not ${name}`);
  return name;
}

/** Starts the browser of this run with the built extension and an arXiv stand-in. */
export function launchExtension(options: { arxiv?: ArxivStandIn } = {}): Promise<ExtensionSession> {
  return e2eBrowser() === 'firefox' ? FirefoxSession.launch(options) : ChromiumSession.launch(options);
}

/** The extension API object of an extension page (`browser` in Firefox, `chrome` in Chromium). */
type Api = typeof chrome;

/** Ids of the notifications the extension currently shows. */
export async function notificationIds(session: ExtensionSession): Promise<string[]> {
  const page = await session.probe();
  const all = await page.evaluate(() => {
    const api = (globalThis as unknown as { browser?: Api }).browser ?? chrome;
    return api.notifications.getAll();
  }, undefined);
  return Object.keys(all);
}

/** The text on the toolbar button's badge. */
export async function badgeText(session: ExtensionSession): Promise<string> {
  const page = await session.probe();
  return page.evaluate(() => {
    const api = (globalThis as unknown as { browser?: Api }).browser ?? chrome;
    return api.action.getBadgeText({});
  }, undefined);
}
