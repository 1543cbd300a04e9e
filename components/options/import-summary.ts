import type { SkippedLine } from '../../lib/export/keyword-list';
import type { BackupImportReport, SkippedKeyword } from '../../lib/keywords/keyword-import';

/** What an import did, in sentences, and what it left out (one line each, with the reason). */
export interface ImportSummary {
  text: string;
  skipped: string[];
}

/** `20000, 'paper', 'papers'` → `"20,000 papers"` (English digit grouping, as the rest of the page). */
export function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** The result of importing a backup, as the page reports it. */
export function summariseBackupImport(report: BackupImportReport): ImportSummary {
  const parts: string[] = [];
  if (report.added.length > 0) parts.push(count(report.added.length, 'keyword', 'keywords'));
  if (report.settingsChanged) parts.push('your settings');
  const papers = report.papersUpdated + report.papersAdded;
  if (papers > 0) parts.push(`the read and saved state of ${count(papers, 'paper', 'papers')}`);
  const text =
    parts.length === 0
      ? 'The backup was read, but everything in it is already here: nothing changed.'
      : `Imported ${parts.join(', ').replace(/, ([^,]*)$/, ' and $1')}.`;
  const skipped = report.skipped.map((s: SkippedKeyword) => `“${s.label}”: ${s.reason}`);
  if (report.settingsError) skipped.push(`Settings: ${report.settingsError}`);
  return { text, skipped };
}

/** The result of importing a plain keyword list. */
export function summariseListImport(added: number, skipped: readonly SkippedLine[]): ImportSummary {
  return {
    text: added === 0 ? 'No keyword was added.' : `Added ${count(added, 'keyword', 'keywords')}.`,
    skipped: skipped.map((s) => `Line ${s.line}, “${s.text}”: ${s.reason}`),
  };
}
