import type { AppDB } from '../db/app-db';
import { clearDatabase } from '../db/clear';
import { keywordsItem } from '../keywords/keyword-store';
import { settingsItem } from '../settings/settings';
import { checkStatusItem } from './check-status';
import { syncNextCheck } from './schedule';

/**
 * Deletes everything the user owns: keywords, settings, and every table of the database (papers
 * with their read and saved state, matches, keyword status, the check log). A check running in
 * the worker is stopped by the database's epoch (see guard.ts): nothing it fetched afterwards is
 * written. What is kept: the time of the last arXiv request and arXiv's Retry-After, which keep
 * the next request polite even after a reset.
 */
export async function clearAllData(db: AppDB): Promise<void> {
  await keywordsItem.setValue([]);
  await settingsItem.removeValue();
  await clearDatabase(db);
  await checkStatusItem.removeValue();
  // The schedule goes on: the popup keeps showing when the next check comes.
  await syncNextCheck();
}
