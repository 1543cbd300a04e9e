import { describe, expect, it } from 'vitest';
import { announcedProgress } from '../../../../components/options/import-progress';
import { summariseBackupImport, summariseListImport } from '../../../../components/options/import-summary';
import { createKeyword } from '../../../../lib/keywords/keyword';

const report = { added: [], skipped: [], settingsChanged: false, papersUpdated: 0, papersAdded: 0 };

describe('the import summary', () => {
  it('groups the digits of large counts', () => {
    expect(summariseBackupImport({ ...report, papersAdded: 19_000, papersUpdated: 1_000 }).text).toBe(
      'Imported the read and saved state of 20,000 papers.',
    );
    expect(summariseListImport(1_234, []).text).toBe('Added 1,234 keywords.');
  });

  it('names one of a thing in the singular and joins the parts', () => {
    const keywords = [createKeyword('diffusion')];
    expect(summariseBackupImport({ ...report, added: keywords, settingsChanged: true, papersAdded: 1 }).text).toBe(
      'Imported 1 keyword, your settings and the read and saved state of 1 paper.',
    );
  });
});

describe('the spoken import progress', () => {
  it('moves in quarter steps and ends at 100%', () => {
    const say = (done: number) => announcedProgress({ stage: 'saving', done, total: 20_000 });
    expect([0, 4_999, 5_000, 12_345, 19_999, 20_000].map(say)).toEqual([
      'Saving papers: 0%',
      'Saving papers: 0%',
      'Saving papers: 25%',
      'Saving papers: 50%',
      'Saving papers: 75%',
      'Saving papers: 100%',
    ]);
    expect(announcedProgress({ stage: 'saving', done: 0, total: 0 })).toBe('Saving papers: 100%');
    expect(announcedProgress({ stage: 'checking' })).toBe('Checking the backup…');
  });
});
