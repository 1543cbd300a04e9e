import type { AppDB } from '../db/app-db';
import type { CycleRecord } from '../db/schema';
import { checkWrite } from './guard';

/** How many finished checks the log keeps. */
const CHECK_LOG_SIZE = 200;
/** A check that failed unexpectedly this often (a bug, not arXiv) is dropped instead of retried forever. */
const MAX_ATTEMPTS = 3;

/** Counts an unexpected failure of a check; drops the check after MAX_ATTEMPTS. True: go on. */
export async function giveUpAfterRepeatedFailure(db: AppDB, cycle: CycleRecord): Promise<boolean> {
  const attempts = ((await db.meta.get('attempts'))?.value as { id: string; n: number } | undefined) ?? {
    id: cycle.id,
    n: 0,
  };
  const n = attempts.id === cycle.id ? attempts.n + 1 : 1;
  if (n < MAX_ATTEMPTS) {
    await db.meta.put({ key: 'attempts', value: { id: cycle.id, n } });
    return false;
  }
  await db.transaction('rw', db.cycles, db.meta, async () => {
    await db.cycles.delete('current');
    await db.meta.delete('attempts');
  });
  return true;
}

/**
 * Moves a finished cycle into the log with what it announced (one transaction, so it is logged
 * exactly once); the log keeps the last CHECK_LOG_SIZE checks.
 */
export async function finishCycle(db: AppDB, cycle: CycleRecord, news: Record<string, string[]>): Promise<void> {
  await checkWrite(db, cycle.epoch, [db.cycles, db.checkLog], async () => {
    await db.checkLog.add({
      startedAt: cycle.startedAt,
      finishedAt: cycle.finishedAt ?? Date.now(),
      scope: cycle.scope,
      outcomes: cycle.outcomes,
      news,
      requests: cycle.requests,
      bytes: cycle.bytes,
    });
    await db.cycles.delete('current');
    const count = await db.checkLog.count();
    if (count > CHECK_LOG_SIZE) {
      const old = await db.checkLog
        .orderBy('startedAt')
        .limit(count - CHECK_LOG_SIZE)
        .primaryKeys();
      await db.checkLog.bulkDelete(old);
    }
  });
}
