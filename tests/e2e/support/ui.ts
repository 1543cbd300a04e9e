/**
 * The part of a browser page that page objects and tests use, the same in Chromium (Playwright)
 * and Firefox (Puppeteer over WebDriver BiDi). Names and meanings follow Playwright's locators,
 * so a test reads the same whichever browser runs it.
 */

export type TextMatch = string | RegExp;

export interface RoleOptions {
  name?: TextMatch;
  exact?: boolean;
  selected?: boolean;
}

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export interface WaitOptions {
  state?: 'attached' | 'detached' | 'visible' | 'hidden';
  timeout?: number;
}

/** Elements found by role, label, text or CSS, re-resolved on every use. */
export interface Loc {
  getByRole(role: string, options?: RoleOptions): Loc;
  getByLabel(text: TextMatch, options?: { exact?: boolean }): Loc;
  getByText(text: TextMatch, options?: { exact?: boolean }): Loc;
  locator(css: string, options?: { hasText?: TextMatch }): Loc;
  filter(options: { hasText?: TextMatch; has?: Loc }): Loc;
  first(): Loc;
  nth(index: number): Loc;
  count(): Promise<number>;
  textContent(): Promise<string | null>;
  allTextContents(): Promise<string[]>;
  getAttribute(name: string): Promise<string | null>;
  /** The attribute of every match, in document order. */
  attributes(name: string): Promise<Array<string | null>>;
  isVisible(): Promise<boolean>;
  waitFor(options?: WaitOptions): Promise<void>;
  click(): Promise<void>;
  hover(): Promise<void>;
  fill(text: string): Promise<void>;
  press(key: string): Promise<void>;
  check(): Promise<void>;
  uncheck(): Promise<void>;
  selectOption(option: string | { label: string }): Promise<void>;
  setInputFiles(file: UploadFile): Promise<void>;
  /** The element's bounding box width, in CSS pixels. */
  width(): Promise<number>;
}

/** A page of the extension (or a tab it opened). */
export interface UiPage {
  getByRole(role: string, options?: RoleOptions): Loc;
  getByLabel(text: TextMatch, options?: { exact?: boolean }): Loc;
  getByText(text: TextMatch, options?: { exact?: boolean }): Loc;
  locator(css: string, options?: { hasText?: TextMatch }): Loc;
  /** Runs a self-contained function in the page. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Runs a script's source text in the page, as the driver's own evaluation (exempt from the page's CSP). */
  evaluateSource(source: string): Promise<void>;
  /** Makes the page the browser's selected tab (background tabs get their timers throttled). */
  bringToFront(): Promise<void>;
  /** Waits until a self-contained function returns true in the page. */
  waitForFunction<A>(fn: (arg: A) => boolean, arg: A, timeoutMs?: number): Promise<void>;
  press(key: string): Promise<void>;
  /** A click at a point of the viewport (to move focus away, for example). */
  clickAt(x: number, y: number): Promise<void>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<void>;
  isClosed(): boolean;
  close(): Promise<void>;
}
