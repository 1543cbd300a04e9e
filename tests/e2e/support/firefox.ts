import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ArxivStandIn } from './arxiv-stand-in';
import { FirefoxPage } from './firefox-page';
import type { ExtensionSession, OpenOptions } from './session';
import type { UiPage } from './ui';
import { packXpi } from './xpi';

export const FIREFOX_EXTENSION_DIR = fileURLToPath(new URL('../../../.output/firefox-mv3', import.meta.url));

/** The Firefox to drive: FIREFOX_PATH, else Debian's firefox-esr package. */
export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(`No Firefox at ${path}. Install Debian's firefox-esr package or set FIREFOX_PATH.`);
  }
  return path;
}

/** Any fixed UUID: Firefox gives the extension a random one unless told (pages need a known URL). */
const EXTENSION_UUID = '5d1a0f47-6a52-4c8e-9c1b-3f1f5e2d7a10';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Puppeteer's raw WebDriver BiDi connection, for commands it has no method for. */
interface BidiHandles {
  connection: { send(method: string, params: object): Promise<unknown> };
}

/**
 * Firefox ESR with the built extension installed as a permanent add-on, driven by Puppeteer over
 * WebDriver BiDi. Every host resolves to a local HTTPS stand-in for arXiv.
 */
export class FirefoxSession implements ExtensionSession {
  readonly browserName = 'firefox';
  readonly extensionDir = FIREFOX_EXTENSION_DIR;
  readonly downloadDir = mkdtempSync(join(tmpdir(), 'daily-papers-downloads-'));
  browser!: Browser;
  private geckoId: string;
  private probePage?: FirefoxPage;
  private installed = false;

  private constructor(
    readonly profileDir: string,
    readonly arxiv: ArxivStandIn,
  ) {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      browser_specific_settings: { gecko: { id: string } };
    };
    this.geckoId = manifest.browser_specific_settings.gecko.id;
  }

  static async launch(options: { arxiv?: ArxivStandIn } = {}): Promise<FirefoxSession> {
    if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No built extension in ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first.`);
    }
    const session = new FirefoxSession(
      mkdtempSync(join(tmpdir(), 'daily-papers-e2e-firefox-')),
      options.arxiv ?? new ArxivStandIn(),
    );
    await session.start();
    return session;
  }

  private async start(): Promise<void> {
    const port = await this.arxiv.listen();
    this.browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
      userDataDir: this.profileDir,
      acceptInsecureCerts: true,
      // Lets the driver open moz-extension pages and reach the add-on manager (to stop the background).
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [this.geckoId]: EXTENSION_UUID }),
        // ESR (not release Firefox) may install an unsigned add-on permanently, as a user's would be.
        'xpinstall.signatures.required': false,
        'network.dns.forceResolve': '127.0.0.1',
        'network.socket.forcePort': `443=${port}`,
        // Firefox's own alerts keep shown notifications listed in notifications.getAll().
        'alerts.useSystemBackend': false,
        'browser.download.dir': this.downloadDir,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.start_downloads_in_tmp_dir': false,
      },
    });
    if (!this.installed) {
      // Installed once, permanently: it stays in the profile across restarts, which then start it
      // with runtime.onStartup, not as a new installation.
      const xpi = join(this.profileDir, '..', `${basename(this.profileDir)}.xpi`);
      packXpi(FIREFOX_EXTENSION_DIR, xpi);
      await this.bidi().send('webExtension.install', {
        extensionData: { type: 'archivePath', path: xpi },
        'moz:permanent': true,
      });
      rmSync(xpi, { force: true });
      this.installed = true;
    }
    this.probePage = undefined;
  }

  private bidi(): BidiHandles['connection'] {
    return (this.browser as unknown as BidiHandles).connection;
  }

  url(path: string): string {
    return `moz-extension://${EXTENSION_UUID}/${path}`;
  }

  /** Navigates a tab with raw BiDi: Firefox sends no load event that page.goto() would wait for. */
  private async navigate(page: Page, path: string): Promise<void> {
    await this.bidi().send('browsingContext.navigate', {
      context: (page.mainFrame() as unknown as { _id: string })._id,
      url: this.url(path),
      wait: 'complete',
    });
  }

  async openPage(path: string, options: OpenOptions = {}): Promise<FirefoxPage> {
    const page = await this.browser.newPage();
    if (options.width || options.height) {
      await page.setViewport({ width: options.width ?? 460, height: options.height ?? 600 });
    }
    await this.emulateMedia(options);
    await this.navigate(page, path);
    return new FirefoxPage(page);
  }

  /**
   * Puppeteer emulates media features only over CDP, which Firefox no longer speaks; Firefox's own
   * preferences do the same for the whole browser: the colour scheme of web content, the system's
   * "reduce motion", and "override the page's colours: always", which makes forced-colors active.
   * Each page opened sets all three, so one page's wish does not leak into the next.
   */
  private async emulateMedia(options: OpenOptions): Promise<void> {
    const scheme = options.colorScheme === undefined ? undefined : { dark: 0, light: 1 }[options.colorScheme];
    const prefs: Array<[string, number | undefined]> = [
      ['layout.css.prefers-color-scheme.content-override', scheme],
      ['ui.prefersReducedMotion', options.reducedMotion ? 1 : undefined],
      ['browser.display.document_color_use', options.forcedColors ? 2 : undefined],
    ];
    await this.inChrome(`(() => {
      for (const [name, value] of ${JSON.stringify(prefs)}) {
        if (value === null) Services.prefs.clearUserPref(name);
        else Services.prefs.setIntPref(name, value);
      }
    })()`);
  }

  async probe(): Promise<FirefoxPage> {
    if (!this.probePage || this.probePage.isClosed()) this.probePage = await this.openPage('popup.html');
    return this.probePage;
  }

  async waitForOpenedPage(path: string, timeoutMs = 10_000): Promise<FirefoxPage> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const page of await this.browser.pages()) {
        const url = await page.evaluate(() => location.href).catch(() => '');
        if (url === this.url(path)) return new FirefoxPage(page);
      }
      await sleep(200);
    }
    throw new Error(`The extension did not open ${path} within ${timeoutMs} ms`);
  }

  /** The browser's tabs as BiDi reports them (Puppeteer's own page list keeps stale URLs here). */
  private async tabs(): Promise<Array<{ context: string; url: string }>> {
    const tree = (await this.bidi().send('browsingContext.getTree', { maxDepth: 0 })) as {
      result: { contexts: Array<{ context: string; url: string }> };
    };
    return tree.result.contexts;
  }

  async urlOfTabOpenedBy(action: () => Promise<void>): Promise<string> {
    const before = new Set((await this.tabs()).map((tab) => tab.context));
    await action();
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const opened = (await this.tabs()).find((tab) => !before.has(tab.context) && /^https?:/.test(tab.url));
      if (opened) {
        await this.bidi().send('browsingContext.close', { context: opened.context });
        return opened.url;
      }
      await sleep(100);
    }
    throw new Error('No tab was opened');
  }

  async downloadBy(_page: UiPage, action: () => Promise<void>): Promise<{ name: string; text: string }> {
    const before = new Set(readdirSync(this.downloadDir));
    await action();
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      // Firefox writes into "<name>.part" and renames the file when it is complete.
      const done = readdirSync(this.downloadDir).filter((name) => !before.has(name) && !name.endsWith('.part'));
      const name = done.find((file) => statSync(join(this.downloadDir, file)).size > 0);
      if (name && !existsSync(join(this.downloadDir, `${name}.part`))) {
        return { name, text: readFileSync(join(this.downloadDir, name), 'utf8') };
      }
      await sleep(100);
    }
    throw new Error(`Nothing was downloaded into ${this.downloadDir}`);
  }

  /** Evaluates privileged code in the browser's own window (allowed by --remote-allow-system-access). */
  private async inChrome(expression: string): Promise<unknown> {
    const tree = (await this.bidi().send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
      result: { contexts: Array<{ context: string }> };
    };
    const answer = (await this.bidi().send('script.evaluate', {
      expression,
      target: { context: tree.result.contexts[0]!.context },
      awaitPromise: true,
    })) as { result: { type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } } };
    if (answer.result.type === 'exception') throw new Error(answer.result.exceptionDetails?.text);
    return answer.result.result?.value;
  }

  async stopBackground(): Promise<void> {
    // What Firefox does to an idle event page (and about:debugging's "Terminate background script").
    const state = await this.inChrome(`(async () => {
      const extension = WebExtensionPolicy.getByID(${JSON.stringify(this.geckoId)}).extension;
      await extension.terminateBackground({ disableResetIdleForTest: true });
      return extension.backgroundState;
    })()`);
    if (state !== 'stopped') throw new Error(`The background did not stop (${String(state)})`);
  }

  async restart(): Promise<void> {
    await this.browser.close();
    await this.arxiv.stop();
    await this.start();
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.arxiv.stop();
  }

  dispose(): void {
    rmSync(this.profileDir, { recursive: true, force: true });
    rmSync(this.downloadDir, { recursive: true, force: true });
  }
}
