import type { AppDB } from './app-db';

/** What each keyword's search has returned: the memory behind "news" (see lib/check/news.ts). */

/** What a group of keywords knows of the papers submitted at or after a time. */
export interface GroupKnowledge {
  /** The papers any of the keywords' searches surely returned. */
  sure: Set<string>;
  /** For each paper, the keywords that have a record of it (sure or only looked at). */
  byPaper: Map<string, Set<string>>;
  /** The papers marked as heard by the group (see lib/check/heard.ts). */
  heard: Set<string>;
  /** For each paper waiting in a look-up, the keywords of the group it waits for or that answered yes. */
  asked: Map<string, Set<string>>;
}

/**
 * What these keywords' searches returned of the papers submitted at or after `since` (ISO), and
 * which of them carry one of the marks `heardBy` (see lib/check/heard.ts).
 */
export async function groupKnowledge(
  db: AppDB,
  keywordIds: readonly string[],
  since: string,
  heardBy: readonly string[],
): Promise<GroupKnowledge> {
  const known: GroupKnowledge = { sure: new Set(), byPaper: new Map(), heard: new Set(), asked: new Map() };
  for (const keywordId of keywordIds) {
    await db.known
      .where('[keywordId+published]')
      .between([keywordId, since], [keywordId, '\uffff'], true, true)
      .each((row) => {
        if (row.sure !== false) known.sure.add(row.paperId);
        if (row.heard !== undefined && heardBy.includes(row.heard)) known.heard.add(row.paperId);
        const holders = known.byPaper.get(row.paperId) ?? new Set<string>();
        known.byPaper.set(row.paperId, holders.add(keywordId));
      });
  }
  return known;
}

/** Which of these papers the keyword's search has returned before. */
export async function knownByKeyword(db: AppDB, keywordId: string, paperIds: readonly string[]): Promise<Set<string>> {
  const rows = await db.known.bulkGet(paperIds.map((id) => [keywordId, id] as [string, string]));
  return new Set(rows.flatMap((row) => (row ? [row.paperId] : [])));
}

/** Which of these papers another keyword's search has returned (but not this keyword's). */
export async function knownElsewhere(db: AppDB, keywordId: string, paperIds: readonly string[]): Promise<Set<string>> {
  if (paperIds.length === 0) return new Set();
  const rows = await db.known
    .where('paperId')
    .anyOf([...paperIds])
    .toArray();
  return new Set(rows.filter((row) => row.keywordId !== keywordId).map((row) => row.paperId));
}

/** Remembers that the keyword looked at these papers, without claiming its search returns them. */
export async function markLookedAt(
  db: AppDB,
  keywordId: string,
  entries: ReadonlyArray<{ id: string; published: string }>,
) {
  const existing = await db.known.bulkGet(entries.map((e) => [keywordId, e.id] as [string, string]));
  const fresh = entries.filter((_, i) => existing[i] === undefined);
  await db.known.bulkPut(
    fresh.map((e) => ({ keywordId, paperId: e.id, published: e.published, sure: false as const })),
  );
}
