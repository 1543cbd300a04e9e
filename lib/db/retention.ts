import type { AppDB } from './app-db';
import { isHidden } from './label-rule';
import { searchTables, unindexPapers } from './search-index';
import { deleteMatches, deletePapers } from './read-state';
import type { Flag, PaperRecord } from './schema';

/** Papers the user labelled stay whatever the retention: saved ones, and hidden ones, whose label must survive. */
const labelled = (paper: PaperRecord | undefined) => paper !== undefined && (paper.saved === 1 || isHidden(paper));

/**
 * Keeps the newest `keep` papers of a keyword's list (by list time). Saved and hidden papers
 * always stay (a hidden one is not in the list, so it does not take the place of a paper the
 * user sees); a dropped paper is deleted once no keyword matches it and it is not labelled. The
 * keyword still knows it (the `known` table), so it can never come back as news.
 */
export async function pruneKeyword(db: AppDB, keywordId: string, keep: number): Promise<number> {
  let removed = 0;
  await db.transaction('rw', [db.papers, db.matches, db.readMemory, db.counters, ...searchTables(db)], async () => {
    // Every check prunes every keyword it stored: two counts (no records) of the listed papers,
    // unread and read, tell whether anything goes; only then are the keyword's rows read.
    const range = (read: Flag) =>
      db.matches.where('[keywordId+read+listedAt]').between([keywordId, read, ''], [keywordId, read, '\uffff']);
    if ((await range(0).count()) + (await range(1).count()) <= keep) return;
    // The filter comes before the offset, so that Dexie skips `keep` listed rows, not `keep` rows.
    const surplus = await db.matches
      .where('[keywordId+listedAt]')
      .between([keywordId, ''], [keywordId, '\uffff'])
      .reverse()
      .filter((m) => m.read !== 2)
      .offset(keep)
      .toArray();
    const papers = await db.papers.bulkGet(surplus.map((m) => m.paperId));
    const dropped = surplus.filter((_, i) => !labelled(papers[i]));
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
 * Deletes those of the given papers that no keyword matches and the user did not label (save or
 * hide). The read
 * state of a deleted paper is remembered (its id only), so that it comes back read if a keyword
 * finds it again: a keyword edited to a close search, say.
 */
export async function deleteOrphans(db: AppDB, paperIds: readonly string[]): Promise<void> {
  await db.transaction('rw', [db.papers, db.matches, db.readMemory, db.counters, ...searchTables(db)], async () => {
    const deleted: string[] = [];
    for (const paperId of paperIds) {
      const stillMatched = await db.matches.where('paperId').equals(paperId).count();
      const paper = await db.papers.get(paperId);
      if (stillMatched > 0 || !paper || labelled(paper)) continue;
      if (paper.read === 1) await db.readMemory.put({ id: paperId, readAt: paper.readAt });
      await deletePapers(db, [paperId]);
      deleted.push(paperId);
    }
    await unindexPapers(db, deleted);
  });
}
