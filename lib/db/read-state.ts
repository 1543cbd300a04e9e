/**
 * Every write of a paper's read, saved or hidden state, every new or deleted paper and every new
 * or deleted match goes through here, which keeps three things in the same transaction as the change:
 *
 * - each match's `read` equals its paper's list flag (`listFlag`: 0 unread, 1 read, 2 hidden): the
 *   index `[keywordId+read+listedAt]` then gives a keyword's list as two short index reads, and a
 *   hidden paper is in neither;
 * - the counters (`counters` table): unread papers, saved papers, hidden papers and each
 *   keyword's unread papers. Chromium counts an index range entry by entry (10,000 unread ids
 *   take 100–300 ms), so the popup reads these few numbers instead of counting after every click;
 * - the rule of labels (label-rule.ts): a hidden paper is read and not saved.
 */
import type { AppDB } from './app-db';
import { isHidden, listFlag, settleFlags, settleRecord } from './label-rule';
import type { Flag, ListFlag, MatchRecord, PaperRecord } from './schema';

/** A match as its writers know it; the read copy is filled in here. */
export type NewMatch = Omit<MatchRecord, 'read'>;

/** The changes of one paper's flags (read, saved and hidden, with their times). */
export type FlagChanges = Partial<Pick<PaperRecord, 'read' | 'readAt' | 'saved' | 'savedAt' | 'hiddenAt'>>;

/** Counter keys: all unread papers, all saved papers, all hidden papers, one keyword's unread papers. */
export const UNREAD = 'unread';
export const SAVED = 'saved';
export const HIDDEN = 'hidden';
export const keywordUnread = (keywordId: string) => `unread:${keywordId}`;

/** Changes to counters, summed before they are written. */
class Deltas extends Map<string, number> {
  add(key: string, by: number): void {
    if (by !== 0) this.set(key, (this.get(key) ?? 0) + by);
  }
}

const scope = (db: AppDB) => [db.papers, db.matches, db.counters];

async function writeCounters(db: AppDB, deltas: Deltas): Promise<void> {
  const keys = [...deltas.keys()].filter((key) => deltas.get(key) !== 0);
  if (keys.length === 0) return;
  const rows = await db.counters.bulkGet(keys);
  const next = keys.map((key, i) => ({ key, value: (rows[i]?.value ?? 0) + deltas.get(key)! }));
  // A counter back at zero is dropped, so that removed keywords leave nothing behind.
  await db.counters.bulkPut(next.filter((row) => row.value !== 0));
  await db.counters.bulkDelete(next.filter((row) => row.value === 0).map((row) => row.key));
}

const isUnread = (p: PaperRecord | undefined) => (p?.read === 0 ? 1 : 0);
const isSaved = (p: PaperRecord | undefined) => (p?.saved === 1 ? 1 : 0);
const hiddenCount = (p: PaperRecord | undefined) => (p && isHidden(p) ? 1 : 0);
/** A match in its keyword's unread range counts 1 towards the keyword's unread papers. */
const unreadIn = (flag: ListFlag) => (flag === 0 ? 1 : 0);

/**
 * Counts a change of papers from `before` to `after` (undefined: absent) and carries list flag
 * changes over to their matches. The papers themselves are written by the caller.
 */
async function papersChanged(
  db: AppDB,
  before: ReadonlyArray<PaperRecord | undefined>,
  after: ReadonlyArray<PaperRecord | undefined>,
): Promise<void> {
  const deltas = new Deltas();
  const flagNow = new Map<string, ListFlag>();
  for (const [i, old] of before.entries()) {
    const now = after[i];
    deltas.add(UNREAD, isUnread(now) - isUnread(old));
    deltas.add(SAVED, isSaved(now) - isSaved(old));
    deltas.add(HIDDEN, hiddenCount(now) - hiddenCount(old));
    // A paper new here has no matches yet: only a stored paper's matches can need a new copy.
    if (now && old && listFlag(now) !== listFlag(old)) flagNow.set(now.id, listFlag(now));
  }
  if (flagNow.size > 0) {
    const rows = await db.matches
      .where('paperId')
      .anyOf([...flagNow.keys()])
      .toArray();
    const changed = rows.filter((row) => row.read !== flagNow.get(row.paperId));
    for (const row of changed) {
      deltas.add(keywordUnread(row.keywordId), unreadIn(flagNow.get(row.paperId)!) - unreadIn(row.read));
    }
    await db.matches.bulkPut(changed.map((row) => ({ ...row, read: flagNow.get(row.paperId)! })));
  }
  await writeCounters(db, deltas);
}

/** Adds papers not stored yet (a paper already stored is an error, as with bulkAdd). */
export async function addPapers(db: AppDB, papers: readonly PaperRecord[]): Promise<void> {
  if (papers.length === 0) return;
  await db.transaction('rw', scope(db), async () => {
    const settled = papers.map(settleRecord);
    await db.papers.bulkAdd(settled);
    await papersChanged(
      db,
      papers.map(() => undefined),
      settled,
    );
  });
}

/** Stores whole paper records (a backup's), new or replacing stored ones. */
export async function putPapers(db: AppDB, papers: readonly PaperRecord[]): Promise<void> {
  if (papers.length === 0) return;
  await db.transaction('rw', scope(db), async () => {
    const unique = [...new Map(papers.map((p) => [p.id, settleRecord(p)])).values()];
    const before = await db.papers.bulkGet(unique.map((p) => p.id));
    await db.papers.bulkPut(unique);
    await papersChanged(db, before, unique);
  });
}

/**
 * Changes the flags of stored papers (missing ones are skipped) as `changesOf` says from each
 * paper as stored (undefined: leave it), settled by the rule of labels, in one transaction with
 * their matches and the counters.
 */
export async function changePaperFlags(
  db: AppDB,
  ids: readonly string[],
  changesOf: (paper: PaperRecord) => FlagChanges | undefined,
): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction('rw', scope(db), async () => {
    const before: PaperRecord[] = [];
    const after: PaperRecord[] = [];
    const writes: { key: string; changes: FlagChanges }[] = [];
    for (const paper of await db.papers.bulkGet([...new Set(ids)])) {
      const wanted = paper && changesOf(paper);
      if (!paper || !wanted) continue;
      const changes = settleFlags(paper, wanted);
      before.push(paper);
      after.push({ ...paper, ...changes });
      // A field set to undefined is removed from the record (and from the sparse `hiddenAt` index).
      writes.push({ key: paper.id, changes });
    }
    await db.papers.bulkUpdate(writes);
    await papersChanged(db, before, after);
  });
}

/** Applies flag changes to stored papers (missing ones are skipped; the last change given for a paper wins). */
export async function updatePaperFlags(
  db: AppDB,
  updates: ReadonlyArray<{ id: string; changes: FlagChanges }>,
): Promise<void> {
  const byId = new Map(updates.map((u) => [u.id, u.changes]));
  await changePaperFlags(db, [...byId.keys()], (paper) => byId.get(paper.id));
}

/** Sets the read flag of many papers (and of their matches) in one transaction. */
export async function setReadFlags(db: AppDB, ids: readonly string[], read: boolean, now = Date.now()): Promise<void> {
  const changes: FlagChanges = read ? { read: 1, readAt: now } : { read: 0, readAt: undefined };
  await updatePaperFlags(
    db,
    ids.map((id) => ({ id, changes })),
  );
}

/** Deletes papers (their matches must be gone already). */
export async function deletePapers(db: AppDB, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction('rw', scope(db), async () => {
    const before = await db.papers.bulkGet([...new Set(ids)]);
    await db.papers.bulkDelete([...new Set(ids)]);
    await papersChanged(
      db,
      before,
      before.map(() => undefined),
    );
  });
}

/** Adds matches, each with its paper's current list flag (a paper not stored counts as unread). */
export async function addMatches(db: AppDB, matches: readonly NewMatch[]): Promise<void> {
  if (matches.length === 0) return;
  await db.transaction('rw', scope(db), async () => {
    const papers = await db.papers.bulkGet(matches.map((m) => m.paperId));
    const rows = matches.map((m, i) => {
      const paper = papers[i];
      return { ...m, read: paper ? listFlag(paper) : (0 as Flag) };
    });
    await db.matches.bulkAdd(rows);
    const deltas = new Deltas();
    for (const row of rows) deltas.add(keywordUnread(row.keywordId), unreadIn(row.read));
    await writeCounters(db, deltas);
  });
}

/** Deletes matches (missing ones are skipped). */
export async function deleteMatches(db: AppDB, keys: ReadonlyArray<[string, string]>): Promise<void> {
  if (keys.length === 0) return;
  const unique = [...new Map(keys.map((key) => [key.join('\n'), key])).values()];
  await db.transaction('rw', scope(db), async () => {
    const rows = await db.matches.bulkGet(unique);
    await db.matches.bulkDelete(unique);
    const deltas = new Deltas();
    for (const row of rows) if (row) deltas.add(keywordUnread(row.keywordId), -unreadIn(row.read));
    await writeCounters(db, deltas);
  });
}

/**
 * The counters' values (0 for one not stored). The table holds a few numbers per keyword, read in
 * one request: quicker than a request per key when the popup wants them all.
 */
export async function readCounters(db: AppDB, keys: readonly string[]): Promise<number[]> {
  const rows = keys.length > 3 ? await db.counters.toArray() : await db.counters.bulkGet([...keys]);
  const values = new Map(rows.flatMap((row) => (row ? [[row.key, row.value] as const] : [])));
  return keys.map((key) => values.get(key) ?? 0);
}
