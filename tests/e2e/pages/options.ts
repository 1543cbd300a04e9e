import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from '../support/extension';

/** A file to hand to a file input, as Playwright takes it. */
export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The options page, as a user sees it. */
export class OptionsPage {
  constructor(readonly page: Page) {}

  static async open(session: ExtensionSession): Promise<OptionsPage> {
    const page = await session.context.newPage();
    await page.goto(session.url('options.html'));
    await page.getByRole('heading', { name: 'Keywords' }).waitFor();
    return new OptionsPage(page);
  }

  get input(): Locator {
    return this.page.getByLabel('New keyword');
  }

  get error(): Locator {
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
  row(label: string): Locator {
    return this.page
      .getByRole('list', { name: 'Your keywords' })
      .getByRole('listitem')
      .filter({ has: this.page.locator('.keyword-text', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) });
  }

  /** Opens a keyword's editor and returns it. */
  async edit(label: string): Promise<Locator> {
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

  async importBackup(file: UploadFile): Promise<void> {
    await this.page.getByLabel('Import a backup (JSON)').setInputFiles(file);
  }

  /** Exports in a format ("Markdown", "BibTeX", "JSON backup") and returns the downloaded file. */
  async export(format: string, scope = 'All keywords'): Promise<{ name: string; text: string }> {
    await this.page.getByLabel('What to export').selectOption({ label: scope });
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: `Export ${format}`, exact: true }).click();
    const file = await download;
    const path = await file.path();
    return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
