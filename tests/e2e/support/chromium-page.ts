import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Loc, RoleOptions, TextMatch, UiPage, UploadFile, WaitOptions } from './ui';

const LARGE_UPLOAD_BYTES = 1024 * 1024;

/** Playwright's locator behind the shared interface. */
export class ChromiumLoc implements Loc {
  constructor(readonly raw: Locator) {}

  getByRole(role: string, options?: RoleOptions): Loc {
    return new ChromiumLoc(this.raw.getByRole(role as never, options));
  }
  getByLabel(text: TextMatch, options?: { exact?: boolean }): Loc {
    return new ChromiumLoc(this.raw.getByLabel(text, options));
  }
  getByText(text: TextMatch, options?: { exact?: boolean }): Loc {
    return new ChromiumLoc(this.raw.getByText(text, options));
  }
  locator(css: string, options?: { hasText?: TextMatch }): Loc {
    return new ChromiumLoc(this.raw.locator(css, options));
  }
  filter(options: { hasText?: TextMatch; has?: Loc }): Loc {
    return new ChromiumLoc(
      this.raw.filter({ hasText: options.hasText, has: options.has ? (options.has as ChromiumLoc).raw : undefined }),
    );
  }
  first(): Loc {
    return new ChromiumLoc(this.raw.first());
  }
  nth(index: number): Loc {
    return new ChromiumLoc(this.raw.nth(index));
  }
  count(): Promise<number> {
    return this.raw.count();
  }
  textContent(): Promise<string | null> {
    return this.raw.textContent();
  }
  allTextContents(): Promise<string[]> {
    return this.raw.allTextContents();
  }
  getAttribute(name: string): Promise<string | null> {
    return this.raw.getAttribute(name);
  }
  attributes(name: string): Promise<Array<string | null>> {
    return this.raw.evaluateAll((els, attr) => els.map((el) => el.getAttribute(attr)), name);
  }
  isVisible(): Promise<boolean> {
    return this.raw.isVisible();
  }
  waitFor(options?: WaitOptions): Promise<void> {
    return this.raw.waitFor(options);
  }
  click(): Promise<void> {
    return this.raw.click();
  }
  hover(): Promise<void> {
    return this.raw.hover();
  }
  fill(text: string): Promise<void> {
    return this.raw.fill(text);
  }
  press(key: string): Promise<void> {
    return this.raw.press(key);
  }
  check(): Promise<void> {
    return this.raw.check();
  }
  uncheck(): Promise<void> {
    return this.raw.uncheck();
  }
  async selectOption(option: string | { label: string }): Promise<void> {
    await this.raw.selectOption(option);
  }
  async setInputFiles(file: UploadFile): Promise<void> {
    // Playwright sends a buffer through the protocol in base64, which takes tens of seconds for
    // a large backup; from a file on disk the browser reads it itself, as when a user picks it.
    if (file.buffer.length < LARGE_UPLOAD_BYTES) return this.raw.setInputFiles(file);
    const path = join(mkdtempSync(join(tmpdir(), 'daily-papers-upload-')), file.name);
    writeFileSync(path, file.buffer);
    try {
      await this.raw.setInputFiles(path);
    } finally {
      rmSync(dirname(path), { recursive: true, force: true });
    }
  }
  width(): Promise<number> {
    return this.raw.evaluate((el) => el.getBoundingClientRect().width);
  }
}

/** An extension page in Chromium, driven by Playwright. */
export class ChromiumPage implements UiPage {
  constructor(readonly raw: Page) {}

  getByRole(role: string, options?: RoleOptions): Loc {
    return new ChromiumLoc(this.raw.getByRole(role as never, options));
  }
  getByLabel(text: TextMatch, options?: { exact?: boolean }): Loc {
    return new ChromiumLoc(this.raw.getByLabel(text, options));
  }
  getByText(text: TextMatch, options?: { exact?: boolean }): Loc {
    return new ChromiumLoc(this.raw.getByText(text, options));
  }
  locator(css: string, options?: { hasText?: TextMatch }): Loc {
    return new ChromiumLoc(this.raw.locator(css, options));
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
  async waitForFunction<A>(fn: (arg: A) => boolean, arg: A, timeoutMs = 30_000): Promise<void> {
    await this.raw.waitForFunction(fn as never, arg, { timeout: timeoutMs });
  }
  press(key: string): Promise<void> {
    return this.raw.keyboard.press(key);
  }
  clickAt(x: number, y: number): Promise<void> {
    return this.raw.mouse.click(x, y);
  }
  setViewportSize(size: { width: number; height: number }): Promise<void> {
    return this.raw.setViewportSize(size);
  }
  async screenshot(options: { path: string; fullPage?: boolean }): Promise<void> {
    await this.raw.screenshot(options);
  }
  isClosed(): boolean {
    return this.raw.isClosed();
  }
  close(): Promise<void> {
    return this.raw.close();
  }
}
