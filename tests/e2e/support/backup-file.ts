import type { PaperRecord } from '../../../lib/db/schema';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../../../lib/export/backup';
import type { Keyword } from '../../../lib/keywords/keyword';

/** What a synthesized backup holds; every paper is read, every `savedEvery`-th one also saved. */
export interface BackupFileOptions {
  papers: number;
  /** Keywords of the backup (none by default: only the papers' state is restored). */
  keywords?: Keyword[];
  /** Every n-th paper is saved (1 = all of them); the others are read only. */
  savedEvery?: number;
  /** Settings written into the file (`null`: a one-keyword backup, which leaves settings alone). */
  settings?: unknown;
}

const DAY_MS = 86_400_000;
const START = Date.parse('2026-11-17T12:00:00Z');

/**
 * The `index`-th paper of a synthesized library, shaped like a real arXiv entry after storage:
 * a new-style id (unique up to 99,999 papers per month, spread over twelve months), a title with
 * TeX, an abstract of about a thousand characters, a few authors, categories and dates.
 */
export function syntheticPaper(index: number, savedEvery = 10): PaperRecord {
  const month = 12 - (index % 12);
  const id = `25${String(month).padStart(2, '0')}.${String(Math.floor(index / 12)).padStart(5, '0')}`;
  const published = new Date(START - (index % 365) * DAY_MS - index * 1_000).toISOString();
  const saved = index % savedEvery === 0;
  return {
    id,
    version: 1 + (index % 3 === 0 ? 1 : 0),
    title: `Scaling study ${index}: $\\mathcal{O}(n \\log n)$ attention for long documents & <tables>`,
    summary: `We study problem ${index}. `.repeat(40).trim(),
    authors: Array.from({ length: 1 + (index % 6) }, (_, a) => ({
      name: `Author ${a} Surname${index % 97}`,
      affiliations: a === 0 ? ['Example University'] : [],
    })),
    published,
    updated: published,
    categories: ['cs.LG', 'cs.CL'],
    primaryCategory: 'cs.LG',
    ...(index % 4 === 0 ? { comment: '12 pages, 3 figures' } : {}),
    firstSeenAt: START,
    read: 1,
    readAt: START + index,
    saved: saved ? 1 : 0,
    ...(saved ? { savedAt: START + index } : {}),
  };
}

/** The backup object of a synthesized library (see {@link syntheticPaper}). */
export function syntheticBackup(options: BackupFileOptions): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(START).toISOString(),
    keywords: options.keywords ?? [],
    settings: options.settings ?? null,
    papers: Array.from({ length: options.papers }, (_, i) => syntheticPaper(i, options.savedEvery)),
  };
}

/**
 * The text of a backup file holding `options.papers` synthesized papers, written as the
 * extension writes its backups. Import it through the options page to seed a large library
 * the way a user would.
 */
export function syntheticBackupFile(options: BackupFileOptions): string {
  return `${JSON.stringify(syntheticBackup(options), null, 2)}\n`;
}

/** How many of a synthesized backup's papers are saved. */
export function savedCount(papers: number, savedEvery = 10): number {
  return Math.ceil(papers / savedEvery);
}
