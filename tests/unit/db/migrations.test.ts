import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { AppDB } from '../../../lib/db/app-db';
import { papersForKeyword } from '../../../lib/db/papers';
import { entry } from '../helpers';

/** The schema of version 1 exactly as it shipped, to write a database the way that version did. */
function openVersion1(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({
    papers: 'id, read, saved',
    matches: '[keywordId+paperId], paperId, [keywordId+published]',
    keywordStates: 'keywordId',
  });
  return db;
}

describe('database migrations', () => {
  it('opens a version 1 database with papers, matches, read and saved state intact', async () => {
    const name = `migration-${Math.random().toString(36).slice(2)}`;
    const old = openVersion1(name);
    const read = { ...entry('2611.00001'), firstSeenAt: 5, read: 1, readAt: 9, saved: 0 };
    const saved = { ...entry('2611.00002', { published: '2026-11-21T10:00:00Z' }), firstSeenAt: 5, read: 0, saved: 1 };
    await old.table('papers').bulkAdd([read, saved]);
    await old.table('matches').bulkAdd([
      { keywordId: 'k1', paperId: '2611.00001', firstSeenAt: 5, published: read.published },
      { keywordId: 'k1', paperId: '2611.00002', firstSeenAt: 5, published: saved.published },
    ]);
    await old.table('keywordStates').add({ keywordId: 'k1', initialized: true, lastTotal: 2, lastSuccessAt: 5 });
    old.close();

    const db = new AppDB(name);
    expect(await db.papers.get('2611.00001')).toMatchObject({ read: 1, readAt: 9, saved: 0, title: read.title });
    expect(await db.papers.get('2611.00002')).toMatchObject({ read: 0, saved: 1 });
    // Every stored paper counts as seen, so none can be announced again.
    expect((await db.seen.toArray()).map((s) => s.id).sort()).toEqual(['2611.00001', '2611.00002']);
    // Lists keep their order through the new index.
    expect((await papersForKeyword(db, 'k1')).map((p) => p.id)).toEqual(['2611.00002', '2611.00001']);
    expect(await db.keywordStates.get('k1')).toMatchObject({ initialized: true, lastSuccessAt: 5 });
    expect(await db.cycles.count()).toBe(0);
    db.close();
  });
});
