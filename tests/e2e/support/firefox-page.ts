import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { resolveSteps, type Step, type TextSpec } from './in-page-query';
import type { Loc, RoleOptions, TextMatch, UiPage, UploadFile, WaitOptions } from './ui';

const DEFAULT_TIMEOUT = 15_000;
let tagCounter = 0;

function spec(match: TextMatch, exact?: boolean): TextSpec {
  return typeof match === 'string' ? { text: match, exact } : { source: match.source, flags: match.flags };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A driver command that never answers becomes an error saying what it was for. */
async function withTimeout<T>(work: Promise<T>, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), DEFAULT_TIMEOUT);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A locator over Puppeteer: each use sends the chain of steps to the page and acts on the first
 * element found, waiting for it as Playwright does.
 */
class FirefoxLoc implements Loc {
  constructor(
    private readonly page: Page,
    readonly steps: Step[],
  ) {}

  private then(step: Step): FirefoxLoc {
    return new FirefoxLoc(this.page, [...this.steps, step]);
  }

  /** Evaluates `body` in the page with `found` bound to the elements the chain finds. */
  private async run<R>(body: string): Promise<R> {
    // `__name` is what a bundler may wrap named functions in; the page has no such helper.
    const evaluation = this.page.evaluate(
      `(() => { const __name = (f) => f; const found = (${resolveSteps.toString()})(${JSON.stringify(this.steps)}); ${body} })()`,
    ) as Promise<R>;
    // A script that never answers becomes an error that names what was looked for.
    return withTimeout(evaluation, `No answer looking for ${JSON.stringify(this.steps)}`);
  }

  getByRole(role: string, options: RoleOptions = {}): Loc {
    return this.then({
      kind: 'role',
      role,
      name: options.name === undefined ? undefined : spec(options.name, options.exact),
      selected: options.selected,
    });
  }
  getByLabel(text: TextMatch, options: { exact?: boolean } = {}): Loc {
    return this.then({ kind: 'label', label: spec(text, options.exact) });
  }
  getByText(text: TextMatch, options: { exact?: boolean } = {}): Loc {
    return this.then({ kind: 'text', match: spec(text, options.exact) });
  }
  locator(css: string, options: { hasText?: TextMatch } = {}): Loc {
    const loc = this.then({ kind: 'css', css });
    return options.hasText === undefined ? loc : loc.filter({ hasText: options.hasText });
  }
  filter(options: { hasText?: TextMatch; has?: Loc }): Loc {
    return this.then({
      kind: 'filter',
      hasText: options.hasText === undefined ? undefined : spec(options.hasText),
      has: options.has ? (options.has as FirefoxLoc).steps : undefined,
    });
  }
  first(): Loc {
    return this.then({ kind: 'nth', index: 0 });
  }
  nth(index: number): Loc {
    return this.then({ kind: 'nth', index });
  }

  count(): Promise<number> {
    return this.run('return found.length;');
  }
  allTextContents(): Promise<string[]> {
    return this.run("return found.map((el) => el.textContent ?? '');");
  }
  attributes(name: string): Promise<Array<string | null>> {
    return this.run(`return found.map((el) => el.getAttribute(${JSON.stringify(name)}));`);
  }
  async isVisible(): Promise<boolean> {
    return this.run(
      "const el = found[0]; return !!el && getComputedStyle(el).visibility !== 'hidden' && el.getClientRects().length > 0;",
    );
  }
  async textContent(): Promise<string | null> {
    await this.waitFor({ state: 'attached' });
    return this.run('return found[0] ? found[0].textContent : null;');
  }
  async getAttribute(name: string): Promise<string | null> {
    await this.waitFor({ state: 'attached' });
    return this.run(`return found[0] ? found[0].getAttribute(${JSON.stringify(name)}) : null;`);
  }
  async width(): Promise<number> {
    await this.waitFor({ state: 'attached' });
    return this.run('return found[0].getBoundingClientRect().width;');
  }

  async waitFor(options: WaitOptions = {}): Promise<void> {
    const state = options.state ?? 'visible';
    const deadline = Date.now() + (options.timeout ?? DEFAULT_TIMEOUT);
    for (;;) {
      const [attached, shown] = await this.run<[boolean, boolean]>(
        "const el = found[0]; return [!!el, !!el && getComputedStyle(el).visibility !== 'hidden' && el.getClientRects().length > 0];",
      ).catch(() => [false, false] as [boolean, boolean]); // the page may be navigating
      const done = { attached, detached: !attached, visible: shown, hidden: !shown }[state];
      if (done) return;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${JSON.stringify(this.steps)} to be ${state}`);
      await sleep(100);
    }
  }

  /** Marks the first element found with a unique attribute and returns a CSS selector for it. */
  private async target(): Promise<string> {
    const deadline = Date.now() + DEFAULT_TIMEOUT;
    const tag = `e2e-${++tagCounter}`;
    for (;;) {
      const ok = await this.run<boolean>(
        `const el = found[0]; if (!el) return false; el.setAttribute('data-e2e-target', ${JSON.stringify(tag)}); return true;`,
      ).catch(() => false);
      if (ok) return `[data-e2e-target="${tag}"]`;
      if (Date.now() > deadline) throw new Error(`No element for ${JSON.stringify(this.steps)}`);
      await sleep(100);
    }
  }

  private async act(action: (selector: string) => Promise<unknown>): Promise<void> {
    // The element can be replaced between finding and acting (React re-renders): find it again.
    for (let attempt = 0; ; attempt++) {
      try {
        const selector = await this.target();
        await withTimeout(action(selector), `No answer acting on ${JSON.stringify(this.steps)}`);
        return;
      } catch (error) {
        if (attempt >= 1) throw error;
        await sleep(200);
      }
    }
  }

  click(): Promise<void> {
    return this.act(async (selector) => {
      const handle = await this.page.$(selector);
      if (!handle) throw new Error('element went away');
      await handle.click();
    });
  }
  hover(): Promise<void> {
    return this.act(async (selector) => (await this.page.$(selector))!.hover());
  }
  fill(text: string): Promise<void> {
    // As a user would: focus, select what is there, type over it (or delete it).
    return this.act(async (selector) => {
      await this.page.focus(selector);
      await this.page.$eval(selector, (el) => (el as HTMLInputElement).select());
      if (text === '') await this.page.keyboard.press('Backspace');
      else await this.page.keyboard.type(text);
    });
  }
  press(key: string): Promise<void> {
    return this.act(async (selector) => {
      await this.page.focus(selector);
      await this.page.keyboard.press(key as never);
    });
  }
  private async setChecked(checked: boolean): Promise<void> {
    const state = await this.run<boolean>('return !!found[0]?.checked;');
    if (state !== checked) await this.click();
  }
  check(): Promise<void> {
    return this.setChecked(true);
  }
  uncheck(): Promise<void> {
    return this.setChecked(false);
  }
  selectOption(option: string | { label: string }): Promise<void> {
    return this.act(async (selector) => {
      const value =
        typeof option === 'string'
          ? option
          : await this.page.$eval(
              selector,
              (select, label) =>
                [...(select as HTMLSelectElement).options].find((o) => o.textContent?.trim() === label)?.value ?? '',
              option.label,
            );
      await this.page.select(selector, value);
    });
  }
  setInputFiles(file: UploadFile): Promise<void> {
    const path = join(mkdtempSync(join(tmpdir(), 'daily-papers-upload-')), file.name);
    writeFileSync(path, file.buffer);
    return this.act(async (selector) => {
      const handle = await this.page.$(selector);
      await (handle as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(path);
    });
  }
}

/** An extension page in Firefox, driven by Puppeteer over WebDriver BiDi. */
export class FirefoxPage implements UiPage {
  private closed = false;
  private readonly root: FirefoxLoc;

  constructor(readonly raw: Page) {
    this.root = new FirefoxLoc(raw, []);
  }

  getByRole(role: string, options?: RoleOptions): Loc {
    return this.root.getByRole(role, options);
  }
  getByLabel(text: TextMatch, options?: { exact?: boolean }): Loc {
    return this.root.getByLabel(text, options);
  }
  getByText(text: TextMatch, options?: { exact?: boolean }): Loc {
    return this.root.getByText(text, options);
  }
  locator(css: string, options?: { hasText?: TextMatch }): Loc {
    return this.root.locator(css, options);
  }
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.raw.evaluate(fn as never, arg) as Promise<R>;
  }
  bringToFront(): Promise<void> {
    return this.raw.bringToFront();
  }
  async evaluateSource(source: string): Promise<void> {
    await this.raw.evaluate(source);
  }
  async waitForFunction<A>(fn: (arg: A) => boolean, arg: A, timeoutMs = DEFAULT_TIMEOUT): Promise<void> {
    await this.raw.waitForFunction(fn as never, { timeout: timeoutMs, polling: 100 }, arg);
  }
  press(key: string): Promise<void> {
    return this.raw.keyboard.press(key as never);
  }
  clickAt(x: number, y: number): Promise<void> {
    return this.raw.mouse.click(x, y);
  }
  setViewportSize(size: { width: number; height: number }): Promise<void> {
    return this.raw.setViewport(size);
  }
  async screenshot(options: { path: string; fullPage?: boolean }): Promise<void> {
    await this.raw.screenshot({ path: options.path as `${string}.png`, fullPage: options.fullPage });
  }
  isClosed(): boolean {
    return this.closed || this.raw.isClosed();
  }
  async close(): Promise<void> {
    this.closed = true;
    await this.raw.close().catch(() => undefined);
  }
}
