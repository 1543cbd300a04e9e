import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from '../support/extension';

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
    await this.page.getByRole('button', { name: `Remove ${text}` }).click();
  }
}
