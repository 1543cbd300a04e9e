import { describe, expect, it } from 'vitest';
import type { AppDB } from '../../../lib/db/app-db';
import { librarySummary, listPage, markListRead, setReadMany, type ListRequest } from '../../../lib/db/paper-queries';
import { hidePapers, restoreHiddenPapers } from '../../../lib/db/labels';
import { setSaved, storeMatches } from '../../../lib/db/papers';
import { entry, freshDb } from '../helpers';

/** Papers 2611.0NNNN, newer with a higher number. */
const id = (n: number) => `2611.${String(n).padStart(5, '0')}`;
const papers = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => {
    const n = from + i;
    return entry(id(n), { published: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString() });
  });

async function ids(db: AppDB, request: ListRequest): Promise<string[]> {
  return (await listPage(db, request)).papers.map((p) => p.id);
}

async function read(db: AppDB, ...numbers: number[]) {
  await setReadMany(db, numbers.map(id), true);
}

describe('a keyword list', () => {
  it('puts unread papers first, newest first in each group', async () => {
    const db = freshDb();
    await storeMatches(db, 'k', papers(1, 5), 1);
    await read(db, 5, 2);
    const page = await listPage(db, { source: { kind: 'keyword', keywordId: 'k' }, limit: 3 });
    expect(page.papers.map((p) => p.id)).toEqual([id(4), id(3), id(1)]);
    expect(page).toMatchObject({ total: 5, hasMore: true });
  });

  it('keeps a paper read in this visit where it was', async () => {
    const db = freshDb();
    await storeMatches(db, 'k', papers(1, 3), 1);
    await read(db, 3);
    const pinned = { [id(3)]: { read: 0 as const, saved: 0 as const, readChanged: true } };
    expect(await ids(db, { source: { kind: 'keyword', keywordId: 'k' }, limit: 10, pinned })).toEqual([
      id(3),
      id(2),
      id(1),
    ]);
    expect(await ids(db, { source: { kind: 'keyword', keywordId: 'k' }, limit: 10 })).toEqual([id(2), id(1), id(3)]);
  });

  it('orders the same way when a great many papers are unread', async () => {
    const db = freshDb();
    await storeMatches(db, 'other', papers(1000, 1400), 1);
    await storeMatches(db, 'k', papers(1, 250), 1);
    await read(db, ...Array.from({ length: 240 }, (_, i) => i + 11)); // only 1–10 stay unread
    const page = await listPage(db, { source: { kind: 'keyword', keywordId: 'k' }, limit: 12 });
    expect(page.papers.map((p) => p.id)).toEqual([...[10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map(id), id(250), id(249)]);
  });
});

describe('"All new" and "Saved"', () => {
  it('lists each unread paper once, newest first, a page at a time', async () => {
    const db = freshDb();
    await storeMatches(db, 'a', papers(1, 4), 1);
    await storeMatches(db, 'b', papers(3, 6), 1);
    await read(db, 5);
    const page = await listPage(db, { source: { kind: 'new' }, limit: 4 });
    expect(page.papers.map((p) => p.id)).toEqual([id(6), id(4), id(3), id(2)]);
    expect(page.hasMore).toBe(true);
    expect(page.keywordIds[id(3)]?.sort()).toEqual(['a', 'b']);
  });

  it('keeps papers changed in this visit', async () => {
    const db = freshDb();
    await storeMatches(db, 'a', papers(1, 3), 1);
    await read(db, 2);
    await setSaved(db, id(1), true);
    const pinned = { [id(2)]: { read: 0 as const, saved: 0 as const, readChanged: true } };
    expect(await ids(db, { source: { kind: 'new' }, limit: 10, pinned })).toEqual([id(3), id(2), id(1)]);
    expect(await ids(db, { source: { kind: 'saved' }, limit: 10 })).toEqual([id(1)]);
    const unsaved = { [id(3)]: { read: 0 as const, saved: 1 as const, savedChanged: true } };
    expect(await ids(db, { source: { kind: 'saved' }, limit: 10, pinned: unsaved })).toEqual([id(3), id(1)]);
  });
});

describe('the order of lists', () => {
  // arXiv's ids before April 2007 name the archive (hep-th/9901001); as strings they sort after
  // every new id ("h" > "2"), so the lists go by submission date and then id.
  const oldStyle = entry('hep-th/9901001', { published: '1999-01-04T00:00:00Z' });
  const newer = entry('0704.0001', { published: '2007-04-02T00:00:00Z' });
  const newest = entry('2611.00001', { published: '2026-11-20T10:00:00Z' });
  const sameDay = entry('math/0703999', { published: '2007-04-02T00:00:00Z' });

  it('puts old-style ids among new ones by date, in every list', async () => {
    const db = freshDb();
    await storeMatches(db, 'k', [oldStyle, newest, newer, sameDay], 1);
    for (const p of [oldStyle, newest, newer, sameDay]) await setSaved(db, p.id, true);
    const expected = ['2611.00001', 'math/0703999', '0704.0001', 'hep-th/9901001'];
    expect(await ids(db, { source: { kind: 'new' }, limit: 10 })).toEqual(expected);
    expect(await ids(db, { source: { kind: 'saved' }, limit: 10 })).toEqual(expected);
    expect(await ids(db, { source: { kind: 'keyword', keywordId: 'k' }, limit: 10 })).toEqual(expected);
  });

  it('keeps that order a page at a time and with papers pinned in this visit', async () => {
    const db = freshDb();
    await storeMatches(db, 'k', [oldStyle, newest, newer, sameDay], 1);
    await setReadMany(db, ['0704.0001'], true);
    const pinned = { '0704.0001': { read: 0 as const, saved: 0 as const, readChanged: true } };
    const page = await listPage(db, { source: { kind: 'new' }, limit: 3, pinned });
    expect(page.papers.map((p) => p.id)).toEqual(['2611.00001', 'math/0703999', '0704.0001']);
    expect(page.hasMore).toBe(true);
    expect(await ids(db, { source: { kind: 'new' }, limit: 10 })).toEqual([
      '2611.00001',
      'math/0703999',
      'hep-th/9901001',
    ]);
    expect(await ids(db, { source: { kind: 'keyword', keywordId: 'k' }, limit: 10, pinned })).toEqual([
      '2611.00001',
      'math/0703999',
      '0704.0001',
      'hep-th/9901001',
    ]);
    expect(await ids(db, { source: { kind: 'keyword', keywordId: 'k' }, limit: 10 })).toEqual([
      '2611.00001',
      'math/0703999',
      'hep-th/9901001',
      '0704.0001',
    ]);
  });
});

describe('counts and bulk changes', () => {
  it('counts unread papers per keyword and each paper once overall', async () => {
    const db = freshDb();
    await storeMatches(db, 'a', papers(1, 4), 1);
    await storeMatches(db, 'b', papers(3, 6), 1);
    await read(db, 1);
    await setSaved(db, id(6), true);
    const summary = await librarySummary(db, ['a', 'b']);
    expect(Object.fromEntries(summary.unreadByKeyword)).toEqual({ a: 3, b: 4 });
    expect(summary).toMatchObject({ unread: 5, saved: 1 });
  });

  it('marks a keyword read without touching the others, and undoes it', async () => {
    const db = freshDb();
    await storeMatches(db, 'a', papers(1, 3), 1);
    await storeMatches(db, 'b', papers(3, 4), 1);
    await read(db, 1);
    const changed = await markListRead(db, { kind: 'keyword', keywordId: 'a' });
    expect(changed.sort()).toEqual([id(2), id(3)]);
    expect((await db.papers.get(id(4)))?.read).toBe(0);
    await setReadMany(db, changed, false);
    expect(await librarySummary(db, ['a', 'b'])).toMatchObject({
      unread: 3,
      unreadByKeyword: new Map([
        ['a', 2],
        ['b', 2],
      ]),
    });
  });
});

describe('hidden papers ("Not interested")', () => {
  /** Keywords a (1–4) and b (3–6); 5 read; then 2, 3 and 6 hidden in that order. */
  async function withHidden(): Promise<AppDB> {
    const db = freshDb();
    await storeMatches(db, 'a', papers(1, 4), 1);
    await storeMatches(db, 'b', papers(3, 6), 1);
    await read(db, 5);
    await hidePapers(db, [id(2)], 100);
    await hidePapers(db, [id(3)], 200);
    await hidePapers(db, [id(6)], 300);
    return db;
  }
  const keyword = (keywordId: string) => ({ kind: 'keyword' as const, keywordId });

  it('are in no list but "Hidden", and not in a keyword’s total', async () => {
    const db = await withHidden();
    expect(await ids(db, { source: keyword('a'), limit: 10 })).toEqual([id(4), id(1)]);
    expect(await listPage(db, { source: keyword('b'), limit: 10 })).toMatchObject({ total: 2, hasMore: false });
    expect(await ids(db, { source: keyword('b'), limit: 10 })).toEqual([id(4), id(5)]);
    expect(await ids(db, { source: { kind: 'new' }, limit: 10 })).toEqual([id(4), id(1)]);
    expect(await ids(db, { source: { kind: 'saved' }, limit: 10 })).toEqual([]);
    expect(await librarySummary(db, ['a', 'b'])).toMatchObject({ unread: 2, saved: 0, hidden: 3 });
  });

  it('are listed in "Hidden" most recently hidden first, a page at a time', async () => {
    const db = await withHidden();
    const page = await listPage(db, { source: { kind: 'hidden' }, limit: 2 });
    expect(page.papers.map((p) => p.id)).toEqual([id(6), id(3)]);
    expect(page.hasMore).toBe(true);
    expect(page.keywordIds[id(3)]?.sort()).toEqual(['a', 'b']);
    expect(await ids(db, { source: { kind: 'hidden' }, limit: 10 })).toEqual([id(6), id(3), id(2)]);
  });

  it('are not kept by a pin of this visit', async () => {
    const db = await withHidden();
    const pinned = {
      [id(2)]: { read: 0 as const, saved: 1 as const, savedChanged: true },
      [id(3)]: { read: 0 as const, saved: 0 as const, readChanged: true },
    };
    expect(await ids(db, { source: keyword('a'), limit: 10, pinned })).toEqual([id(4), id(1)]);
    expect(await ids(db, { source: { kind: 'new' }, limit: 10, pinned })).toEqual([id(4), id(1)]);
    expect(await ids(db, { source: { kind: 'saved' }, limit: 10, pinned })).toEqual([]);
    expect(await ids(db, { source: { kind: 'new' }, limit: 10, pinned, search: 'paper' })).toEqual([id(4), id(1)]);
  });

  it('are found by a search only in "Hidden"', async () => {
    const db = await withHidden();
    const search = (source: ListRequest['source'], words: string) => ids(db, { source, limit: 10, search: words });
    expect(await search({ kind: 'new' }, id(3))).toEqual([]);
    expect(await search(keyword('a'), 'paper')).toEqual([id(4), id(1)]);
    expect(await search({ kind: 'saved' }, id(2))).toEqual([]);
    expect(await search({ kind: 'hidden' }, id(3))).toEqual([id(3)]);
    expect((await search({ kind: 'hidden' }, 'paper')).sort()).toEqual([id(2), id(3), id(6)]);
  });

  it('are left alone by "Mark all read" and come back unread when restored', async () => {
    const db = await withHidden();
    expect((await markListRead(db, keyword('b'))).sort()).toEqual([id(4)]);
    expect(await markListRead(db, { kind: 'hidden' })).toEqual([]);
    await restoreHiddenPapers(db, [id(3)]);
    expect(await ids(db, { source: keyword('b'), limit: 10 })).toEqual([id(3), id(5), id(4)]);
    expect(await ids(db, { source: { kind: 'new' }, limit: 10 })).toEqual([id(3), id(1)]);
    expect(await ids(db, { source: { kind: 'hidden' }, limit: 10 })).toEqual([id(6), id(2)]);
  });
});
