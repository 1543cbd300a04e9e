import { describe, expect, it } from 'vitest';
import type { AppDB } from '../../../lib/db/app-db';
import { listPage, setReadMany, type ListRequest } from '../../../lib/db/paper-queries';
import { storeMatches } from '../../../lib/db/papers';
import { entry, freshDb } from '../helpers';

const id = (n: number) => `2611.${String(n).padStart(5, '0')}`;
const papers = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) =>
    entry(id(from + i), { published: new Date(Date.UTC(2026, 0, 1) + (from + i) * 60_000).toISOString() }),
  );

async function ids(db: AppDB, request: ListRequest): Promise<string[]> {
  return (await listPage(db, request)).papers.map((p) => p.id);
}

/** Scores as the worker writes them (n → score). */
async function score(db: AppDB, scores: Record<number, number>): Promise<void> {
  await db.papers.bulkUpdate(
    Object.entries(scores).map(([n, value]) => ({
      key: id(Number(n)),
      changes: { score: value, scoreWhy: ['graph'] },
    })),
  );
}

describe('the "For you" list', () => {
  it('lists the unread scored papers best first, with the keywords of each', async () => {
    const db = freshDb();
    await storeMatches(db, 'k', papers(1, 6), 1);
    await score(db, { 1: 0.5, 2: -0.2, 3: 0.9, 4: 0.1, 5: 2 });
    await setReadMany(db, [id(5)], true);
    const page = await listPage(db, { source: { kind: 'forYou' }, limit: 3 });
    expect(page.papers.map((p) => p.id)).toEqual([id(3), id(1), id(4)]);
    expect(page.hasMore).toBe(true);
    expect(page.keywordIds[id(3)]).toEqual(['k']);
    // Paper 6 has no score yet (stored after the last training): not ranked, not invented.
    expect(await ids(db, { source: { kind: 'forYou' }, limit: 10 })).toEqual([id(3), id(1), id(4), id(2)]);
  });

  it('keeps a paper read in this visit in its place, and drops one hidden', async () => {
    const db = freshDb();
    await storeMatches(db, 'k', papers(1, 3), 1);
    await score(db, { 1: 1, 2: 2, 3: 3 });
    await setReadMany(db, [id(3)], true);
    const pinned = { [id(3)]: { read: 0 as const, saved: 0 as const, readChanged: true } };
    expect(await ids(db, { source: { kind: 'forYou' }, limit: 10, pinned })).toEqual([id(3), id(2), id(1)]);
    await db.papers.update(id(2), { hiddenAt: 5 });
    expect(await ids(db, { source: { kind: 'forYou' }, limit: 10, pinned })).toEqual([id(3), id(1)]);
  });
});

describe('a keyword list sorted "For you"', () => {
  it('puts unread papers first, each group best first, unscored ones last by date', async () => {
    const db = freshDb();
    await storeMatches(db, 'k', papers(1, 6), 1);
    await score(db, { 1: 3, 2: 1, 3: 2, 4: 5 });
    await setReadMany(db, [id(1), id(4)], true);
    const request: ListRequest = { source: { kind: 'keyword', keywordId: 'k' }, limit: 10, sort: 'forYou' };
    expect(await ids(db, request)).toEqual([id(3), id(2), id(6), id(5), id(4), id(1)]);
    const page = await listPage(db, { ...request, limit: 2 });
    expect(page).toMatchObject({ total: 6, hasMore: true });
    // The default order is untouched.
    expect(await ids(db, { ...request, sort: 'newest' })).toEqual([id(6), id(5), id(3), id(2), id(4), id(1)]);
  });
});
