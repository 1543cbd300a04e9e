import { describe, expect, it } from 'vitest';
import { hidePapers } from '../../../lib/db/labels';
import { listPage } from '../../../lib/db/paper-queries';
import { removeKeywordData, setSaved, storeMatches } from '../../../lib/db/papers';
import { pruneKeyword } from '../../../lib/db/retention';
import { searchPaperIds } from '../../../lib/db/search-query';
import { entry, freshDb } from '../helpers';

/** Papers 2611.0NNNN, newer with a higher number. */
const id = (n: number) => `2611.${String(n).padStart(5, '0')}`;
const papers = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => {
    const n = from + i;
    return entry(id(n), { published: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString() });
  });
const stored = async (db: ReturnType<typeof freshDb>) => (await db.papers.toCollection().primaryKeys()).sort();

describe('pruneKeyword', () => {
  it('keeps the newest listed papers, and every saved or hidden one', async () => {
    const db = freshDb();
    await storeMatches(db, 'k', papers(1, 6), 1);
    await setSaved(db, id(1), true);
    await hidePapers(db, [id(2), id(6)], 100);
    // Hidden papers are not listed, so they do not take the place of listed ones.
    expect(await pruneKeyword(db, 'k', 2)).toBe(1);
    expect(await stored(db)).toEqual([id(1), id(2), id(4), id(5), id(6)]);
    const page = await listPage(db, { source: { kind: 'keyword', keywordId: 'k' }, limit: 10 });
    expect(page.papers.map((p) => p.id)).toEqual([id(5), id(4), id(1)]);
    expect((await listPage(db, { source: { kind: 'hidden' }, limit: 10 })).papers.map((p) => p.id)).toEqual([
      id(6),
      id(2),
    ]);
    // Hidden papers stay findable in "Hidden" and are never pruned later either.
    expect(await searchPaperIds(db, id(2))).toEqual([id(2)]);
    expect(await pruneKeyword(db, 'k', 0)).toBe(2);
    expect(await stored(db)).toEqual([id(1), id(2), id(6)]);
  });

  it('does nothing while the listed papers fit, however many are hidden', async () => {
    const db = freshDb();
    await storeMatches(db, 'k', papers(1, 5), 1);
    await hidePapers(db, [id(3), id(4), id(5)], 100);
    expect(await pruneKeyword(db, 'k', 2)).toBe(0);
    expect(await db.matches.count()).toBe(5);
  });
});

describe('removeKeywordData', () => {
  it('keeps hidden papers, whose label must survive, as it keeps saved ones', async () => {
    const db = freshDb();
    await storeMatches(db, 'k', papers(1, 3), 1);
    await setSaved(db, id(1), true);
    await hidePapers(db, [id(2)], 100);
    await removeKeywordData(db, 'k');
    expect(await stored(db)).toEqual([id(1), id(2)]);
    expect(await db.papers.get(id(2))).toMatchObject({ hiddenAt: 100, read: 1 });
    expect((await listPage(db, { source: { kind: 'hidden' }, limit: 10 })).papers.map((p) => p.id)).toEqual([id(2)]);
  });
});
