/**
 * Every write of a paper's read flag, and every new match, goes through here, because each match
 * carries a copy of its paper's read flag: the index `[keywordId+read+listedAt]` then gives a
 * keyword's unread count as an index count and its list as two short index reads, instead of a
 * pass over every match and every unread id after each click. The one rule kept here: a match's
 * `read` equals its paper's `read`, in the same transaction as the change.
 */
import type { AppDB } from './app-db';
import type { Flag, MatchRecord, PaperRecord } from './schema';

/** A match as its writers know it; the read copy is filled in here. */
export type NewMatch = Omit<MatchRecord, 'read'>;

/** The changes of one paper's flags (read and saved, with their times). */
export type FlagChanges = Partial<Pick<PaperRecord, 'read' | 'readAt' | 'saved' | 'savedAt'>>;

/** Copies the read flag of these papers onto all their matches. */
async function copyReadToMatches(db: AppDB, read: Flag, paperIds: readonly string[]): Promise<void> {
  if (paperIds.length === 0) return;
  await db.matches
    .where('paperId')
    .anyOf([...paperIds])
    .modify({ read });
}

/**
 * Adds matches, each with its paper's current read flag (a paper not stored, which the callers
 * never do, counts as unread).
 */
export async function addMatches(db: AppDB, matches: readonly NewMatch[]): Promise<void> {
  if (matches.length === 0) return;
  await db.transaction('rw', db.papers, db.matches, async () => {
    const papers = await db.papers.bulkGet(matches.map((m) => m.paperId));
    await db.matches.bulkAdd(matches.map((m, i) => ({ ...m, read: papers[i]?.read ?? 0 })));
  });
}

/** Sets the read flag of many papers (and of their matches) in one transaction. */
export async function setReadFlags(db: AppDB, ids: readonly string[], read: boolean, now = Date.now()): Promise<void> {
  const changes: FlagChanges = read ? { read: 1, readAt: now } : { read: 0, readAt: undefined };
  await updatePaperFlags(
    db,
    ids.map((id) => ({ id, changes })),
  );
}

/**
 * Applies flag changes to stored papers (missing ones are skipped) and carries read changes over
 * to their matches, in one transaction.
 */
export async function updatePaperFlags(
  db: AppDB,
  updates: ReadonlyArray<{ id: string; changes: FlagChanges }>,
): Promise<void> {
  if (updates.length === 0) return;
  await db.transaction('rw', db.papers, db.matches, async () => {
    await db.papers.bulkUpdate(updates.map(({ id, changes }) => ({ key: id, changes })));
    for (const read of [0, 1] as const) {
      await copyReadToMatches(
        db,
        read,
        updates.filter((u) => u.changes.read === read).map((u) => u.id),
      );
    }
  });
}

/** Stores whole paper records (a backup's), their matches following their read flags. */
export async function putPapers(db: AppDB, papers: readonly PaperRecord[]): Promise<void> {
  if (papers.length === 0) return;
  await db.transaction('rw', db.papers, db.matches, async () => {
    await db.papers.bulkPut([...papers]);
    for (const read of [0, 1] as const) {
      await copyReadToMatches(
        db,
        read,
        papers.filter((p) => p.read === read).map((p) => p.id),
      );
    }
  });
}
