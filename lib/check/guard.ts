import type { Table } from 'dexie';
import type { AppDB } from '../db/app-db';
import { currentEpoch } from '../db/epoch';

/**
 * Raised inside a check's write when the data it belongs to is gone ("Clear all data" ran since
 * the check started): the check stops, and nothing of it is written.
 */
export class CheckCancelled extends Error {
  override name = 'CheckCancelled';
  constructor() {
    super('The check was stopped because the data was cleared.');
  }
}

/**
 * A write of a check, in one transaction that first checks that the data epoch is still the one
 * the check started in. A clear that lands before it cancels it; one that lands after finds it
 * written and clears it too (IndexedDB runs the two transactions one after the other).
 */
export function checkWrite<T>(db: AppDB, epoch: number, tables: Table[], write: () => Promise<T>): Promise<T> {
  return db.transaction('rw', [db.meta, ...tables], async () => {
    if ((await currentEpoch(db)) !== epoch) throw new CheckCancelled();
    return write();
  });
}
