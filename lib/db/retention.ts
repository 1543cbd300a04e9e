import type { AppDB } from './app-db';
import { searchTables, unindexPapers } from './search-index';
import { deleteMatches, deletePapers } from './read-state';

/**
 * Keeps the newest `keep` papers of a keyword (by submission date). Saved papers always stay;
 * a dropped paper is deleted once no keyword matches it and it is not saved. The keyword still
 * knows it (the `known` table), so it can never come back as news.
 */
export async function pruneKeyword(db: AppDB, keywordId: string, keep: number): Promise<number> {
  let removed = 0;
  await db.transaction('rw', [db.papers, db.matches, db.readMemory, db.counters, ...searchTables(db)], async () => {
    // Every check prunes every keyword it stored: a count (no records) tells whether anything
    // goes, and then only the rows past the newest `keep` are read, not the keyword's whole list.
    const list = () => db.matches.where('[keywordId+listedAt]').between([keywordId, ''], [keywordId, '\uffff']);
    if ((await list().count()) <= keep) return;
    const surplus = await list().reverse().offset(keep).toArray();
    const papers = await db.papers.bulkGet(surplus.map((m) => m.paperId));
    const dropped = surplus.filter((_, i) => papers[i]?.saved !== 1);
    await deleteMatches(
      db,
      dropped.map((m) => [m.keywordId, m.paperId] as [string, string]),
    );
    removed = dropped.length;
    await deleteOrphans(
      db,
      dropped.map((m) => m.paperId),
    );
  });
  return removed;
}

/**
 * Deletes those of the given papers that no keyword matches and the user did not save. The read
 * state of a deleted paper is remembered (its id only), so that it comes back read if a keyword
 * finds it again: a keyword edited to a close search, say.
 */
export async function deleteOrphans(db: AppDB, paperIds: readonly string[]): Promise<void> {
  await db.transaction('rw', [db.papers, db.matches, db.readMemory, db.counters, ...searchTables(db)], async () => {
    const deleted: string[] = [];
    for (const paperId of paperIds) {
      const stillMatched = await db.matches.where('paperId').equals(paperId).count();
      const paper = await db.papers.get(paperId);
      if (stillMatched > 0 || !paper || paper.saved === 1) continue;
      if (paper.read === 1) await db.readMemory.put({ id: paperId, readAt: paper.readAt });
      await deletePapers(db, [paperId]);
      deleted.push(paperId);
    }
    await unindexPapers(db, deleted);
  });
}
