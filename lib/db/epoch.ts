import type { AppDB } from './app-db';

/**
 * The data epoch: "Clear all data" moves it on (see clear.ts), which tells a check or a training
 * that started before that its data is gone, so it writes nothing more.
 */
export async function currentEpoch(db: AppDB): Promise<number> {
  return ((await db.meta.get('epoch'))?.value as number | undefined) ?? 0;
}
