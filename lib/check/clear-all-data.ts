import type { AppDB } from '../db/app-db';
import { clearDatabase } from '../db/clear';
import { keywordsItem } from '../keywords/keyword-store';
import { settingsItem } from '../settings/settings';
import { checkStatusItem } from './check-status';

/**
 * Deletes everything the user owns: keywords, settings, and every table of the database (papers
 * with their read and saved state, matches, keyword status, the check log), and the status of
 * the last check. A check running in the worker is stopped by the database's epoch (see
 * guard.ts): nothing it fetched afterwards is written. What is kept: the time of the last arXiv
 * request and arXiv's Retry-After, which keep the next request polite even after a reset; and
 * the schedule (its alarms, and the popup's next-check line, stored apart from the check status
 * so that this reset never hides it).
 */
export async function clearAllData(db: AppDB): Promise<void> {
  await keywordsItem.setValue([]);
  await settingsItem.removeValue();
  await clearDatabase(db);
  await checkStatusItem.removeValue();
}
