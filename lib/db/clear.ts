import type { AppDB } from './app-db';
import { currentEpoch } from './epoch';

/**
 * Empties every table in one transaction and moves the data epoch on: a check that started
 * before finds the epoch changed at its next write and stops without writing anything.
 */
export async function clearDatabase(db: AppDB): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    const epoch = await currentEpoch(db);
    await Promise.all(db.tables.map((table) => table.clear()));
    await db.meta.put({ key: 'epoch', value: epoch + 1 });
  });
}
