import { expect } from 'vitest';
import type { AppDB } from '../../../lib/db/app-db';
import type { FlagUndo } from '../../../lib/db/labels';
import { librarySummary, listPage, type PaperListSource, type PinnedState } from '../../../lib/db/paper-queries';
import type { MatchRecord, PaperRecord } from '../../../lib/db/schema';
import { entry } from '../helpers';

/** Keywords of the histories. */
export const KEYWORDS = ['a', 'b', 'c'] as const;

/**
 * The papers of the histories: old-style and new-style ids, some submitted on the same day (the
 * id breaks the tie), and an old-style id that sorts after every new one as a string.
 */
export const POOL = [
  entry('hep-th/9901001', { published: '1999-01-04T00:00:00Z' }),
  entry('math/0703999', { published: '2007-04-02T00:00:00Z' }),
  entry('0704.0001', { published: '2007-04-02T00:00:00Z' }),
  entry('0704.0002', { published: '2007-04-03T00:00:00Z' }),
  entry('cond-mat/0612001', { published: '2006-12-01T00:00:00Z' }),
  entry('2611.00001', { published: '2026-11-20T10:00:00Z' }),
  entry('2611.00002', { published: '2026-11-20T10:00:00Z' }),
  entry('2611.00003', { published: '2026-11-19T10:00:00Z' }),
  entry('2610.09999', { published: '2026-11-21T10:00:00Z' }),
  entry('2612.00001', { published: '2026-11-18T10:00:00Z' }),
];

/** What the history has done that the tables cannot tell: this visit's pinned papers and its last undo. */
export class ListModel {
  pinned: Record<string, PinnedState> = {};
  /**
   * What the toolbar's Undo would take back (the last "Mark all read", hide or restore), with the
   * flags the action left on each of its papers.
   */
  undo?: { entries: FlagUndo[]; left: Array<Partial<PaperRecord> | undefined> };
  /** Advances with every step, so that news gets later list times. */
  now = Date.parse('2026-11-21T12:00:00Z');

  /** Pins a paper before a change, as the popup's buttons do (flags before the first change kept). */
  pin(paper: PaperRecord, changed: 'read' | 'saved'): void {
    const known = this.pinned[paper.id];
    this.pinned[paper.id] = known
      ? {
          ...known,
          readChanged: known.readChanged || changed === 'read',
          savedChanged: known.savedChanged || changed === 'saved',
        }
      : { read: paper.read, saved: paper.saved, readChanged: changed === 'read', savedChanged: changed === 'saved' };
  }
}

const byDate = (a: PaperRecord, b: PaperRecord) =>
  a.published === b.published ? (a.id < b.id ? 1 : -1) : a.published < b.published ? 1 : -1;
const byListTime = (a: MatchRecord, b: MatchRecord) =>
  a.listedAt === b.listedAt ? (a.paperId < b.paperId ? 1 : -1) : a.listedAt < b.listedAt ? 1 : -1;
const byHiddenTime = (a: PaperRecord, b: PaperRecord) =>
  a.hiddenAt === b.hiddenAt ? (a.id < b.id ? 1 : -1) : a.hiddenAt! < b.hiddenAt! ? 1 : -1;
const hidden = (p: PaperRecord) => p.hiddenAt !== undefined;
/** The copy a paper's matches must carry. */
const copyOf = (p: PaperRecord) => (hidden(p) ? 2 : p.read);

/** Each list as the naive reading of every row of both tables gives it. */
function naiveList(
  papers: Map<string, PaperRecord>,
  matches: MatchRecord[],
  source: PaperListSource,
  pinned: Record<string, PinnedState>,
): string[] {
  if (source.kind === 'hidden')
    return [...papers.values()]
      .filter(hidden)
      .sort(byHiddenTime)
      .map((p) => p.id);
  if (source.kind === 'keyword') {
    const mine = matches
      .filter((m) => m.keywordId === source.keywordId && !hidden(papers.get(m.paperId)!))
      .sort(byListTime);
    const wasUnread = (m: MatchRecord) => (pinned[m.paperId]?.read ?? papers.get(m.paperId)!.read) === 0;
    return [...mine.filter(wasUnread), ...mine.filter((m) => !wasUnread(m))].map((m) => m.paperId);
  }
  const flag = source.kind === 'saved' ? 'saved' : 'read';
  const wanted = source.kind === 'saved' ? 1 : 0;
  const changed = source.kind === 'saved' ? 'savedChanged' : 'readChanged';
  return [...papers.values()]
    .filter((p) => !hidden(p))
    .filter((p) => p[flag] === wanted || (pinned[p.id] && (pinned[p.id]![flag] === wanted || pinned[p.id]![changed])))
    .sort(byDate)
    .map((p) => p.id);
}

/**
 * The invariants, after every step: a hidden paper is read and not saved; each match's copy
 * equals its paper's list flag (2 when hidden); the counters, and every list at a few page sizes
 * and searched, equal what a pass over every row gives; no hidden paper is in a list but "Hidden",
 * which holds exactly the hidden papers.
 */
export async function expectConsistent(db: AppDB, model: ListModel): Promise<void> {
  const papers = new Map((await db.papers.toArray()).map((p) => [p.id, p]));
  const matches = await db.matches.toArray();
  for (const p of papers.values()) {
    if (hidden(p)) expect([p.read, p.saved], `flags of hidden ${p.id}`).toEqual([1, 0]);
  }
  for (const m of matches) {
    expect(papers.has(m.paperId), `the paper of match ${m.keywordId}/${m.paperId}`).toBe(true);
    expect(m.read, `list copy of ${m.keywordId}/${m.paperId}`).toBe(copyOf(papers.get(m.paperId)!));
  }
  const summary = await librarySummary(db, KEYWORDS);
  const count = (test: (p: PaperRecord) => boolean) => [...papers.values()].filter(test).length;
  expect(summary.unread, 'unread counter').toBe(count((p) => p.read === 0));
  expect(summary.saved, 'saved counter').toBe(count((p) => p.saved === 1));
  expect(summary.hidden, 'hidden counter').toBe(count(hidden));
  for (const k of KEYWORDS) {
    const naive = matches.filter((m) => m.keywordId === k && copyOf(papers.get(m.paperId)!) === 0).length;
    expect(summary.unreadByKeyword.get(k), `unread count of ${k}`).toBe(naive);
  }
  const sources: PaperListSource[] = [
    { kind: 'new' },
    { kind: 'saved' },
    { kind: 'hidden' },
    ...KEYWORDS.map((keywordId) => ({ kind: 'keyword' as const, keywordId })),
  ];
  for (const source of sources) {
    const expected = naiveList(papers, matches, source, model.pinned);
    const what = source.kind === 'keyword' ? source.keywordId : source.kind;
    for (const limit of [1, 3, 20]) {
      const page = await listPage(db, { source, limit, pinned: model.pinned });
      const ids = page.papers.map((p) => p.id);
      expect(ids, `${what} (page of ${limit})`).toEqual(expected.slice(0, limit));
      expect(page.hasMore, `${what} (page of ${limit})`).toBe(expected.length > limit);
      if (source.kind === 'keyword') expect(page.total, `${what} (page of ${limit})`).toBe(expected.length);
      const misplaced = ids.filter((id) => hidden(papers.get(id)!) !== (source.kind === 'hidden'));
      expect(misplaced, `${what}: hidden papers out of place`).toEqual([]);
    }
    // Every paper's title has "Paper": a search finds the whole list, in the search's own order.
    const found = await listPage(db, { source, limit: 20, pinned: model.pinned, search: 'paper' });
    expect(found.papers.map((p) => p.id).sort(), `${what} searched`).toEqual([...expected].sort());
  }
}
