import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../../../../lib/db/app-db';
import type { PaperRecord } from '../../../../lib/db/schema';
import { createBackup } from '../../../../lib/export/backup';
import { createKeyword } from '../../../../lib/keywords/keyword';
import { settingsItem } from '../../../../lib/settings/settings';
import { syntheticBackup, syntheticBackupFile } from '../../../e2e/support/backup-file';
import { paper } from '../../export/sample-papers';
import { clearDb, listedKeywords, renderOptions, storedKeywords, storeKeywords } from './render-options';
import { putPapers } from '../../../../lib/db/read-state';

beforeEach(clearDb);

const backupFile = (text: string, name = 'backup.json') => new File([text], name, { type: 'application/json' });

/** Everything an import could change: keywords, settings and every table. */
async function snapshot() {
  const db = getDb();
  return {
    keywords: await storedKeywords(),
    settings: await settingsItem.getValue(),
    tables: await Promise.all(db.tables.map((table) => table.toArray())),
  };
}

async function upload(label: string, file: File) {
  const { user } = await renderOptions();
  await user.upload(screen.getByLabelText(label), file);
}

describe('importing a backup', () => {
  it('merges keywords, settings and the read and saved state of papers', async () => {
    const [mine] = await storeKeywords('reward model');
    const db = getDb();
    await putPapers(db, [paper('2611.00001'), paper('2611.00002', { read: 1, readAt: 5 })]);
    const incoming = [
      { ...mine!, label: 'renamed elsewhere' }, // same id: already here
      createKeyword('REWARD MODEL'), // same label, ignoring case
      createKeyword('diffusion'),
      { ...createKeyword('broken'), rawQuery: 'ti:(a b)' },
      createKeyword('graph neural networks'),
    ];
    const papers: PaperRecord[] = [
      paper('2611.00001', { read: 1, readAt: 7, saved: 1, savedAt: 8 }), // stored: gains both
      paper('2611.00002', { read: 0 }), // stored and read here: stays read
      paper('2611.00003', { saved: 1, savedAt: 9 }), // not stored: added
    ];
    const settings = { theme: 'dark', papersPerKeyword: 5000, unknown: true };
    await upload(
      'Import a backup (JSON)',
      backupFile(createBackup({ keywords: incoming, settings, papers, now: new Date() })),
    );

    const status = await screen.findByText(/^Imported /);
    expect(status.textContent).toBe('Imported 2 keywords, your settings and the read and saved state of 2 papers.');
    expect(screen.getByText('“renamed elsewhere”: “reward model” is already in your list.')).toBeTruthy();
    expect(screen.getByText('“REWARD MODEL”: “reward model” is already in your list.')).toBeTruthy();
    expect(screen.getByText(/^“broken”: arXiv would reject its search: Write ti:a AND ti:b instead/)).toBeTruthy();
    await waitFor(() => expect(listedKeywords()).toEqual(['reward model', 'diffusion', 'graph neural networks']));
    expect((await storedKeywords())[1]).toEqual(incoming[2]);
    expect(await settingsItem.getValue()).toMatchObject({ theme: 'dark', papersPerKeyword: 1000, notifications: true });
    expect(await db.papers.get('2611.00001')).toMatchObject({ read: 1, readAt: 7, saved: 1, savedAt: 8 });
    expect(await db.papers.get('2611.00002')).toMatchObject({ read: 1, readAt: 5 });
    expect(await db.papers.get('2611.00003')).toMatchObject({ saved: 1, savedAt: 9 });
  });

  it('says when everything in a backup is already here', async () => {
    const keywords = await storeKeywords('reward model');
    await upload(
      'Import a backup (JSON)',
      backupFile(createBackup({ keywords, settings: null, papers: [], now: new Date() })),
    );
    expect(
      await screen.findByText('The backup was read, but everything in it is already here: nothing changed.'),
    ).toBeTruthy();
  });

  it('shows its progress in a labelled bar and counts the papers with digit grouping', async () => {
    await upload('Import a backup (JSON)', backupFile(syntheticBackupFile({ papers: 2_500 })));
    // Labelled (its name says what is happening), whether it is still checking or already saving.
    await screen.findByRole('progressbar', { name: /^(Checking the backup…|Saving papers: [\d,]+ of 2,500)$/ });
    expect((await screen.findByText(/^Imported /, undefined, { timeout: 20_000 })).textContent).toBe(
      'Imported the read and saved state of 2,500 papers.',
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(await getDb().papers.count()).toBe(2_500);
  });

  it('changes nothing for a 5,000-paper backup with one bad paper in the middle', async () => {
    await storeKeywords('reward model');
    await getDb().papers.put(paper('2611.00009', { read: 1 }));
    const before = await snapshot();
    const backup = syntheticBackup({
      papers: 5_000,
      keywords: [createKeyword('diffusion')],
      settings: { theme: 'dark' },
    });
    backup.papers[2_500] = { ...backup.papers[2_500]!, published: 'yesterday' };
    await upload('Import a backup (JSON)', backupFile(JSON.stringify(backup)));
    expect((await screen.findByRole('alert', undefined, { timeout: 20_000 })).textContent).toBe(
      'Nothing was imported: Paper 2501 has an invalid date "yesterday".',
    );
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    [
      'a file that is not JSON',
      'notes.json',
      '{ "format": ',
      'This file is not valid JSON, so it is not a Daily Papers backup.',
    ],
    [
      'a foreign JSON file',
      'package.json',
      '{ "name": "something else", "version": "1.0.0" }',
      'This is not a Daily Papers backup (no "format": "daily-papers-backup" field).',
    ],
    [
      'a backup from a newer version',
      'backup.json',
      '{ "format": "daily-papers-backup", "version": 9 }',
      'This backup comes from a newer version of Daily Papers (backup version 9). Update the extension, then import it again.',
    ],
    [
      'a backup with one bad paper',
      'backup.json',
      createBackup({
        keywords: [createKeyword('diffusion')],
        settings: { theme: 'dark' },
        papers: [paper('2611.00001', { saved: 1 }), paper('not-an-id', { read: 1 })],
        now: new Date(),
      }),
      'Paper 2 has an invalid arXiv id "not-an-id".',
    ],
  ])('changes nothing for %s, and says exactly why', async (_, name, text, reason) => {
    await storeKeywords('reward model');
    await putPapers(getDb(), [paper('2611.00009', { read: 1 })]);
    const before = await snapshot();
    await upload('Import a backup (JSON)', backupFile(text, name));
    expect((await screen.findByRole('alert')).textContent).toBe(`Nothing was imported: ${reason}`);
    expect(await snapshot()).toEqual(before);
  });
});

describe('importing a keyword list', () => {
  it('adds the new keywords and lists the skipped lines with their reasons', async () => {
    await storeKeywords('reward model');
    const text = '# my topics\ndiffusion\n\nReward Model\nreward*\ndiffusion\ngraph neural networks\n';
    await upload('Import a keyword list (text)', new File([text], 'topics.txt', { type: 'text/plain' }));
    expect(await screen.findByText('Added 2 keywords.')).toBeTruthy();
    const skipped = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(skipped).toEqual(
      expect.arrayContaining([
        'Line 4, “Reward Model”: “reward model” is already in your list.',
        'Line 5, “reward*”: arXiv would reject its search: Remove the "*" from "reward*": arXiv has no documented wildcards (it already matches plurals).',
        'Line 6, “diffusion”: Already listed on line 2.',
      ]),
    );
    await waitFor(() => expect(listedKeywords()).toEqual(['reward model', 'diffusion', 'graph neural networks']));
  });
});
