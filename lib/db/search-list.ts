/**
 * A page of search results within one of the popup's lists: the search's ranking (relevance,
 * then newest) restricted to the papers of the tab, reading only as many papers as the page shows.
 */
import type { AppDB } from './app-db';
import { isHidden } from './label-rule';
import { pinKeeps, type ListPage, type ListRequest, type PinnedState } from './paper-queries';
import type { PaperRecord } from './schema';
import { searchPaperIds } from './search-query';

/** Papers read at once while walking the ranking of "All new", whose unread set can be large. */
const CHUNK = 100;

/** Whether a paper belongs to "All new" or "Saved" in this visit (a paper changed here stays). */
function inFlagList(paper: PaperRecord, saved: boolean, pin: PinnedState | undefined): boolean {
  return (saved ? paper.saved === 1 : paper.read === 0) || (pin !== undefined && pinKeeps(pin, saved));
}

/** Whether a paper that the candidates allow belongs to the tab: hidden ones only to "Hidden". */
function inList(paper: PaperRecord, request: ListRequest): boolean {
  const { source, pinned = {} } = request;
  if (isHidden(paper)) return source.kind === 'hidden';
  if (source.kind === 'hidden') return false;
  return source.kind === 'keyword' || inFlagList(paper, source.kind === 'saved', pinned[paper.id]);
}

/**
 * The ids a list can hold at most, when a small index gives them: a keyword's matches, the
 * saved papers and those pinned in this visit, or the hidden papers. Undefined for "All new",
 * whose papers are checked one by one (its unread set can be the whole library).
 */
async function candidates(db: AppDB, request: ListRequest): Promise<Set<string> | undefined> {
  const { source, pinned = {} } = request;
  if (source.kind === 'keyword') {
    const keys = await db.matches
      .where('[keywordId+listedAt]')
      .between([source.keywordId, ''], [source.keywordId, '\uffff'])
      .primaryKeys();
    return new Set(keys.map(([, paperId]) => paperId));
  }
  if (source.kind === 'saved') {
    const saved = (await db.papers.where('saved').equals(1).primaryKeys()) as string[];
    return new Set([...saved, ...Object.keys(pinned)]);
  }
  if (source.kind === 'hidden') return new Set(await db.papers.orderBy('hiddenAt').primaryKeys());
  return undefined;
}

/** One page of the tab's papers that the search `request.search` finds, best first. */
export async function searchSlice(db: AppDB, request: ListRequest): Promise<Omit<ListPage, 'keywordIds'>> {
  const { limit } = request;
  const [ranked, allowed] = await Promise.all([searchPaperIds(db, request.search ?? ''), candidates(db, request)]);
  const ids = allowed ? ranked.filter((id) => allowed.has(id)) : ranked;
  const found: PaperRecord[] = [];
  for (let start = 0; start < ids.length && found.length <= limit; start += CHUNK) {
    const papers = await db.papers.bulkGet(ids.slice(start, start + CHUNK));
    for (const paper of papers) if (paper && inList(paper, request)) found.push(paper);
  }
  return { papers: found.slice(0, limit), hasMore: found.length > limit };
}
