import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { ArxivStandIn } from './arxiv-stand-in';

export const EXTENSION_DIR = fileURLToPath(new URL('../../../.output/chrome-mv3', import.meta.url));

/** The Chromium to drive: CHROME_PATH, else Debian's package. */
export function browserPath(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`No Chromium at ${path}. Install Debian's chromium package or set CHROME_PATH.`);
  }
  return path;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  arxiv: ArxivStandIn;
  profileDir: string;
  /** The live service worker (a new one after Chrome restarted it). */
  worker(): Promise<Worker>;
  /**
   * An extension page kept open for reading extension state (storage, badge, notifications)
   * without waking or needing the worker.
   */
  probe(): Promise<Page>;
  url(page: string): string;
  close(): Promise<void>;
  /** Deletes the profile; call once at the very end. */
  dispose(): void;
}

/**
 * Launches Chromium with the built extension and an arXiv stand-in. Pass the profile of an
 * earlier session to simulate a browser restart.
 */
export async function launchExtension(
  options: { profileDir?: string; arxiv?: ArxivStandIn } = {},
): Promise<ExtensionSession> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'daily-papers-e2e-'));
  const arxiv = options.arxiv ?? new ArxivStandIn();
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: browserPath(),
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await arxiv.attach(context);
  const closed = new WeakSet<Worker>();
  const track = (worker: Worker) => worker.on('close', () => closed.add(worker));
  context.on('serviceworker', track);
  context.serviceWorkers().forEach(track);
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(first.url()).host;
  let probe: Page | undefined;
  return {
    context,
    extensionId,
    arxiv,
    profileDir,
    async worker() {
      const live = context
        .serviceWorkers()
        .filter((w) => !closed.has(w))
        .at(-1);
      return live ?? (await context.waitForEvent('serviceworker'));
    },
    async probe() {
      if (!probe || probe.isClosed()) {
        probe = await context.newPage();
        await probe.goto(`chrome-extension://${extensionId}/popup.html`);
      }
      return probe;
    },
    url: (page) => `chrome-extension://${extensionId}/${page}`,
    close: () => context.close(),
    dispose: () => rmSync(profileDir, { recursive: true, force: true }),
  };
}

/** Ids of the notifications the extension currently shows. */
export async function notificationIds(session: ExtensionSession): Promise<string[]> {
  const page = await session.probe();
  const all = await page.evaluate(() => chrome.notifications.getAll());
  return Object.keys(all);
}

/** The text on the toolbar button's badge. */
export async function badgeText(session: ExtensionSession): Promise<string> {
  const page = await session.probe();
  return page.evaluate(() => chrome.action.getBadgeText({}));
}
