/**
 * The lists ordered by the "For you" ranking: the "For you" tab (every unread paper, best first,
 * one backward read of `[read+score]`) and a keyword's list sorted "For you" (unread first, each
 * group best first). Scores are written by the worker (lib/ranking/ranking-job.ts); here they
 * are only read. Papers changed in this visit keep their place, as in the other lists.
 */
import type { AppDB } from './app-db';
import { keywordRows, newestPaperFirst, pinKeeps, present, type ListPage, type ListRequest } from './paper-queries';
import type { PaperRecord } from './schema';

type Slice = Omit<ListPage, 'keywordIds'>;

/** Best first; unscored papers (added since the last training) after, newest first. */
export const bestFirst = (a: PaperRecord, b: PaperRecord) =>
  a.score === b.score
    ? newestPaperFirst(a, b)
    : a.score === undefined
      ? 1
      : b.score === undefined
        ? -1
        : b.score - a.score;

/** "For you": the unread papers the ranking scored, best first. */
export async function forYouSlice(db: AppDB, request: ListRequest): Promise<Slice> {
  const { limit, pinned = {} } = request;
  const kept = Object.keys(pinned).filter((id) => pinKeeps(pinned[id]!, false));
  const [current, keptPapers] = await Promise.all([
    db.papers
      .where('[read+score]')
      .between([0, -Infinity], [0, Infinity])
      .reverse()
      .limit(limit + 1 + kept.length)
      .toArray(),
    present(db, kept),
  ]);
  const byId = new Map([...current, ...keptPapers].map((p) => [p.id, p]));
  const listed = [...byId.values()].filter((p) => p.score !== undefined && p.hiddenAt === undefined).sort(bestFirst);
  return { papers: listed.slice(0, limit), hasMore: listed.length > limit };
}

/**
 * A keyword's list sorted "For you": its unread papers (as before this visit's changes) best
 * first, then its read ones newest first. The whole list is read (a keyword keeps at most its retention's papers).
 */
export async function keywordForYouSlice(db: AppDB, keywordId: string, request: ListRequest): Promise<Slice> {
  const { limit, pinned = {} } = request;
  const rows = await keywordRows(db, keywordId, pinned, Infinity);
  const papers = await present(
    db,
    rows.map((row) => row.paperId),
  );
  const wasUnread = (p: PaperRecord) => (pinned[p.id] ? pinned[p.id]!.read === 0 : p.read === 0);
  // Only unread papers are ranked (read ones keep an old score, if any): read ones follow as listed.
  const sorted = [...papers.filter(wasUnread).sort(bestFirst), ...papers.filter((p) => !wasUnread(p))];
  return { papers: sorted.slice(0, limit), total: sorted.length, hasMore: sorted.length > limit };
}
