import { describe, expect, it } from 'vitest';
import { hidePapers } from '../../../lib/db/labels';
import { storeMatches } from '../../../lib/db/papers';
import { parseBackup, type Backup } from '../../../lib/export/backup';
import { readRankingStatus, resetPersonalisation } from '../../../lib/db/ranking';
import { importBackup } from '../../../lib/keywords/keyword-import';
import { buildExport } from '../../../lib/keywords/keyword-export';
import { keyword } from '../export/sample-papers';
import { entry, freshDb } from '../helpers';

describe('buildExport and hidden papers', () => {
  const graphs = keyword('graphs');
  const now = new Date('2026-11-22T08:00:00Z');

  async function library() {
    const db = freshDb();
    await storeMatches(
      db,
      graphs.id,
      [entry('2611.00001', { title: 'Kept' }), entry('2611.00002', { title: 'Hidden' })],
      1,
    );
    await hidePapers(db, ['2611.00002'], 100);
    return db;
  }

  it('leaves them out of the Markdown and BibTeX lists', async () => {
    const db = await library();
    for (const kind of ['markdown', 'bibtex'] as const) {
      const { text } = await buildExport(db, kind, [graphs], null, now);
      expect(text, kind).toContain('Kept');
      expect(text, kind).not.toContain('Hidden');
    }
  });

  it('keeps them, hidden, in a one-keyword backup', async () => {
    const db = await library();
    const { text } = await buildExport(db, 'json', [graphs], null, now, graphs);
    const parsed = parseBackup(text);
    expect(parsed.ok && parsed.backup.papers.map((p) => [p.id, p.hiddenAt])).toEqual([['2611.00002', 100]]);
  });
});

describe('backups and "Reset personalisation"', () => {
  const graphs = keyword('graphs');
  const now = new Date('2026-11-22T08:00:00Z');

  async function backupOf(resetAt: number | undefined): Promise<Backup> {
    const db = freshDb();
    await storeMatches(db, graphs.id, [entry('2611.00001')], 1);
    if (resetAt !== undefined) await resetPersonalisation(db, resetAt);
    const parsed = parseBackup((await buildExport(db, 'json', [graphs], null, now)).text);
    db.close();
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.backup;
  }

  it('a whole backup carries the last reset; one never reset, or of one keyword, carries none', async () => {
    expect((await backupOf(500)).personalisation).toEqual({ resetAt: 500 });
    expect((await backupOf(undefined)).personalisation).toBeUndefined();
    const db = freshDb();
    await resetPersonalisation(db, 500);
    const single = parseBackup((await buildExport(db, 'json', [graphs], null, now, graphs)).text);
    expect(single.ok && single.backup.personalisation).toBeUndefined();
  });

  it('an import takes over a later reset, never an earlier one', async () => {
    const db = freshDb();
    await importBackup(db, await backupOf(500));
    expect((await readRankingStatus(db)).resetAt).toBe(500);
    await importBackup(db, await backupOf(300));
    expect((await readRankingStatus(db)).resetAt).toBe(500);
    await importBackup(db, await backupOf(undefined));
    expect((await readRankingStatus(db)).resetAt).toBe(500);
  });
});
