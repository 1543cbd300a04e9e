import type { AppDB } from './app-db';

/**
 * Empties every table in one transaction and moves the data epoch on: a check that started
 * before finds the epoch changed at its next write and stops without writing anything.
 */
export async function clearDatabase(db: AppDB): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    const epoch = ((await db.meta.get('epoch'))?.value as number | undefined) ?? 0;
    await Promise.all(db.tables.map((table) => table.clear()));
    await db.meta.put({ key: 'epoch', value: epoch + 1 });
  });
}
