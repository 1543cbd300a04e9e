import { buildKeywordQuery } from '../arxiv/keyword-query';
import type { AppDB } from '../db/app-db';
import { restorePaperState, type RestoreOptions } from '../db/backup-papers';
import type { Backup } from '../export/backup';
import { parseKeywordList, type SkippedLine } from '../export/keyword-list';
import { getSettings, settingsItem } from '../settings/settings';
import { describeStorageError, writeSyncItem } from '../settings/sync-storage';
import { mergeSettings } from '../settings/update-settings';
import type { Keyword } from './keyword';
import { addKeywords, keywordsItem, saveKeywords } from './keyword-store';
import { adoptReset } from '../db/ranking';

/** A keyword of an imported file that was not added, and why. */
export interface SkippedKeyword {
  label: string;
  reason: string;
}

/** What importing a backup changed. */
export interface BackupImportReport {
  added: Keyword[];
  skipped: SkippedKeyword[];
  settingsChanged: boolean;
  /** Set when the keywords were imported but the settings could not be stored. */
  settingsError?: string;
  /** Stored papers whose read or saved state the backup restored. */
  papersUpdated: number;
  /** Saved or read papers of the backup that were not stored here and were added. */
  papersAdded: number;
}

/**
 * Which of a backup's keywords join the list: those whose id and label (ignoring case) are both
 * new, and whose search arXiv would accept. The list keeps its order; new ones follow in file order.
 */
export function mergeKeywords(current: readonly Keyword[], incoming: readonly Keyword[]) {
  const added: Keyword[] = [];
  const skipped: SkippedKeyword[] = [];
  for (const keyword of incoming) {
    const kept = [...current, ...added];
    const sameId = kept.find((k) => k.id === keyword.id);
    const sameLabel = kept.find((k) => k.label.toLocaleLowerCase() === keyword.label.toLocaleLowerCase());
    const query = buildKeywordQuery(keyword);
    if (sameId || sameLabel) {
      const twin = (sameLabel ?? sameId)!;
      skipped.push({ label: keyword.label, reason: `“${twin.label}” is already in your list.` });
    } else if (!query.ok) {
      skipped.push({ label: keyword.label, reason: `arXiv would reject its search: ${query.message}` });
    } else {
      added.push(keyword);
    }
  }
  return { added, skipped };
}

/**
 * Imports a parsed (so fully checked) backup: new keywords first (one write, so a full sync
 * storage changes nothing), then the settings it names, then the papers' read and saved state,
 * reporting the papers' progress through `onProgress` (see restorePaperState).
 */
export async function importBackup(
  db: AppDB,
  backup: Backup,
  onProgress?: RestoreOptions['onProgress'],
): Promise<BackupImportReport> {
  const current = await keywordsItem.getValue();
  const { added, skipped } = mergeKeywords(current, backup.keywords);
  if (added.length > 0) await saveKeywords([...current, ...added]);
  const settings = await getSettings();
  const merged = mergeSettings(settings, backup.settings);
  const settingsChanged = JSON.stringify(merged) !== JSON.stringify(settings);
  let settingsError: string | undefined;
  if (settingsChanged) {
    try {
      await writeSyncItem(settingsItem, merged, 'your settings');
    } catch (error) {
      settingsError = describeStorageError(error, 'your settings');
    }
  }
  const papers = await restorePaperState(db, backup.papers, { onProgress });
  // A reset made after this device's own: labels given before it stop teaching the ranking here too.
  if (backup.personalisation) await adoptReset(db, backup.personalisation.resetAt);
  return {
    added,
    skipped,
    settingsChanged: settingsChanged && settingsError === undefined,
    settingsError,
    papersUpdated: papers.updated,
    papersAdded: papers.added,
  };
}

/** Adds the keywords of a plain list (one per line); lines that cannot become keywords are skipped with a reason. */
export async function importKeywordList(text: string): Promise<{ added: Keyword[]; skipped: SkippedLine[] }> {
  const parsed = parseKeywordList(text, await keywordsItem.getValue());
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const added: Keyword[] = [];
  const skipped = [...parsed.skipped];
  for (const keyword of parsed.keywords) {
    const query = buildKeywordQuery(keyword);
    if (query.ok) {
      added.push(keyword);
      continue;
    }
    const line = lines.findIndex((raw) => raw.replace(/\s+/g, ' ').trim() === keyword.label) + 1;
    skipped.push({ line, text: keyword.label, reason: `arXiv would reject its search: ${query.message}` });
  }
  await addKeywords(added);
  return { added, skipped: skipped.sort((a, b) => a.line - b.line) };
}
