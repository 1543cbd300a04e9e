import type { ArxivEntry } from '../arxiv/types';
import type { AppDB } from './app-db';
import type { PaperRecord } from './schema';

export interface StoreOutcome {
  /** Papers the extension had never stored before. */
  newPaperIds: string[];
  /** Known papers that arrived with a higher version. */
  revisedPaperIds: string[];
  /** Papers this keyword matched for the first time (new or already known through another keyword). */
  newMatchIds: string[];
}

function toRecord(entry: ArxivEntry, now: number): PaperRecord {
  return { ...entry, firstSeenAt: now, read: 0, saved: 0 };
}

/**
 * Stores the entries one keyword matched, in one transaction: new papers are added unread,
 * a higher version updates the record (flagged revised, never new), and the match is recorded.
 * Read and saved state are never touched here.
 */
export async function storeMatches(
  db: AppDB,
  keywordId: string,
  entries: readonly ArxivEntry[],
  now: number,
): Promise<StoreOutcome> {
  const outcome: StoreOutcome = { newPaperIds: [], revisedPaperIds: [], newMatchIds: [] };
  await db.transaction('rw', db.papers, db.matches, async () => {
    const ids = entries.map((e) => e.id);
    const known = await db.papers.bulkGet(ids);
    const matched = await db.matches.bulkGet(ids.map((id) => [keywordId, id] as [string, string]));
    const seen = new Set<string>();
    for (const [index, entry] of entries.entries()) {
      if (seen.has(entry.id)) continue; // arXiv can repeat an entry across a page boundary
      seen.add(entry.id);
      const existing = known[index];
      if (!existing) {
        await db.papers.add(toRecord(entry, now));
        outcome.newPaperIds.push(entry.id);
      } else if (entry.version > existing.version) {
        await db.papers.update(entry.id, { ...entry, revisedAt: now });
        outcome.revisedPaperIds.push(entry.id);
      }
      if (!matched[index]) {
        await db.matches.add({ keywordId, paperId: entry.id, firstSeenAt: now, published: entry.published });
        outcome.newMatchIds.push(entry.id);
      }
    }
  });
  return outcome;
}

/** A keyword's papers, newest submission first. */
export async function papersForKeyword(db: AppDB, keywordId: string): Promise<PaperRecord[]> {
  const matches = await db.matches
    .where('[keywordId+published]')
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
      .where('[keywordId+published]')
      .between([keywordId, ''], [keywordId, '\uffff'])
      .toArray();
    await db.matches.bulkDelete(matches.map((m) => [m.keywordId, m.paperId] as [string, string]));
    await db.keywordStates.delete(keywordId);
    for (const { paperId } of matches) {
      const stillMatched = await db.matches.where('paperId').equals(paperId).count();
      const paper = await db.papers.get(paperId);
      if (stillMatched === 0 && paper && paper.saved === 0) await db.papers.delete(paperId);
    }
  });
}
