import type { ArxivEntry } from '../arxiv/types';
import type { AppDB } from './app-db';
import { deleteOrphans } from './retention';
import type { PaperRecord } from './schema';

export interface StoreOutcome {
  /** Papers never seen before and recent enough to be announcements (news for the user). */
  newPaperIds: string[];
  /** Known papers that arrived with a higher version. */
  revisedPaperIds: string[];
  /** Papers this keyword matched for the first time (new or already known through another keyword). */
  newMatchIds: string[];
}

export interface StoreOptions {
  /**
   * A paper never seen before counts as news only when submitted at or after this time; older
   * ones lie beyond what was fetched before and are stored silently. Undefined: nothing is news
   * (a keyword's first fill).
   */
  newsSince?: number;
  /** Papers already found as news in this check (through another keyword): listed as news here too. */
  newsInCheck?: ReadonlySet<string>;
}

function toRecord(entry: ArxivEntry, now: number): PaperRecord {
  return { ...entry, firstSeenAt: now, read: 0, saved: 0 };
}

/**
 * Stores the entries one keyword matched, in one transaction (joining the caller's, if any):
 * papers never seen before are added unread, a higher version updates the record (flagged
 * revised, never new), and the match is recorded. Read and saved state are never touched here.
 * A paper that was pruned and comes back is stored again but never reported as new.
 */
export async function storeMatches(
  db: AppDB,
  keywordId: string,
  entries: readonly ArxivEntry[],
  now: number,
  options: StoreOptions = {},
): Promise<StoreOutcome> {
  const outcome: StoreOutcome = { newPaperIds: [], revisedPaperIds: [], newMatchIds: [] };
  const unique = [...new Map(entries.map((e) => [e.id, e])).values()]; // arXiv can repeat an entry across pages
  const foundAt = new Date(now).toISOString();
  await db.transaction('rw', db.papers, db.matches, db.seen, async () => {
    const ids = unique.map((e) => e.id);
    const [known, matched, seen] = await Promise.all([
      db.papers.bulkGet(ids),
      db.matches.bulkGet(ids.map((id) => [keywordId, id] as [string, string])),
      db.seen.bulkGet(ids),
    ]);
    for (const [index, entry] of unique.entries()) {
      const existing = known[index];
      let news = options.newsInCheck?.has(entry.id) ?? false;
      if (!existing) {
        await db.papers.add(toRecord(entry, now));
        if (!seen[index]) {
          await db.seen.add({ id: entry.id, firstSeenAt: now });
          if (options.newsSince !== undefined && Date.parse(entry.published) >= options.newsSince) {
            outcome.newPaperIds.push(entry.id);
            news = true;
          }
        }
      } else if (entry.version > existing.version) {
        await db.papers.update(entry.id, { ...entry, revisedAt: now });
        outcome.revisedPaperIds.push(entry.id);
      }
      if (!matched[index]) {
        const listedAt = news ? foundAt : entry.published;
        await db.matches.add({ keywordId, paperId: entry.id, firstSeenAt: now, published: entry.published, listedAt });
        outcome.newMatchIds.push(entry.id);
      }
    }
  });
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

/** Number of unread papers per keyword id. */
export async function unreadCountsByKeyword(db: AppDB): Promise<Map<string, number>> {
  const unread = await db.papers.where('read').equals(0).primaryKeys();
  const counts = new Map<string, number>();
  if (unread.length === 0) return counts;
  const matches = await db.matches.where('paperId').anyOf(unread).toArray();
  for (const match of matches) counts.set(match.keywordId, (counts.get(match.keywordId) ?? 0) + 1);
  return counts;
}

/** Number of unread papers, each counted once. */
export function countUnread(db: AppDB): Promise<number> {
  return db.papers.where('read').equals(0).count();
}

/** Saves a paper (kept whatever the retention) or unsaves it. */
export async function setSaved(db: AppDB, paperId: string, saved: boolean, now = Date.now()): Promise<void> {
  await db.papers.update(paperId, saved ? { saved: 1, savedAt: now } : { saved: 0, savedAt: undefined });
}

/** Marks a paper read (or unread again). */
export async function setRead(db: AppDB, paperId: string, read: boolean, now = Date.now()): Promise<void> {
  await db.papers.update(paperId, read ? { read: 1, readAt: now } : { read: 0, readAt: undefined });
}

/**
 * Forgets a keyword: its matches and status go; papers that no other keyword matches go too,
 * unless the user saved them.
 */
export async function removeKeywordData(db: AppDB, keywordId: string): Promise<void> {
  await db.transaction('rw', db.papers, db.matches, db.keywordStates, async () => {
    const matches = await db.matches
      .where('[keywordId+listedAt]')
      .between([keywordId, ''], [keywordId, '\uffff'])
      .toArray();
    await db.matches.bulkDelete(matches.map((m) => [m.keywordId, m.paperId] as [string, string]));
    await db.keywordStates.delete(keywordId);
    await deleteOrphans(
      db,
      matches.map((m) => m.paperId),
    );
  });
}
