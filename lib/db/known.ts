import type { AppDB } from './app-db';

/** What each keyword's search has returned: the memory behind "news" (see lib/check/news.ts). */

/** The ids of papers submitted at or after `since` (ISO) that any of these keywords' searches surely returned. */
export async function knownIdsSince(db: AppDB, keywordIds: readonly string[], since: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const keywordId of keywordIds) {
    await db.known
      .where('[keywordId+published]')
      .between([keywordId, since], [keywordId, '\uffff'], true, true)
      .each((row) => {
        if (row.sure !== false) ids.add(row.paperId);
      });
  }
  return ids;
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
