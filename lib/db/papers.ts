import type { ArxivEntry } from '../arxiv/types';
import type { AppDB } from './app-db';
import {
  addMatches,
  addPapers,
  deleteMatches,
  readCounters,
  setReadFlags,
  UNREAD,
  updatePaperFlags,
  type NewMatch,
} from './read-state';
import { deleteOrphans } from './retention';
import type { PaperRecord } from './schema';
import { indexPapers, searchTables } from './search-index';

export interface StoreOutcome {
  /** Papers that were not stored before (for any keyword). */
  addedPaperIds: string[];
  /** Known papers that arrived with a higher version. */
  revisedPaperIds: string[];
  /** Papers this keyword matched for the first time (new or already stored through another keyword). */
  newMatchIds: string[];
}

export interface StoreOptions {
  /**
   * The papers that are news for this keyword (decided by the check engine): they are listed by
   * the time they were found, so that a paper held in moderation comes first and is not pruned
   * as "old". Others are listed by their submission date.
   */
  news?: ReadonlySet<string>;
  /** Papers the keyword's rules matched only loosely: listed, but not sure to be in its search. */
  unsure?: ReadonlySet<string>;
}

function toRecord(entry: ArxivEntry, now: number): PaperRecord {
  return { ...entry, firstSeenAt: now, read: 0, saved: 0 };
}

/**
 * Stores the entries one keyword's search returned, in one transaction (joining the caller's, if
 * any): papers not stored yet are added unread, a higher version updates the record (flagged
 * revised), the match is recorded, and the keyword remembers each paper as known (also after it
 * is pruned). Read and saved state are never touched here. Whether a paper is news is not
 * decided here: the caller says so.
 */
export async function storeMatches(
  db: AppDB,
  keywordId: string,
  entries: readonly ArxivEntry[],
  now: number,
  options: StoreOptions = {},
): Promise<StoreOutcome> {
  const outcome: StoreOutcome = { addedPaperIds: [], revisedPaperIds: [], newMatchIds: [] };
  const unique = [...new Map(entries.map((e) => [e.id, e])).values()]; // arXiv can repeat an entry across pages
  const foundAt = new Date(now).toISOString();
  await db.transaction(
    'rw',
    [db.papers, db.matches, db.known, db.readMemory, db.counters, ...searchTables(db)],
    async () => {
      const ids = unique.map((e) => e.id);
      const [stored, matched, wasRead] = await Promise.all([
        db.papers.bulkGet(ids),
        db.matches.bulkGet(ids.map((id) => [keywordId, id] as [string, string])),
        db.readMemory.bulkGet(ids),
      ]);
      const added: PaperRecord[] = [];
      const revised: ArxivEntry[] = [];
      const matches: NewMatch[] = [];
      for (const [index, entry] of unique.entries()) {
        const existing = stored[index];
        if (!existing) {
          const read = wasRead[index];
          added.push(read ? { ...toRecord(entry, now), read: 1, readAt: read.readAt } : toRecord(entry, now));
          outcome.addedPaperIds.push(entry.id);
        } else if (entry.version > existing.version) {
          await db.papers.update(entry.id, { ...entry, revisedAt: now });
          revised.push(entry);
          outcome.revisedPaperIds.push(entry.id);
        }
        if (!matched[index]) {
          const listedAt = options.news?.has(entry.id) ? foundAt : entry.published;
          matches.push({ keywordId, paperId: entry.id, firstSeenAt: now, published: entry.published, listedAt });
          outcome.newMatchIds.push(entry.id);
        }
      }
      await addPapers(db, added);
      await indexPapers(db, [...added, ...revised]);
      await db.readMemory.bulkDelete(added.filter((p) => p.read === 1).map((p) => p.id));
      await addMatches(db, matches); // after the papers: each match copies its paper's read flag
      // A paper the keyword's rules matched only loosely is remembered as looked at, never in place
      // of a surer record.
      const knownBefore = await db.known.bulkGet(ids.map((id) => [keywordId, id] as [string, string]));
      await db.known.bulkPut(
        unique
          .filter((e, i) => !(options.unsure?.has(e.id) && knownBefore[i]))
          .map((e) => ({
            keywordId,
            paperId: e.id,
            published: e.published,
            ...(options.unsure?.has(e.id) ? { sure: false as const } : {}),
          })),
      );
    },
  );
  return outcome;
}

/** A keyword's papers, newest first (news by the time it was found, others by submission). */
export async function papersForKeyword(db: AppDB, keywordId: string): Promise<PaperRecord[]> {
  const matches = await db.matches
    .where('[keywordId+listedAt]')
    .between([keywordId, ''], [keywordId, '\uffff'])
    .reverse()
    .toArray();
  const papers = await db.papers.bulkGet(matches.map((m) => m.paperId));
  return papers.filter((p): p is PaperRecord => p !== undefined);
}

/** Number of unread papers, each counted once (a counter: see read-state.ts). */
export async function countUnread(db: AppDB): Promise<number> {
  const [unread] = await readCounters(db, [UNREAD]);
  return unread!;
}

/** Up to `limit` saved papers' ids after `cursor`, in id order (the `[saved+id]` index). */
export function savedIdsAfter(db: AppDB, cursor: string, limit: number): Promise<string[]> {
  return db.papers.where('[saved+id]').between([1, cursor], [1, '\uffff'], false, true).limit(limit).primaryKeys();
}

/** Saves a paper (kept whatever the retention) or unsaves it. */
export async function setSaved(db: AppDB, paperId: string, saved: boolean, now = Date.now()): Promise<void> {
  const changes = saved ? { saved: 1 as const, savedAt: now } : { saved: 0 as const, savedAt: undefined };
  await updatePaperFlags(db, [{ id: paperId, changes }]);
}

/** Marks a paper read (or unread again). */
export async function setRead(db: AppDB, paperId: string, read: boolean, now = Date.now()): Promise<void> {
  await setReadFlags(db, [paperId], read, now);
}

/**
 * Forgets a keyword: its matches, what it knew and its status go, and it is no longer waited for
 * in pending look-ups; papers that no other keyword matches go too, unless the user saved them.
 */
export async function removeKeywordData(db: AppDB, keywordId: string): Promise<void> {
  await db.transaction(
    'rw',
    [db.papers, db.matches, db.keywordStates, db.known, db.lookups, db.readMemory, db.counters, ...searchTables(db)],
    async () => {
      const matches = await db.matches
        .where('[keywordId+listedAt]')
        .between([keywordId, ''], [keywordId, '\uffff'])
        .toArray();
      await deleteMatches(
        db,
        matches.map((m) => [m.keywordId, m.paperId] as [string, string]),
      );
      await db.keywordStates.delete(keywordId);
      await db.known.where('[keywordId+paperId]').between([keywordId, ''], [keywordId, '\uffff']).delete();
      await db.lookups.toCollection().modify((lookup) => {
        delete lookup.pending[keywordId];
        delete lookup.matched[keywordId];
      });
      await deleteOrphans(
        db,
        matches.map((m) => m.paperId),
      );
    },
  );
}
