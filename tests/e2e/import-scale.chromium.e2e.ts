import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';
import { savedCount, syntheticBackupFile } from './support/backup-file';
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

  it('imports with a progress bar and a readable summary, and its saved papers are listed', async () => {
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
    await popup.page
      .getByRole('tab', { name: new RegExp(`^Saved, ${saved.toLocaleString('en').replace(',', ',?')} papers$`) })
      .waitFor();
  }, 180_000);

  it('exports it again with every imported paper', async () => {
    const options = await OptionsPage.open(session);
    const backup = await options.export('JSON backup');
    const papers = (JSON.parse(backup.text) as { papers: Array<{ id: string }> }).papers;
    expect(papers).toHaveLength(PAPERS);
    expect(new Set(papers.map((p) => p.id)).size).toBe(PAPERS);
  }, 120_000);
});
