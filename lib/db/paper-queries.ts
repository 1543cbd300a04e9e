/**
 * The popup's reads: one page of a list at a time, and the counts. The first page never needs a
 * pass over the whole library: "All new" and "Saved" read the newest ids of an index backwards,
 * with a limit; a keyword's list reads its own matches (a thousand at most, the retention limit)
 * and the unread ids when there are not too many of them. The counts, which do need a pass over
 * every unread id, are for after the first paint.
 */
import type { AppDB } from './app-db';
import type { Flag, PaperRecord } from './schema';
import { searchSlice } from './search-list';

/** The lists the popup shows: one keyword's papers, every unread paper once, or the saved ones. */
export type PaperListSource = { kind: 'keyword'; keywordId: string } | { kind: 'new' } | { kind: 'saved' };

/**
 * A paper the user changed in this visit: its flags before the first change, and which flags were
 * changed. It keeps its place: a paper read in "All new" or unsaved in "Saved" stays listed until
 * the popup is reopened, so it can be changed back.
 */
export type PinnedState = { read: Flag; saved: Flag; readChanged?: boolean; savedChanged?: boolean };

export interface ListRequest {
  source: PaperListSource;
  limit: number;
  pinned?: Readonly<Record<string, PinnedState>>;
  /** A search: only the list's papers that it accepts. */
  filter?: (paper: PaperRecord) => boolean;
  /** Words to search for in the index: the list's papers that have them all, best first. */
  search?: string;
}

export interface ListPage {
  papers: PaperRecord[];
  /** The keywords that matched each paper on the page. */
  keywordIds: Record<string, string[]>;
  /** Papers in a keyword's list (undefined for the other lists and while searching). */
  total?: number;
  hasMore: boolean;
}

export interface LibrarySummary {
  unreadByKeyword: Map<string, number>;
  unread: number;
  saved: number;
}

type Slice = Omit<ListPage, 'keywordIds'>;

/**
 * Up to this many unread ids are read at once to sort a keyword's list. Past it, the keyword's own
 * papers are read from the newest, which is quick precisely when many papers are unread.
 */
const UNREAD_SET_LIMIT = 300;
const CHUNK = 100;

/** Unread counts per keyword, all unread papers (each once) and saved papers. */
export async function librarySummary(db: AppDB): Promise<LibrarySummary> {
  const [unreadIds, saved, matchKeys] = await Promise.all([
    db.papers.where('read').equals(0).primaryKeys(),
    db.papers.where('saved').equals(1).count(),
    db.matches.toCollection().primaryKeys(),
  ]);
  const unread = new Set(unreadIds);
  const unreadByKeyword = new Map<string, number>();
  for (const [keywordId, paperId] of matchKeys) {
    if (unread.has(paperId)) unreadByKeyword.set(keywordId, (unreadByKeyword.get(keywordId) ?? 0) + 1);
  }
  return { unreadByKeyword, unread: unread.size, saved };
}

/**
 * A keyword's paper ids, newest first by list time (news by when it was found). Read in index order
 * and reversed here: a backward read of a whole range walks a cursor one key at a time.
 */
async function keywordPaperIds(db: AppDB, keywordId: string): Promise<string[]> {
  const keys = await db.matches
    .where('[keywordId+listedAt]')
    .between([keywordId, ''], [keywordId, '\uffff'])
    .primaryKeys();
  return keys.map(([, paperId]) => paperId).reverse();
}

async function present(db: AppDB, ids: readonly string[]): Promise<PaperRecord[]> {
  return (await db.papers.bulkGet([...ids])).filter((p): p is PaperRecord => p !== undefined);
}

/** Unread first (as they were before this visit's changes), newest first within each group. */
async function keywordSlice(db: AppDB, keywordId: string, request: ListRequest): Promise<Slice> {
  const { limit, pinned = {}, filter } = request;
  const [ids, unreadIds] = await Promise.all([
    keywordPaperIds(db, keywordId),
    db.papers
      .where('read')
      .equals(0)
      .limit(UNREAD_SET_LIMIT + 1)
      .primaryKeys(),
  ]);
  const wasUnread = (id: string, read: boolean) => (pinned[id] ? pinned[id].read === 0 : !read);
  if (!filter && unreadIds.length <= UNREAD_SET_LIMIT) {
    const unread = new Set(unreadIds);
    const first = ids.filter((id) => wasUnread(id, !unread.has(id)));
    const rest = ids.filter((id) => !wasUnread(id, !unread.has(id)));
    const papers = await present(db, [...first, ...rest].slice(0, limit));
    return { papers, total: ids.length, hasMore: ids.length > limit };
  }
  // Searching, or a great many unread papers: read this keyword's papers from the newest, and stop
  // once a page of unread ones is found (they come first).
  const unread: PaperRecord[] = [];
  const read: PaperRecord[] = [];
  // The first read is just one page: often enough when many papers are unread.
  for (let start = 0, size = limit + 1; start < ids.length && unread.length <= limit; start += size, size = CHUNK) {
    for (const paper of await present(db, ids.slice(start, start + size))) {
      if (!filter || filter(paper)) (wasUnread(paper.id, paper.read === 1) ? unread : read).push(paper);
    }
  }
  const found = unread.length > limit ? unread : [...unread, ...read];
  return { papers: found.slice(0, limit), total: filter ? undefined : ids.length, hasMore: found.length > limit };
}

/**
 * "All new" (unread) or "Saved", newest first by id, which is submission order for every id since
 * 2007 (the rare older ids, `hep-th/9901001`, sort before them). Papers changed in this visit stay.
 */
async function flagSlice(db: AppDB, source: PaperListSource, request: ListRequest): Promise<Slice> {
  const { limit, pinned = {}, filter } = request;
  const saved = source.kind === 'saved';
  const index = db.papers
    .where(saved ? 'saved' : 'read')
    .equals(saved ? 1 : 0)
    .reverse();
  const kept = Object.keys(pinned).filter((id) => {
    const pin = pinned[id]!;
    return saved ? pin.saved === 1 || pin.savedChanged : pin.read === 0 || pin.readChanged;
  });
  const [current, keptPapers] = await Promise.all([
    filter
      ? index
          .filter(filter)
          .limit(limit + 1)
          .toArray()
      : index.limit(limit + 1 + kept.length).toArray(),
    present(db, kept),
  ]);
  const byId = new Map([...current, ...keptPapers.filter((p) => !filter || filter(p))].map((p) => [p.id, p]));
  const merged = [...byId.values()].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return { papers: merged.slice(0, limit), hasMore: merged.length > limit };
}

/**
 * One page of a list: the first `limit` papers, with the keywords that matched each (in the lists
 * that mix keywords; a keyword's own list needs no lookup).
 */
export async function listPage(db: AppDB, request: ListRequest): Promise<ListPage> {
  const { source } = request;
  if (source.kind === 'keyword') {
    const slice = request.search ? await searchSlice(db, request) : await keywordSlice(db, source.keywordId, request);
    return { ...slice, keywordIds: Object.fromEntries(slice.papers.map((p) => [p.id, [source.keywordId]])) };
  }
  const slice = request.search ? await searchSlice(db, request) : await flagSlice(db, source, request);
  // One request per paper, all at once: faster than a cursor hopping between thirty keys.
  const matches = await Promise.all(slice.papers.map((p) => db.matches.where('paperId').equals(p.id).primaryKeys()));
  const keywordIds = Object.fromEntries(
    slice.papers.map((p, i) => [p.id, matches[i]!.map(([keywordId]) => keywordId)]),
  );
  return { ...slice, keywordIds };
}

/** Sets the read flag of many papers in one transaction. */
export async function setReadMany(db: AppDB, ids: readonly string[], read: boolean, now = Date.now()): Promise<void> {
  const changes = read ? { read: 1 as Flag, readAt: now } : { read: 0 as Flag, readAt: undefined };
  await db.papers.bulkUpdate(ids.map((key) => ({ key, changes })));
}

/** Marks every unread paper of a list read; returns their ids, for undo. */
export async function markListRead(db: AppDB, source: PaperListSource, now = Date.now()): Promise<string[]> {
  return db.transaction('rw', db.papers, db.matches, async () => {
    const unread = await db.papers.where('read').equals(0).primaryKeys();
    let ids = unread;
    if (source.kind === 'keyword') {
      const mine = new Set(await keywordPaperIds(db, source.keywordId));
      ids = unread.filter((id) => mine.has(id));
    } else if (source.kind === 'saved') {
      const saved = new Set(await db.papers.where('saved').equals(1).primaryKeys());
      ids = unread.filter((id) => saved.has(id));
    }
    await setReadMany(db, ids, true, now);
    return ids;
  });
}
