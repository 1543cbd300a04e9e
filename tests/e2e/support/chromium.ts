import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ArxivStandIn } from './arxiv-stand-in';
import { ChromiumPage } from './chromium-page';
import type { ExtensionSession, OpenOptions } from './session';
import type { UiPage } from './ui';

export const CHROMIUM_EXTENSION_DIR = fileURLToPath(new URL('../../../.output/chrome-mv3', import.meta.url));

/** The Chromium to drive: CHROME_PATH, else Debian's package. */
export function chromiumPath(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`No Chromium at ${path}. Install Debian's chromium package or set CHROME_PATH.`);
  }
  return path;
}

/** Chromium with the built extension and Playwright's own handles (for the benchmark). */
export class ChromiumSession implements ExtensionSession {
  readonly browserName = 'chromium';
  readonly extensionDir = CHROMIUM_EXTENSION_DIR;
  context!: BrowserContext;
  extensionId = '';
  private probePage?: ChromiumPage;

  private constructor(
    readonly profileDir: string,
    readonly arxiv: ArxivStandIn,
  ) {}

  static async launch(options: { arxiv?: ArxivStandIn } = {}): Promise<ChromiumSession> {
    if (!existsSync(join(CHROMIUM_EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No built extension in ${CHROMIUM_EXTENSION_DIR}: run \`npm run build\` first.`);
    }
    const session = new ChromiumSession(
      mkdtempSync(join(tmpdir(), 'daily-papers-e2e-')),
      options.arxiv ?? new ArxivStandIn(),
    );
    await session.start();
    return session;
  }

  private async start(): Promise<void> {
    const ext = CHROMIUM_EXTENSION_DIR;
    this.context = await chromium.launchPersistentContext(this.profileDir, {
      executablePath: chromiumPath(),
      headless: true,
      acceptDownloads: true,
      args: [
        `--disable-extensions-except=${ext}`,
        `--load-extension=${ext}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        // Without these Chromium floods the closed network with refused connections.
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    await this.arxiv.attach(this.context);
    const worker = this.context.serviceWorkers()[0] ?? (await this.context.waitForEvent('serviceworker'));
    this.extensionId = new URL(worker.url()).host;
    this.probePage = undefined;
  }

  url(path: string): string {
    return `chrome-extension://${this.extensionId}/${path}`;
  }

  async openPage(path: string, options: OpenOptions = {}): Promise<ChromiumPage> {
    const page = await this.context.newPage();
    if (options.width || options.height) {
      await page.setViewportSize({ width: options.width ?? 460, height: options.height ?? 600 });
    }
    const { colorScheme, reducedMotion, forcedColors } = options;
    if (colorScheme || reducedMotion || forcedColors)
      await page.emulateMedia({ colorScheme, reducedMotion, forcedColors });
    await page.goto(this.url(path));
    return new ChromiumPage(page);
  }

  async probe(): Promise<ChromiumPage> {
    if (!this.probePage || this.probePage.isClosed()) this.probePage = await this.openPage('popup.html');
    return this.probePage;
  }

  async waitForOpenedPage(path: string, timeoutMs = 10_000): Promise<ChromiumPage> {
    const wanted = (page: Page) => page.url() === this.url(path);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const page = this.context.pages().find(wanted);
      if (page) return new ChromiumPage(page);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`The extension did not open ${path} within ${timeoutMs} ms`);
  }

  async urlOfTabOpenedBy(action: () => Promise<void>): Promise<string> {
    const opened = this.context.waitForEvent('page');
    await action();
    const tab = await opened;
    await tab.waitForLoadState();
    const url = tab.url();
    await tab.close();
    return url;
  }

  async downloadBy(page: UiPage, action: () => Promise<void>): Promise<{ name: string; text: string }> {
    const download = (page as ChromiumPage).raw.waitForEvent('download');
    await action();
    const file = await download;
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
  }

  async stopBackground(): Promise<void> {
    // What Chrome does to an idle worker, through the DevTools protocol.
    const page = (await this.probe()).raw;
    const cdp = await this.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
  }

  async restart(): Promise<void> {
    await this.context.close();
    await this.start();
  }

  close(): Promise<void> {
    return this.context.close();
  }

  dispose(): void {
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}
