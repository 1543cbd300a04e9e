import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';
import { savedCount, syntheticBackupFile, syntheticPaper } from './support/backup-file';
import { launchExtension, type ExtensionSession } from './support/extension';

const PAPERS = 20_000;

// A busy machine can take a minute over 20,000 papers; the benchmark, not this test, times them.

describe('a 20,000-paper backup', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });

  afterAll(async () => {
    await session?.close();
    session?.dispose();
  });

  it('imports with a progress bar and a readable summary; search, counts and mark read work on it', async () => {
    const options = await OptionsPage.open(session);
    const text = syntheticBackupFile({ papers: PAPERS });
    await options.importBackup({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    // The bar is there while the file is checked and saved, named by what it is doing.
    await options.page.getByRole('progressbar', { name: /^Saving papers: [\d,]+ of 20,000$/ }).waitFor();
    await options.importSummary.waitFor({ timeout: 120_000 });
    expect(await options.importSummary.textContent()).toBe('Imported the read and saved state of 20,000 papers.');
    await options.importProgress.waitFor({ state: 'detached' });

    const popup = await PopupPage.open(session);
    const saved = savedCount(PAPERS);
    await popup.tab('Saved').click();
    await expect
      .poll(() => popup.tab('Saved').getAttribute('aria-label'), { timeout: 30_000 })
      .toBe(`Saved, ${saved.toLocaleString('en')} papers`);
    // Every imported paper is read: nothing is new.
    expect(await popup.tab('All new').getAttribute('aria-label')).toBe('All new');

    // Search finds one paper among 20,000 by a number in its title and abstract.
    const wanted = syntheticPaper(12_340);
    await popup.search('study 12340');
    await expect.poll(() => popup.paperIds(), { timeout: 15_000 }).toEqual([wanted.id]);

    // Marked unread, it is counted and listed in "All new"; read again, the count goes. (The
    // worker trains the ranking on the imported library meanwhile: a write can wait behind one of
    // its reads of 2,000 papers on a busy machine, so each step gets the time the others get.)
    const soon = { timeout: 15_000 };
    await popup.papers().first().getByRole('button', { name: 'Mark unread' }).click();
    await expect.poll(() => popup.tab('All new').getAttribute('aria-label'), soon).toBe('All new, 1 unread');
    await popup.tab('All new').click();
    await expect.poll(() => popup.paperIds(), soon).toEqual([wanted.id]);
    await popup.search('');
    await expect.poll(() => popup.paperIds(), soon).toEqual([wanted.id]);
    await popup.papers().first().getByRole('button', { name: 'Mark read' }).click();
    await expect.poll(() => popup.tab('All new').getAttribute('aria-label'), soon).toBe('All new');
  }, 180_000);

  it('exports it again with every imported paper', async () => {
    const options = await OptionsPage.open(session);
    const backup = await options.export('JSON backup');
    const papers = (JSON.parse(backup.text) as { papers: Array<{ id: string }> }).papers;
    expect(papers).toHaveLength(PAPERS);
    expect(new Set(papers.map((p) => p.id)).size).toBe(PAPERS);
  }, 120_000);
});
