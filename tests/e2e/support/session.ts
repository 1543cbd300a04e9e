import type { ArxivStandIn } from './arxiv-stand-in';
import type { UiPage } from './ui';

export type BrowserName = 'chromium' | 'firefox';

export interface OpenOptions {
  width?: number;
  height?: number;
  /** Light or dark system theme for the page. */
  colorScheme?: 'light' | 'dark';
  /** The system asks for less motion. */
  reducedMotion?: 'reduce';
  /** The system forces its own colours (Windows high contrast). */
  forcedColors?: 'active';
}

/** The built extension running in a browser, with an arXiv stand-in; the same in every browser. */
export interface ExtensionSession {
  readonly browserName: BrowserName;
  readonly arxiv: ArxivStandIn;
  readonly profileDir: string;
  /** The built extension's folder (.output/chrome-mv3 or .output/firefox-mv3). */
  readonly extensionDir: string;
  /** Opens one of the extension's pages ("popup.html?view=tab") in a new tab, loaded. */
  openPage(path: string, options?: OpenOptions): Promise<UiPage>;
  /** An extension page kept open for reading extension state without waking the background. */
  probe(): Promise<UiPage>;
  /** An extension page that the extension opened by itself (the options page on install). */
  waitForOpenedPage(path: string, timeoutMs?: number): Promise<UiPage>;
  /** Runs `action` and returns the URL of the tab it opened, once loaded; the tab is closed. */
  urlOfTabOpenedBy(action: () => Promise<void>): Promise<string>;
  /** Runs `action` on `page` and returns the file it downloaded. */
  downloadBy(page: UiPage, action: () => Promise<void>): Promise<{ name: string; text: string }>;
  /** Stops the background (service worker, event page) the way the browser does when idle. */
  stopBackground(): Promise<void>;
  /** Quits the browser and starts it again on the same profile, as after a restart. */
  restart(): Promise<void>;
  close(): Promise<void>;
  /** Deletes the profile; call once at the very end. */
  dispose(): void;
}
