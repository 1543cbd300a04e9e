import { describe, expect, it } from 'vitest';
import type { AppDB } from '../../../lib/db/app-db';
import { hidePapers, markedReadUndo, restoreHiddenPapers, undoFlagChanges } from '../../../lib/db/labels';
import { librarySummary, markListRead } from '../../../lib/db/paper-queries';
import { setRead, setSaved, storeMatches } from '../../../lib/db/papers';
import { entry, freshDb } from '../helpers';

const A = '2611.00001';
const B = '2611.00002';
const C = '2611.00003';

/** Keyword k1 lists A, B and C, keyword k2 lists B; B is saved. */
async function library(): Promise<AppDB> {
  const db = freshDb();
  await storeMatches(db, 'k1', [entry(A), entry(B), entry(C)], 1);
  await storeMatches(db, 'k2', [entry(B)], 1);
  await setSaved(db, B, true, 50);
  return db;
}

async function copies(db: AppDB, id: string): Promise<number[]> {
  return (await db.matches.where('paperId').equals(id).toArray()).map((m) => m.read);
}

async function counts(db: AppDB) {
  const summary = await librarySummary(db, ['k1', 'k2']);
  return { ...summary, unreadByKeyword: Object.fromEntries(summary.unreadByKeyword) };
}

describe('hiding a paper ("Not interested")', () => {
  it('leaves a saved paper alone: a save is undone on purpose first', async () => {
    const db = await library();
    const before = await db.papers.get(B);
    expect(await hidePapers(db, [B], 100)).toEqual([]);
    expect(await db.papers.get(B)).toEqual(before);
    expect(await copies(db, B)).toEqual([0, 0]);
    expect((await counts(db)).hidden).toBe(0);
  });

  it('marks it read, moves its matches out of both ranges and counts it hidden', async () => {
    const db = await library();
    await setSaved(db, B, false, 60);
    const undo = await hidePapers(db, [B], 100);
    expect(await db.papers.get(B)).toMatchObject({ hiddenAt: 100, read: 1, readAt: 100, saved: 0 });
    expect(await copies(db, B)).toEqual([2, 2]);
    expect(await counts(db)).toEqual({ unread: 2, saved: 0, hidden: 1, unreadByKeyword: { k1: 2, k2: 0 } });
    expect(undo).toHaveLength(1);
  });

  it('is undone exactly: flags, matches and counters as before', async () => {
    const db = await library();
    await setSaved(db, B, false, 60);
    const before = await db.papers.get(B);
    const countsBefore = await counts(db);
    await undoFlagChanges(db, await hidePapers(db, [B], 100));
    expect(await db.papers.get(B)).toEqual(before);
    expect(await copies(db, B)).toEqual([0, 0]);
    expect(await counts(db)).toEqual(countsBefore);
  });

  it('leaves a hidden paper alone when hidden again, and keeps the time it was first hidden', async () => {
    const db = await library();
    await hidePapers(db, [A], 100);
    expect(await hidePapers(db, [A, 'missing'], 200)).toEqual([]);
    expect((await db.papers.get(A))?.hiddenAt).toBe(100);
    expect((await counts(db)).hidden).toBe(1);
  });

  it('keeps the read time of a paper read before', async () => {
    const db = await library();
    await setRead(db, C, true, 70);
    await hidePapers(db, [C], 100);
    expect(await db.papers.get(C)).toMatchObject({ read: 1, readAt: 70, hiddenAt: 100 });
  });

  it('gives a match found later the hidden copy', async () => {
    const db = await library();
    await hidePapers(db, [A], 100);
    await storeMatches(db, 'k2', [entry(A)], 200);
    expect(await copies(db, A)).toEqual([2, 2]);
    expect((await counts(db)).unreadByKeyword).toEqual({ k1: 2, k2: 1 });
  });
});

describe('restoring a hidden paper', () => {
  it('brings it back unread, in its keywords’ unread ranges', async () => {
    const db = await library();
    await setSaved(db, B, false, 60);
    await hidePapers(db, [B], 100);
    const undo = await restoreHiddenPapers(db, [B, A]);
    expect(undo.map((u) => u.id)).toEqual([B]);
    const restored = (await db.papers.get(B))!;
    expect(restored).toMatchObject({ read: 0, saved: 0 });
    expect('hiddenAt' in restored || 'readAt' in restored).toBe(false);
    expect(await copies(db, B)).toEqual([0, 0]);
    expect(await counts(db)).toEqual({ unread: 3, saved: 0, hidden: 0, unreadByKeyword: { k1: 3, k2: 1 } });
    // Undoing the restore hides it again as it was.
    await undoFlagChanges(db, undo);
    expect(await db.papers.get(B)).toMatchObject({ hiddenAt: 100, read: 1, readAt: 100, saved: 0 });
    expect((await counts(db)).hidden).toBe(1);
  });

  it('happens too when a hidden paper is marked unread or saved', async () => {
    const db = await library();
    await hidePapers(db, [A, C], 100);
    await setRead(db, A, false);
    await setSaved(db, C, true, 120);
    expect((await db.papers.get(A))?.hiddenAt).toBeUndefined();
    expect(await db.papers.get(C)).toMatchObject({ saved: 1, savedAt: 120, read: 1 });
    expect((await db.papers.get(C))?.hiddenAt).toBeUndefined();
    expect(await copies(db, C)).toEqual([1]);
    expect(await counts(db)).toMatchObject({ hidden: 0, saved: 2, unread: 2 });
    // Marking a hidden paper read leaves it hidden.
    await hidePapers(db, [A], 130);
    await setRead(db, A, true, 140);
    expect(await db.papers.get(A)).toMatchObject({ hiddenAt: 130, read: 1 });
    expect(await counts(db)).toMatchObject({ hidden: 1, unread: 1 });
  });
});

describe('undo', () => {
  it('never overrides what the user did to a paper since', async () => {
    const db = await library();
    const hidden = await hidePapers(db, [A], 100);
    await restoreHiddenPapers(db, [A]);
    await setRead(db, A, true, 110);
    await undoFlagChanges(db, hidden);
    expect(await db.papers.get(A)).toMatchObject({ read: 1, readAt: 110 });
    expect((await db.papers.get(A))?.hiddenAt).toBeUndefined();
  });

  it('of "Mark all read" leaves a paper hidden since hidden, and read', async () => {
    const db = await library();
    const ids = await markListRead(db, { kind: 'keyword', keywordId: 'k1' }, 100);
    await hidePapers(db, [C], 110);
    await undoFlagChanges(db, markedReadUndo(ids));
    expect(await db.papers.get(C)).toMatchObject({ read: 1, hiddenAt: 110 });
    expect(await db.papers.get(A)).toMatchObject({ read: 0 });
    expect(await counts(db)).toEqual({ unread: 2, saved: 1, hidden: 1, unreadByKeyword: { k1: 2, k2: 1 } });
  });
});
