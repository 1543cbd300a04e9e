import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '../../../../lib/db/app-db';
import { storeMatches } from '../../../../lib/db/papers';
import { parseBackup } from '../../../../lib/export/backup';
import { settingsItem } from '../../../../lib/settings/settings';
import { entry } from '../../helpers';
import { clearDb, renderOptions, storedKeywords, storeKeywords } from './render-options';
import { updatePaperFlags } from '../../../../lib/db/read-state';

beforeEach(clearDb);

/** Catches the file the page offers for download instead of letting the browser save it. */
function catchDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  let lastBlob: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    lastBlob = blob as Blob;
    return 'blob:daily-papers/1';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, blob: lastBlob! });
  });
  return files;
}

async function setup() {
  const keywords = await storeKeywords('reward model', 'diffusion');
  const db = getDb();
  await storeMatches(db, keywords[0]!.id, [entry('2611.00001', { title: 'Reward models revisited' })], 1);
  await storeMatches(db, keywords[1]!.id, [entry('2611.00002', { title: 'Diffusion at scale' })], 1);
  await updatePaperFlags(db, [{ id: '2611.00002', changes: { read: 1, readAt: 2 } }]);
  const files = catchDownloads();
  const rendered = await renderOptions();
  return { ...rendered, files, keywords };
}

describe('exporting', () => {
  it('downloads every keyword as the Daily Papers README', async () => {
    const { user, files } = await setup();
    await user.click(screen.getByRole('button', { name: 'Export Markdown' }));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(files[0]!.name).toMatch(/^daily-papers-\d{4}-\d{2}-\d{2}\.md$/);
    const text = await files[0]!.blob.text();
    expect(text).toMatch(/^# Daily Papers\n\nLast update: \d{4}-\d{2}-\d{2}\n\n## reward model\n\n\| \*\*Title\*\* \|/);
    expect(text).toContain('## diffusion');
    expect(text).toContain('[Reward models revisited](https://arxiv.org/abs/2611.00001)');
    expect(screen.getByText(`Downloaded ${files[0]!.name}.`)).toBeTruthy();
  });

  it('downloads one keyword as BibTeX', async () => {
    const { user, files } = await setup();
    await user.selectOptions(screen.getByLabelText('What to export'), 'diffusion');
    await user.click(screen.getByRole('button', { name: 'Export BibTeX' }));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(files[0]!.name).toMatch(/^daily-papers-diffusion-\d{4}-\d{2}-\d{2}\.bib$/);
    const text = await files[0]!.blob.text();
    expect(text).toContain('title = {{Diffusion at scale}}');
    expect(text).not.toContain('Reward models revisited');
  });

  it('downloads a backup of keywords, settings and the papers read or saved', async () => {
    const { user, files, keywords } = await setup();
    await settingsItem.setValue({ ...(await settingsItem.getValue()), theme: 'dark' });
    await user.click(screen.getByRole('button', { name: 'Export JSON backup' }));
    await waitFor(() => expect(files).toHaveLength(1));
    const parsed = parseBackup(await files[0]!.blob.text());
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.backup.keywords).toEqual(keywords);
    expect(parsed.backup.settings).toMatchObject({ theme: 'dark' });
    expect(parsed.backup.papers.map((p) => p.id)).toEqual(['2611.00002']);
  });
});

describe('clearing all data', () => {
  it('asks first, and Cancel keeps everything', async () => {
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Clear all data…' }));
    expect(
      screen.getByText(
        'Delete your 2 keywords, your settings and all 2 stored papers, including the 0 you saved? This cannot be undone: export a JSON backup first if you may want them back.',
      ),
    ).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' })));
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('button', { name: 'Delete everything' })).toBeNull();
    // The keyboard is back where it started, not on the page.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Clear all data…' })));
    expect(await storedKeywords()).toHaveLength(2);
    expect(await getDb().papers.count()).toBe(2);
  });

  it('deletes keywords, settings and every stored paper once confirmed', async () => {
    const { user } = await setup();
    await settingsItem.setValue({ ...(await settingsItem.getValue()), papersPerKeyword: 300 });
    await user.click(screen.getByRole('button', { name: 'Clear all data…' }));
    await user.click(screen.getByRole('button', { name: 'Delete everything' }));
    expect(await screen.findByText('All data was deleted.')).toBeTruthy();
    expect(await storedKeywords()).toEqual([]);
    expect((await settingsItem.getValue()).papersPerKeyword).toBe(100);
    expect(await getDb().papers.count()).toBe(0);
    expect(await getDb().matches.count()).toBe(0);
    expect(screen.getByText('No keywords yet.')).toBeTruthy();
  });
});
