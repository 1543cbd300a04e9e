import type { AppDB } from '../db/app-db';
import { papersWorthKeeping } from '../db/backup-papers';
import { isHidden } from '../db/label-rule';
import { papersForKeyword } from '../db/papers';
import { readRankingStatus } from '../db/ranking';
import type { PaperRecord } from '../db/schema';
import { createBackup } from '../export/backup';
import { papersToBibtex } from '../export/bibtex';
import { exportFileName, type ExportKind } from '../export/download-name';
import { papersToMarkdown } from '../export/markdown';
import type { Keyword } from './keyword';

/** A file ready to be downloaded. */
export interface ExportFile {
  name: string;
  text: string;
  /** MIME type of the content. */
  type: string;
}

const TYPES: Record<ExportKind, string> = {
  markdown: 'text/markdown;charset=utf-8',
  bibtex: 'application/x-bibtex;charset=utf-8',
  json: 'application/json;charset=utf-8',
};

const worthKeeping = (paper: PaperRecord) => paper.saved === 1 || paper.read === 1 || isHidden(paper);

/**
 * The export of every keyword (`only` undefined) or of one:
 * - Markdown: the Daily Papers README, one table per keyword, newest first;
 * - BibTeX: each paper once, in keyword order;
 *   (both leave out the papers the user is not interested in, as the popup's lists do)
 * - JSON backup: keywords, settings and the papers worth keeping (saved, read or hidden), with
 *   their state. A one-keyword backup holds that keyword and its saved, read or hidden papers,
 *   and no settings (`null`), so that importing it elsewhere never changes that device's settings.
 */
export async function buildExport(
  db: AppDB,
  kind: ExportKind,
  keywords: readonly Keyword[],
  settings: unknown,
  now: Date,
  only?: Keyword,
): Promise<ExportFile> {
  const scope = only ? [only] : keywords;
  const file = (text: string): ExportFile => ({
    name: exportFileName(kind, now, only?.label),
    text,
    type: TYPES[kind],
  });
  if (kind === 'json') {
    const papers = only ? (await papersForKeyword(db, only.id)).filter(worthKeeping) : await papersWorthKeeping(db);
    // A whole backup carries the last "Reset personalisation", so a restore forgets what it forgot.
    const resetAt = only ? 0 : (await readRankingStatus(db)).resetAt;
    return file(createBackup({ keywords: scope, settings: only ? null : settings, resetAt, papers, now }));
  }
  const sections = await Promise.all(
    scope.map(async (keyword) => ({
      keyword,
      papers: (await papersForKeyword(db, keyword.id)).filter((paper) => !isHidden(paper)),
    })),
  );
  if (kind === 'markdown') return file(papersToMarkdown(sections, now));
  const unique = new Map(sections.flatMap((section) => section.papers.map((paper) => [paper.id, paper] as const)));
  return file(papersToBibtex([...unique.values()]));
}
