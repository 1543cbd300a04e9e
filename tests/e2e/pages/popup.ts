import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from '../support/extension';

/** The toolbar popup, opened as a page of its own at the popup's size. */
export class PopupPage {
  constructor(readonly page: Page) {}

  static async open(session: ExtensionSession): Promise<PopupPage> {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 460, height: 600 });
    await page.goto(session.url('popup.html'));
    await page.getByRole('heading', { name: 'Daily Papers' }).waitFor();
    return new PopupPage(page);
  }

  get status(): Locator {
    return this.page.getByRole('status');
  }

  get checkNowButton(): Locator {
    return this.page.getByRole('button', { name: 'Check now' });
  }

  tab(keyword: string): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${keyword}`) });
  }

  papers(): Locator {
    return this.page.locator('article.paper');
  }

  paper(title: string): Locator {
    return this.page.getByRole('article', { name: title });
  }

  titles(): Promise<string[]> {
    return this.page.locator('article.paper .paper-title a').allTextContents();
  }

  unreadTitles(): Promise<string[]> {
    return this.page.locator('article.paper.unread .paper-title a').allTextContents();
  }

  /** Clicks "Check now" and waits until the check has finished. */
  async checkNow(): Promise<void> {
    const before = (await this.status.getAttribute('data-finished-at')) ?? '';
    await this.checkNowButton.click();
    await this.page.waitForFunction(
      (previous) => {
        const status = document.querySelector('[role=status]');
        const finished = status?.getAttribute('data-finished-at') ?? '';
        return finished !== '' && finished !== previous && !status?.textContent?.startsWith('Checking');
      },
      before,
      { timeout: 30_000 },
    );
  }
}
