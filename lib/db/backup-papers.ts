import type { AppDB } from './app-db';
import { isHidden, settleRecord } from './label-rule';
import { addPapers, putPapers } from './read-state';
import type { PaperRecord } from './schema';
import { indexPapers, searchTables } from './search-index';

/** What restoring a backup's papers changed. */
export interface RestoreOutcome {
  /** Stored papers whose read, saved or hidden state was restored. */
  updated: number;
  /** Saved, read or hidden papers that were not stored here and were added. */
  added: number;
}

export interface RestoreOptions {
  /**
   * Called after each chunk with the number of the backup's papers handled so far and their
   * total; `done` only grows and ends at `total` (also when there is nothing to restore).
   */
  onProgress?: (done: number, total: number) => void;
  /** Papers read and written per round trip (tests make it small). */
  chunkSize?: number;
}

/**
 * Large enough that a 20,000-paper backup is written in 20 round trips instead of 20,000 awaited
 * writes, small enough that the progress bar moves every fraction of a second.
 */
export const RESTORE_CHUNK_SIZE = 1_000;

/** Whether a backup's paper carries anything of the user's: read, saved or hidden. */
const carriesState = (p: PaperRecord) => p.read === 1 || p.saved === 1 || isHidden(p);

/**
 * The papers to add (not stored yet) and the stored ones that change when `incoming`'s read,
 * saved and hidden state is restored onto them, as whole records. State is only ever added: a
 * paper read, saved or hidden on either side stays so, with one exception, since a paper cannot
 * be both (label-rule.ts): saved on one side and hidden on the other, it ends saved and not
 * hidden. The save is what the user keeps and looks for in "Saved"; losing the "Not interested"
 * instead costs only a paper listed again, read, never a paper gone from "Saved".
 */
function mergeChunk(incoming: readonly PaperRecord[], stored: ReadonlyMap<string, PaperRecord>) {
  const added: PaperRecord[] = [];
  const updated: PaperRecord[] = [];
  for (const paper of incoming.map(settleRecord)) {
    const existing = stored.get(paper.id);
    if (!existing) {
      // A score is the worker's, worked out from this library's labels: never taken from a file.
      const record = { ...paper };
      delete record.score;
      delete record.scoreWhy;
      added.push(record);
      continue;
    }
    const read = paper.read === 1 && existing.read === 0;
    const saved = paper.saved === 1 && existing.saved === 0;
    const hidden = isHidden(paper) && !isHidden(existing) && existing.saved === 0;
    if (!read && !saved && !hidden) continue;
    updated.push(
      // Settled: a stored hidden paper saved by the backup leaves "Hidden".
      settleRecord({
        ...existing,
        ...(read ? { read: 1, readAt: paper.readAt } : {}),
        ...(saved ? { saved: 1, savedAt: paper.savedAt } : {}),
        ...(hidden ? { hiddenAt: paper.hiddenAt } : {}),
      }),
    );
  }
  return { added, updated };
}

/**
 * Puts a backup's read, saved and hidden state back: the one place where an import writes papers.
 * Papers neither read, saved nor hidden are skipped; papers not stored here are added with their state
 * (on a new device the keywords' first check then finds them and keeps them read or saved instead
 * of starting over). Whether a paper is news does not depend on what an import stored (see
 * lib/check/news.ts).
 *
 * Everything happens in one transaction, so a failure half-way (a full disk) leaves the database
 * as it was; inside it the papers go in chunks, one bulk read and one bulk write each, with
 * progress reported after each chunk.
 */
export async function restorePaperState(
  db: AppDB,
  papers: readonly PaperRecord[],
  options: RestoreOptions = {},
): Promise<RestoreOutcome> {
  const size = options.chunkSize ?? RESTORE_CHUNK_SIZE;
  // A backup can list a paper twice (edited by hand): the last entry wins, as one write each would.
  const worthKeeping = [...new Map(papers.filter(carriesState).map((p) => [p.id, p] as const)).values()];
  const outcome: RestoreOutcome = { updated: 0, added: 0 };
  await db.transaction('rw', [db.papers, db.matches, db.counters, ...searchTables(db)], async () => {
    // Keys only (no records): on a new device nothing is stored and no paper needs to be read.
    const storedIds = new Set(await db.papers.toCollection().primaryKeys());
    let done = 0;
    for (let start = 0; start < worthKeeping.length; start += size) {
      const chunk = worthKeeping.slice(start, start + size);
      const known = chunk.filter((p) => storedIds.has(p.id)).map((p) => p.id);
      const stored = known.length > 0 ? await db.papers.bulkGet(known) : [];
      const { added, updated } = mergeChunk(chunk, new Map(stored.flatMap((p) => (p ? [[p.id, p] as const] : []))));
      outcome.added += added.length;
      outcome.updated += updated.length;
      // Through read-state.ts: the counters and the matches' copies of the read flag follow.
      await addPapers(db, added);
      await putPapers(db, updated);
      // Indexed chunk by chunk so that the bar reaches its end when the import has: a backup lists
      // papers in id order, and the index keeps a word's papers in blocks by id, so a chunk mostly
      // writes blocks of its own.
      await indexPapers(db, added);
      done += chunk.length;
      options.onProgress?.(done, worthKeeping.length);
    }
  });
  if (worthKeeping.length === 0) options.onProgress?.(0, 0);
  return outcome;
}

/** Papers a backup asks for per round trip when it is written. */
const READ_CHUNK_SIZE = 1_000;

/**
 * The papers a full backup keeps: every saved, read or hidden one (a restore brings the ranking's
 * labels back), in id order. Their keys come from the `read`, `saved` and `hiddenAt` indexes
 * (keys only, cheap); the records are then read in id ranges of
 * a thousand wanted papers, one request each, keeping the wanted ones. Reading them one key at
 * a time (bulkGet) costs a request per paper, which made a 20,000-paper export take seconds.
 */
export async function papersWorthKeeping(db: AppDB): Promise<PaperRecord[]> {
  return db.transaction('r', db.papers, async () => {
    const [read, saved, hidden] = await Promise.all([
      db.papers.where('read').equals(1).primaryKeys(),
      db.papers.where('saved').equals(1).primaryKeys(),
      db.papers.orderBy('hiddenAt').primaryKeys(),
    ]);
    const wanted = new Set([...read, ...saved, ...hidden]);
    const ids = [...wanted].sort();
    const chunks: Promise<PaperRecord[]>[] = [];
    for (let start = 0; start < ids.length; start += READ_CHUNK_SIZE) {
      const last = ids[Math.min(start + READ_CHUNK_SIZE, ids.length) - 1]!;
      chunks.push(db.papers.where(':id').between(ids[start]!, last, true, true).toArray());
    }
    return (await Promise.all(chunks)).flat().filter((paper) => wanted.has(paper.id));
  });
}
