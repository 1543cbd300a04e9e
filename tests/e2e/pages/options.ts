import type { ExtensionSession } from '../support/extension';
import type { OpenOptions } from '../support/session';
import type { Loc, UiPage, UploadFile } from '../support/ui';

/** The options page, as a user sees it (the same in every browser). */
export class OptionsPage {
  constructor(
    readonly page: UiPage,
    private readonly session: ExtensionSession,
  ) {}

  static async open(session: ExtensionSession, options: OpenOptions = {}): Promise<OptionsPage> {
    const page = await session.openPage('options.html', options);
    await page.getByRole('heading', { name: 'Keywords' }).waitFor();
    return new OptionsPage(page, session);
  }

  /** The options page the extension opened by itself (with the welcome, after installation). */
  static async opened(session: ExtensionSession): Promise<OptionsPage> {
    return new OptionsPage(await session.waitForOpenedPage('options.html'), session);
  }

  get input(): Loc {
    return this.page.getByLabel('New keyword');
  }

  get error(): Loc {
    return this.page.getByRole('alert');
  }

  /** Types a keyword and presses Enter. */
  async addKeyword(text: string): Promise<void> {
    await this.input.fill(text);
    await this.input.press('Enter');
  }

  keywords(): Promise<string[]> {
    return this.page.getByRole('list', { name: 'Your keywords' }).locator('.keyword-text').allTextContents();
  }

  async removeKeyword(text: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove ${text}`, exact: true }).click();
  }

  /** A keyword's row in the list. */
  row(label: string): Loc {
    return this.page
      .getByRole('list', { name: 'Your keywords' })
      .getByRole('listitem')
      .filter({ has: this.page.locator('.keyword-text', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) });
  }

  /** Opens a keyword's editor and returns it. */
  async edit(label: string): Promise<Loc> {
    await this.page.getByRole('button', { name: `Edit ${label}`, exact: true }).click();
    const editor = this.page.getByRole('form', { name: `Edit ${label}`, exact: true });
    await editor.waitFor();
    return editor;
  }

  async move(label: string, direction: 'up' | 'down'): Promise<void> {
    await this.page.getByRole('button', { name: `Move ${label} ${direction}`, exact: true }).click();
  }

  async undo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Undo', exact: true }).click();
  }

  /** The bar that shows a running import (named by what it is doing). */
  get importProgress(): Loc {
    return this.page.getByRole('progressbar');
  }

  /** The sentence saying what an import changed ("Imported …"). */
  get importSummary(): Loc {
    return this.page.getByRole('status').filter({ hasText: /^Imported / });
  }

  async importBackup(file: UploadFile): Promise<void> {
    await this.page.getByLabel('Import a backup (JSON)').setInputFiles(file);
  }

  async importKeywordList(file: UploadFile): Promise<void> {
    await this.page.getByLabel('Import a keyword list (text)').setInputFiles(file);
  }

  /** The line that says how much of sync storage the keywords use and how many more fit. */
  room(): Promise<string | null> {
    return this.page.getByText(/^Sync storage: /).textContent();
  }

  /** Exports in a format ("Markdown", "BibTeX", "JSON backup") and returns the downloaded file. */
  async export(format: string, scope = 'All keywords'): Promise<{ name: string; text: string }> {
    await this.page.getByLabel('What to export').selectOption({ label: scope });
    return this.session.downloadBy(this.page, () =>
      this.page.getByRole('button', { name: `Export ${format}`, exact: true }).click(),
    );
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
