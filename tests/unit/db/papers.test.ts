import { describe, expect, it } from 'vitest';
import { countUnread, papersForKeyword, removeKeywordData, setRead, storeMatches } from '../../../lib/db/papers';
import { entry, freshDb } from '../helpers';
import { updatePaperFlags } from '../../../lib/db/read-state';

describe('storeMatches', () => {
  it('stores a paper once even when several keywords match it', async () => {
    const db = freshDb();
    const first = await storeMatches(db, 'k1', [entry('2611.00001'), entry('2611.00002')], 1);
    const second = await storeMatches(db, 'k2', [entry('2611.00001')], 2);
    expect(first.addedPaperIds).toEqual(['2611.00001', '2611.00002']);
    expect(second.addedPaperIds).toEqual([]);
    expect(second.newMatchIds).toEqual(['2611.00001']);
    expect(await db.papers.count()).toBe(2);
    expect((await papersForKeyword(db, 'k2')).map((p) => p.id)).toEqual(['2611.00001']);
  });

  it('lists news by the time it was found and the rest by submission, and remembers both as known', async () => {
    const db = freshDb();
    const found = Date.parse('2026-11-22T00:00:00Z');
    await storeMatches(
      db,
      'k1',
      [
        entry('2611.00003', { published: '2026-11-21T00:00:00Z' }),
        entry('2611.00002', { published: '2026-11-01T00:00:00Z' }),
      ],
      found,
      { news: new Set(['2611.00002']) },
    );
    const matches = await db.matches.toArray();
    expect(Object.fromEntries(matches.map((m) => [m.paperId, m.listedAt]))).toEqual({
      '2611.00002': '2026-11-22T00:00:00.000Z',
      '2611.00003': '2026-11-21T00:00:00Z',
    });
    expect((await papersForKeyword(db, 'k1')).map((p) => p.id)).toEqual(['2611.00002', '2611.00003']);
    expect((await db.known.toArray()).map((k) => [k.keywordId, k.paperId])).toEqual([
      ['k1', '2611.00002'],
      ['k1', '2611.00003'],
    ]);
  });

  it('updates a new version in place, flags it revised and keeps read state', async () => {
    const db = freshDb();
    await storeMatches(db, 'k1', [entry('2611.00001')], 1);
    await setRead(db, '2611.00001', true, 5);
    const outcome = await storeMatches(db, 'k1', [entry('2611.00001', { version: 2, title: 'Better title' })], 10);
    expect(outcome).toEqual({ addedPaperIds: [], revisedPaperIds: ['2611.00001'], newMatchIds: [] });
    const paper = await db.papers.get('2611.00001');
    expect(paper).toMatchObject({
      version: 2,
      title: 'Better title',
      revisedAt: 10,
      read: 1,
      readAt: 5,
      firstSeenAt: 1,
    });
  });

  it('ignores an older or equal version', async () => {
    const db = freshDb();
    await storeMatches(db, 'k1', [entry('2611.00001', { version: 3, title: 'v3' })], 1);
    const outcome = await storeMatches(db, 'k1', [entry('2611.00001', { version: 2, title: 'v2' })], 2);
    expect(outcome.revisedPaperIds).toEqual([]);
    expect((await db.papers.get('2611.00001'))?.title).toBe('v3');
  });

  it('lists a keyword newest first', async () => {
    const db = freshDb();
    await storeMatches(
      db,
      'k1',
      [
        entry('2611.00001', { published: '2026-11-01T00:00:00Z' }),
        entry('2611.00003', { published: '2026-11-03T00:00:00Z' }),
        entry('2611.00002', { published: '2026-11-02T00:00:00Z' }),
      ],
      1,
    );
    expect((await papersForKeyword(db, 'k1')).map((p) => p.id)).toEqual(['2611.00003', '2611.00002', '2611.00001']);
  });
});

describe('unread counts', () => {
  it('counts each paper once overall', async () => {
    const db = freshDb();
    await storeMatches(db, 'k1', [entry('2611.00001'), entry('2611.00002')], 1);
    await storeMatches(db, 'k2', [entry('2611.00002')], 1);
    expect(await countUnread(db)).toBe(2);
    await setRead(db, '2611.00002', true);
    expect(await countUnread(db)).toBe(1);
  });
});

describe('removeKeywordData', () => {
  it('removes matches and orphaned papers, but keeps saved ones and shared ones', async () => {
    const db = freshDb();
    await storeMatches(db, 'k1', [entry('2611.00001'), entry('2611.00002'), entry('2611.00003')], 1);
    await storeMatches(db, 'k2', [entry('2611.00002')], 1);
    await updatePaperFlags(db, [{ id: '2611.00003', changes: { saved: 1 } }]);
    await db.keywordStates.put({ keywordId: 'k1', initialized: true, lastTotal: 3 });
    await removeKeywordData(db, 'k1');
    expect((await db.papers.toCollection().primaryKeys()).sort()).toEqual(['2611.00002', '2611.00003']);
    expect(await papersForKeyword(db, 'k1')).toEqual([]);
    expect(await db.keywordStates.get('k1')).toBeUndefined();
    expect(await db.known.where('[keywordId+paperId]').between(['k1', ''], ['k1', '\uffff']).count()).toBe(0);
    expect((await papersForKeyword(db, 'k2')).map((p) => p.id)).toEqual(['2611.00002']);
  });
});

describe('read state of deleted papers', () => {
  it('comes back when a keyword finds the paper again', async () => {
    const db = freshDb();
    await storeMatches(db, 'k1', [entry('2611.00001'), entry('2611.00002')], 1);
    await setRead(db, '2611.00001', true, 5);
    await removeKeywordData(db, 'k1');
    expect(await db.papers.count()).toBe(0);
    await storeMatches(db, 'k2', [entry('2611.00001'), entry('2611.00002')], 9);
    expect(await db.papers.get('2611.00001')).toMatchObject({ read: 1, readAt: 5 });
    expect(await db.papers.get('2611.00002')).toMatchObject({ read: 0 });
    expect(await db.readMemory.count()).toBe(0);
  });
});
