import { expect } from 'vitest';
import type { AppDB } from '../../../lib/db/app-db';
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

/** What the history has done that the tables cannot tell: this visit's pinned papers. */
export class ListModel {
  pinned: Record<string, PinnedState> = {};
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

/** Each list as the naive reading of every row of both tables gives it. */
function naiveList(
  papers: Map<string, PaperRecord>,
  matches: MatchRecord[],
  source: PaperListSource,
  pinned: Record<string, PinnedState>,
): string[] {
  if (source.kind === 'keyword') {
    const mine = matches.filter((m) => m.keywordId === source.keywordId).sort(byListTime);
    const wasUnread = (m: MatchRecord) => (pinned[m.paperId]?.read ?? papers.get(m.paperId)!.read) === 0;
    return [...mine.filter(wasUnread), ...mine.filter((m) => !wasUnread(m))].map((m) => m.paperId);
  }
  const flag = source.kind === 'saved' ? 'saved' : 'read';
  const wanted = source.kind === 'saved' ? 1 : 0;
  const changed = source.kind === 'saved' ? 'savedChanged' : 'readChanged';
  return [...papers.values()]
    .filter((p) => p[flag] === wanted || (pinned[p.id] && (pinned[p.id]![flag] === wanted || pinned[p.id]![changed])))
    .sort(byDate)
    .map((p) => p.id);
}

/**
 * The invariants, after every step: each match's read copy equals its paper's flag; the unread
 * counts, and every list at a few page sizes, equal what a pass over every row gives.
 */
export async function expectConsistent(db: AppDB, model: ListModel): Promise<void> {
  const papers = new Map((await db.papers.toArray()).map((p) => [p.id, p]));
  const matches = await db.matches.toArray();
  for (const m of matches) {
    expect(papers.has(m.paperId), `the paper of match ${m.keywordId}/${m.paperId}`).toBe(true);
    expect(m.read, `read copy of ${m.keywordId}/${m.paperId}`).toBe(papers.get(m.paperId)!.read);
  }
  const summary = await librarySummary(db, KEYWORDS);
  const unreadPapers = [...papers.values()].filter((p) => p.read === 0);
  expect(summary.unread).toBe(unreadPapers.length);
  expect(summary.saved).toBe([...papers.values()].filter((p) => p.saved === 1).length);
  for (const k of KEYWORDS) {
    const naive = matches.filter((m) => m.keywordId === k && papers.get(m.paperId)!.read === 0).length;
    expect(summary.unreadByKeyword.get(k), `unread count of ${k}`).toBe(naive);
  }
  const sources: PaperListSource[] = [
    { kind: 'new' },
    { kind: 'saved' },
    ...KEYWORDS.map((keywordId) => ({ kind: 'keyword' as const, keywordId })),
  ];
  for (const source of sources) {
    const expected = naiveList(papers, matches, source, model.pinned);
    for (const limit of [1, 3, 20]) {
      const page = await listPage(db, { source, limit, pinned: model.pinned });
      const what = `${source.kind === 'keyword' ? source.keywordId : source.kind} (page of ${limit})`;
      expect(
        page.papers.map((p) => p.id),
        what,
      ).toEqual(expected.slice(0, limit));
      expect(page.hasMore, what).toBe(expected.length > limit);
      if (source.kind === 'keyword') expect(page.total, what).toBe(expected.length);
    }
  }
}
