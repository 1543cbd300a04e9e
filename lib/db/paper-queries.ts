/**
 * The popup's reads: one page of a list at a time, from indexes, and the counts, from counters.
 * A keyword's list is two short backward reads of `[keywordId+read+listedAt]` (unread, then
 * read); "All new" and "Saved" read `[read+published]` and `[saved+published]` backwards with a
 * limit, "Hidden" reads `hiddenAt` backwards. Nothing reads or counts every id, so a click that
 * changes one paper re-reads a page and a few numbers, not the library. A hidden paper is in no
 * list but "Hidden": its matches' copy (2) is in neither range of a keyword, it is read and not
 * saved (label-rule.ts), and a paper pinned in this visit is dropped once hidden.
 */
import type { AppDB } from './app-db';
import { isHidden } from './label-rule';
import { HIDDEN, keywordUnread, readCounters, SAVED, setReadFlags, UNREAD } from './read-state';
import type { Flag, MatchRecord, PaperRecord } from './schema';
import { forYouSlice, keywordForYouSlice } from './for-you-list';
import { searchSlice } from './search-list';

/**
 * The lists the popup shows: one keyword's papers, every unread paper once (by date, or best
 * first in "For you"), the saved ones, or the hidden ones ("Not interested").
 */
export type PaperListSource =
  | { kind: 'keyword'; keywordId: string }
  | { kind: 'new' }
  | { kind: 'forYou' }
  | { kind: 'saved' }
  | { kind: 'hidden' };

/** How a keyword's list is ordered: by date, or by the "For you" ranking. */
export type ListSort = 'newest' | 'forYou';

/**
 * A paper the user changed in this visit: its flags before the first change, and which flags were
 * changed. It keeps its place: a paper read in "All new" or unsaved in "Saved" stays listed until
 * the popup is reopened, so it can be changed back.
 */
export type PinnedState = { read: Flag; saved: Flag; readChanged?: boolean; savedChanged?: boolean };

/**
 * Whether a paper changed in this visit stays in "Saved" (`saved`) or "All new": it was listed
 * there before its first change, or the change was to that list's flag, so it can be changed back.
 */
export function pinKeeps(pin: PinnedState, saved: boolean): boolean {
  return saved ? pin.saved === 1 || pin.savedChanged === true : pin.read === 0 || pin.readChanged === true;
}

export interface ListRequest {
  source: PaperListSource;
  limit: number;
  pinned?: Readonly<Record<string, PinnedState>>;
  /** Words to search for in the index: the list's papers that have them all, best first. */
  search?: string;
  /** A keyword's list by date (the default) or best first. */
  sort?: ListSort;
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
  hidden: number;
}

type Slice = Omit<ListPage, 'keywordIds'>;

/** A keyword's matches with this read flag, as a range of `[keywordId+read+listedAt]`. */
function keywordRange(db: AppDB, keywordId: string, read: Flag) {
  return db.matches.where('[keywordId+read+listedAt]').between([keywordId, read, ''], [keywordId, read, '\uffff']);
}

/**
 * Unread counts of these keywords, all unread papers (each once), saved and hidden papers: a few
 * counters kept with every change (see read-state.ts).
 */
export async function librarySummary(db: AppDB, keywordIds: readonly string[]): Promise<LibrarySummary> {
  const keys = [UNREAD, SAVED, HIDDEN, ...keywordIds.map(keywordUnread)];
  const [unread, saved, hidden, ...counts] = await readCounters(db, keys);
  return {
    unreadByKeyword: new Map(keywordIds.map((id, i) => [id, counts[i]!])),
    unread: unread!,
    saved: saved!,
    hidden: hidden!,
  };
}

export async function present(db: AppDB, ids: readonly string[]): Promise<PaperRecord[]> {
  return (await db.papers.bulkGet([...ids])).filter((p): p is PaperRecord => p !== undefined);
}

/** Newest first: by list time, then by id (the order of the index, read backwards). */
const newestMatchFirst = (a: MatchRecord, b: MatchRecord) =>
  a.listedAt !== b.listedAt ? (a.listedAt < b.listedAt ? 1 : -1) : a.paperId < b.paperId ? 1 : -1;

/** Newest first: by submission date, then by id. */
export const newestPaperFirst = (a: PaperRecord, b: PaperRecord) =>
  a.published !== b.published ? (a.published < b.published ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

/**
 * A keyword's matches as listed: unread first (as they were before this visit's changes), newest
 * first within each group. Each group is read from its own index range; `take` rows of each are
 * enough for a page of `take - pins` (a pinned paper can be missing from a group or extra in it).
 */
export async function keywordRows(
  db: AppDB,
  keywordId: string,
  pinned: Readonly<Record<string, PinnedState>>,
  take: number,
) {
  const pins = Object.keys(pinned);
  const range = (read: Flag) => {
    return keywordRange(db, keywordId, read)
      .reverse()
      .limit(take + pins.length)
      .toArray();
  };
  const [unread, read, pinnedRows] = await Promise.all([
    range(0),
    range(1),
    db.matches.bulkGet(pins.map((id) => [keywordId, id] as [string, string])),
  ]);
  const byId = new Map<string, MatchRecord>();
  // A pinned paper hidden since is not kept (its copy is 2).
  for (const row of [...unread, ...read, ...pinnedRows]) if (row && row.read !== 2) byId.set(row.paperId, row);
  const wasUnread = (row: MatchRecord) => (pinned[row.paperId] ? pinned[row.paperId]!.read === 0 : row.read === 0);
  const rows = [...byId.values()].sort(newestMatchFirst);
  return [...rows.filter(wasUnread), ...rows.filter((row) => !wasUnread(row))];
}

/** A keyword's list: a page read straight from the index (unread first, then read). */
async function keywordSlice(db: AppDB, keywordId: string, request: ListRequest): Promise<Slice> {
  const { limit, pinned = {} } = request;
  const [rows, unread, read] = await Promise.all([
    keywordRows(db, keywordId, pinned, limit + 1),
    keywordRange(db, keywordId, 0).count(),
    keywordRange(db, keywordId, 1).count(),
  ]);
  const total = unread + read;
  const papers = await present(
    db,
    rows.slice(0, limit).map((row) => row.paperId),
  );
  return { papers, total, hasMore: total > limit };
}

/**
 * "All new" (unread) or "Saved", newest first by submission date, then id, so that old-style ids
 * (`hep-th/9901001`) sit among new ones by date. Papers changed in this visit stay.
 */
async function flagSlice(db: AppDB, source: PaperListSource, request: ListRequest): Promise<Slice> {
  const { limit, pinned = {} } = request;
  const saved = source.kind === 'saved';
  const index = db.papers
    .where(saved ? '[saved+published]' : '[read+published]')
    .between(saved ? [1, ''] : [0, ''], saved ? [1, '\uffff'] : [0, '\uffff'])
    .reverse();
  const kept = Object.keys(pinned).filter((id) => pinKeeps(pinned[id]!, saved));
  const [current, keptPapers] = await Promise.all([index.limit(limit + 1 + kept.length).toArray(), present(db, kept)]);
  const byId = new Map([...current, ...keptPapers.filter((p) => !isHidden(p))].map((p) => [p.id, p]));
  const merged = [...byId.values()].sort(newestPaperFirst);
  return { papers: merged.slice(0, limit), hasMore: merged.length > limit };
}

/** "Hidden": the hidden papers, most recently hidden first (then by id, backwards). */
async function hiddenSlice(db: AppDB, limit: number): Promise<Slice> {
  const papers = await db.papers
    .orderBy('hiddenAt')
    .reverse()
    .limit(limit + 1)
    .toArray();
  return { papers: papers.slice(0, limit), hasMore: papers.length > limit };
}

/**
 * One page of a list: the first `limit` papers, with the keywords that matched each (in the lists
 * that mix keywords; a keyword's own list needs no lookup).
 */
export async function listPage(db: AppDB, request: ListRequest): Promise<ListPage> {
  const { source } = request;
  if (source.kind === 'keyword') {
    const slice = request.search
      ? await searchSlice(db, request)
      : request.sort === 'forYou'
        ? await keywordForYouSlice(db, source.keywordId, request)
        : await keywordSlice(db, source.keywordId, request);
    return { ...slice, keywordIds: Object.fromEntries(slice.papers.map((p) => [p.id, [source.keywordId]])) };
  }
  const slice = request.search
    ? await searchSlice(db, request)
    : source.kind === 'hidden'
      ? await hiddenSlice(db, request.limit)
      : source.kind === 'forYou'
        ? await forYouSlice(db, request)
        : await flagSlice(db, source, request);
  // One request per paper, all at once: faster than a cursor hopping between thirty keys.
  const matches = await Promise.all(slice.papers.map((p) => db.matches.where('paperId').equals(p.id).primaryKeys()));
  const keywordIds = Object.fromEntries(
    slice.papers.map((p, i) => [p.id, matches[i]!.map(([keywordId]) => keywordId)]),
  );
  return { ...slice, keywordIds };
}

/** Sets the read flag of many papers (and of their matches) in one transaction. */
export async function setReadMany(db: AppDB, ids: readonly string[], read: boolean, now = Date.now()): Promise<void> {
  await setReadFlags(db, ids, read, now);
}

/**
 * Marks every unread paper of a list read; returns their ids, for undo. Hidden papers are read
 * already, and in no list's unread range.
 */
export async function markListRead(db: AppDB, source: PaperListSource, now = Date.now()): Promise<string[]> {
  return db.transaction('rw', db.papers, db.matches, db.counters, async () => {
    let ids: string[];
    if (source.kind === 'hidden') {
      ids = [];
    } else if (source.kind === 'keyword') {
      ids = (await keywordRange(db, source.keywordId, 0).primaryKeys()).map(([, paperId]) => paperId);
    } else if (source.kind === 'saved') {
      ids = await db.papers
        .where('saved')
        .equals(1)
        .filter((p) => p.read === 0)
        .primaryKeys();
    } else {
      ids = await db.papers.where('read').equals(0).primaryKeys();
    }
    await setReadFlags(db, ids, true, now);
    return ids;
  });
}
