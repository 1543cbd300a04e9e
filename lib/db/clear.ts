import { checkStatusItem } from '../check/check-status';
import { keywordsItem } from '../keywords/keyword-store';
import { settingsItem } from '../settings/settings';
import type { AppDB } from './app-db';

/**
 * Deletes everything the user owns: keywords, settings, and every table of the database (papers
 * with their read and saved state, matches, keyword status, the check log). The keyword list is
 * emptied first, so that the worker stops checking before the tables go. What is kept: the time
 * of the last arXiv request, which keeps the next request polite (3 s apart) even after a reset.
 */
export async function clearAllData(db: AppDB): Promise<void> {
  await keywordsItem.setValue([]);
  await settingsItem.removeValue();
  await checkStatusItem.removeValue();
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
}
