import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { AppDB } from '../../../lib/db/app-db';
import { librarySummary, listPage } from '../../../lib/db/paper-queries';
import { hidePapers } from '../../../lib/db/labels';
import { papersForKeyword, setRead, setSaved, storeMatches } from '../../../lib/db/papers';
import { searchDoc } from '../../../lib/db/search-index';
import { searchPaperIds } from '../../../lib/db/search-query';
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

/** The schema of version 2 exactly as it shipped. */
function openVersion2(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({
    papers: 'id, read, saved',
    matches: '[keywordId+paperId], paperId, [keywordId+published]',
    keywordStates: 'keywordId',
  });
  db.version(2).stores({
    matches: '[keywordId+paperId], paperId, [keywordId+listedAt]',
    seen: 'id',
    cycles: 'key',
    checkLog: '++id, startedAt',
    notificationTargets: 'notificationId, createdAt',
  });
  return db;
}

/** The schema of version 4 exactly as it shipped (versions 1 to 4). */
function openVersion4(name: string): Dexie {
  const db = openVersion2(name);
  db.version(3).stores({
    known: '[keywordId+paperId], [keywordId+published], paperId',
    announced: 'id',
    lookups: 'paperId',
    meta: 'key',
    readMemory: 'id',
  });
  db.version(4).stores({ seen: null });
  return db;
}

/**
 * The schema of version 6 exactly as it shipped (versions 1 to 6). Its tables carry the same names
 * as AppDB's, so the store functions of that version (unchanged since) write it as it did.
 */
function openVersion6(name: string): AppDB {
  const db = openVersion4(name);
  db.version(5).stores({
    papers: 'id, read, saved, [read+published], [saved+published], [saved+id]',
    matches: '[keywordId+paperId], paperId, [keywordId+listedAt], [keywordId+read+listedAt]',
    counters: 'key',
  });
  db.version(6).stores({ searchDocs: 'id', searchTerms: 'key' });
  return db as AppDB;
}

describe('database migrations', () => {
  it('opens a version 6 database with its data intact, nothing hidden, and hides papers from then on', async () => {
    const name = `migration-${Math.random().toString(36).slice(2)}`;
    const old = openVersion6(name);
    const graphs = entry('2611.00001', { title: 'Spectral graphs', published: '2026-11-19T10:00:00Z' });
    const both = entry('2611.00002', { title: 'Graph transformers' });
    const other = entry('hep-th/9901001', { title: 'Quantum strings', published: '1999-01-04T00:00:00Z' });
    await storeMatches(old, 'k1', [graphs, both], 5);
    await storeMatches(old, 'k2', [both, other], 6);
    await setRead(old, graphs.id, true, 7);
    await setSaved(old, other.id, true, 8);
    const tables = async (db: AppDB) =>
      Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)));
    const before = await tables(old);
    expect(old.verno).toBe(6);
    old.close();

    const db = new AppDB(name);
    await db.open();
    expect(db.verno).toBe(7);
    expect(await tables(db)).toEqual(before);
    expect(await librarySummary(db, ['k1', 'k2'])).toEqual({
      unread: 2,
      saved: 1,
      hidden: 0,
      unreadByKeyword: new Map([
        ['k1', 1],
        ['k2', 2],
      ]),
    });
    expect((await listPage(db, { source: { kind: 'hidden' }, limit: 5 })).papers).toEqual([]);
    expect(await searchPaperIds(db, 'graph')).toEqual([both.id, graphs.id]);

    await hidePapers(db, [both.id], 9);
    expect((await listPage(db, { source: { kind: 'hidden' }, limit: 5 })).papers.map((p) => p.id)).toEqual([both.id]);
    expect(
      (await listPage(db, { source: { kind: 'keyword', keywordId: 'k2' }, limit: 5 })).papers.map((p) => p.id),
    ).toEqual([other.id]);
    expect(await librarySummary(db, ['k1', 'k2'])).toMatchObject({ unread: 1, hidden: 1 });
    db.close();
  });

  it('opens a version 4 database with its papers intact and finds them by search', async () => {
    const name = `migration-${Math.random().toString(36).slice(2)}`;
    const old = openVersion4(name);
    // More papers than the upgrade indexes per write, so that it has to continue where it stopped.
    const papers = Array.from({ length: 1_201 }, (_, i) => ({
      ...entry(`2611.${String(i).padStart(5, '0')}`, { title: `Routine result ${i}` }),
      firstSeenAt: 5,
      read: 0,
      saved: 0,
    }));
    const special = {
      ...entry('hep-th/9901001', {
        title: 'Quantum strings',
        authors: [{ name: 'Erwin Schrödinger', affiliations: [] }],
        summary: 'Waves on branes.',
        comment: 'Nucl. Phys.',
      }),
      firstSeenAt: 5,
      read: 1,
      readAt: 6,
      saved: 1,
      savedAt: 7,
    };
    await old.table('papers').bulkAdd([...papers, special]);
    await old.table('matches').add({
      keywordId: 'k1',
      paperId: special.id,
      firstSeenAt: 5,
      published: special.published,
      listedAt: special.published,
    });
    old.close();

    const db = new AppDB(name);
    expect(await db.papers.get(special.id)).toEqual(special);
    expect(await db.papers.count()).toBe(1_202);
    expect((await papersForKeyword(db, 'k1')).map((p) => p.id)).toEqual([special.id]);
    expect(await searchPaperIds(db, 'schrodinger branes')).toEqual([special.id]);
    expect(await searchPaperIds(db, 'routine 1200')).toEqual(['2611.01200']);
    expect((await searchPaperIds(db, 'routine')).length).toBe(1_201);
    // The index is exactly the one the extension writes for new papers.
    expect(await db.searchDocs.get('2611.00000')).toEqual(searchDoc(papers[0]!));
    expect(await db.searchDocs.count()).toBe(1_202);
    db.close();
  });

  it("opens a version 4 database with its data intact, each match carrying its paper's read flag", async () => {
    const name = `migration-${Math.random().toString(36).slice(2)}`;
    const old = openVersion4(name);
    const read = { ...entry('2611.00001'), firstSeenAt: 5, read: 1, readAt: 9, saved: 0 };
    const saved = { ...entry('2611.00002', { published: '2026-11-21T10:00:00Z' }), firstSeenAt: 5, read: 0, saved: 1 };
    const oldStyle = {
      ...entry('hep-th/9901001', { published: '1999-01-04T00:00:00Z' }),
      firstSeenAt: 5,
      read: 0,
      saved: 1,
    };
    await old.table('papers').bulkAdd([read, saved, oldStyle]);
    const match = (keywordId: string, paper: { id: string; published: string }) => ({
      keywordId,
      paperId: paper.id,
      firstSeenAt: 5,
      published: paper.published,
      listedAt: paper.published,
    });
    await old
      .table('matches')
      .bulkAdd([match('k1', read), match('k1', saved), match('k2', read), match('k2', oldStyle)]);
    await old.table('known').bulkAdd([{ keywordId: 'k1', paperId: '2611.00001', published: read.published }]);
    await old.table('readMemory').add({ id: '2611.00009', readAt: 3 });
    await old.table('meta').put({ key: 'epoch', value: 2 });
    old.close();

    const db = new AppDB(name);
    expect(await db.papers.toArray()).toEqual([read, saved, oldStyle]);
    expect((await db.matches.toArray()).map((m) => [m.keywordId, m.paperId, m.read])).toEqual([
      ['k1', '2611.00001', 1],
      ['k1', '2611.00002', 0],
      ['k2', '2611.00001', 1],
      ['k2', 'hep-th/9901001', 0],
    ]);
    expect(await db.matches.get(['k1', '2611.00002'])).toEqual({ ...match('k1', saved), read: 0 });
    // The counters start from the data: two unread papers, two saved, one unread per keyword.
    const summary = await librarySummary(db, ['k1', 'k2']);
    expect(summary).toMatchObject({ unread: 2, saved: 2 });
    expect(Object.fromEntries(summary.unreadByKeyword)).toEqual({ k1: 1, k2: 1 });
    expect((await listPage(db, { source: { kind: 'saved' }, limit: 5 })).papers.map((p) => p.id)).toEqual([
      '2611.00002',
      'hep-th/9901001',
    ]);
    expect(
      (await listPage(db, { source: { kind: 'keyword', keywordId: 'k2' }, limit: 5 })).papers.map((p) => p.id),
    ).toEqual(['hep-th/9901001', '2611.00001']);
    expect(await db.known.count()).toBe(1);
    expect(await db.readMemory.get('2611.00009')).toEqual({ id: '2611.00009', readAt: 3 });
    expect(await db.meta.get('epoch')).toEqual({ key: 'epoch', value: 2 });
    db.close();
  });

  it('opens a version 2 database with its data intact, knowing what each keyword matched', async () => {
    const name = `migration-${Math.random().toString(36).slice(2)}`;
    const old = openVersion2(name);
    const saved = { ...entry('2611.00002'), firstSeenAt: 5, read: 1, readAt: 6, saved: 1, savedAt: 7 };
    await old.table('papers').add(saved);
    await old.table('matches').add({
      keywordId: 'k1',
      paperId: '2611.00002',
      firstSeenAt: 5,
      published: saved.published,
      listedAt: saved.published,
    });
    // 2611.00001 was pruned long ago: only version 2's memory of ids knows it.
    await old.table('seen').bulkAdd([
      { id: '2611.00001', firstSeenAt: 3 },
      { id: '2611.00002', firstSeenAt: 5 },
    ]);
    await old
      .table('keywordStates')
      .add({ keywordId: 'k1', initialized: true, lastTotal: 2, lastSuccessAt: 5, coveredSince: 0 });
    await old.table('cycles').put({ key: 'current', id: 'old', startedAt: 1, steps: [], doneSteps: [] });
    await old.table('checkLog').add({ startedAt: 1, finishedAt: 2, outcomes: [], requests: 1, bytes: 10 });
    await old.table('notificationTargets').put({ notificationId: 'n', paperId: '2611.00002', createdAt: 2 });
    old.close();

    const db = new AppDB(name);
    expect(await db.papers.get('2611.00002')).toEqual(saved);
    expect((await papersForKeyword(db, 'k1')).map((p) => p.id)).toEqual(['2611.00002']);
    expect(await db.keywordStates.get('k1')).toMatchObject({ initialized: true, lastSuccessAt: 5, coveredSince: 0 });
    expect((await db.announced.toCollection().primaryKeys()).sort()).toEqual(['2611.00001', '2611.00002']);
    expect(await db.known.toArray()).toEqual([{ keywordId: 'k1', paperId: '2611.00002', published: saved.published }]);
    expect(await db.checkLog.count()).toBe(1);
    expect(await db.notificationTargets.get('n')).toMatchObject({ paperId: '2611.00002' });
    // An unfinished version 2 check has another shape: the next check starts anew.
    expect(await db.cycles.count()).toBe(0);
    expect(db.tables.map((t) => t.name)).not.toContain('seen');
    db.close();
  });

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
    // Every stored paper counts as announced, so none can be announced again, and each keyword
    // knows what it matched.
    expect((await db.announced.toArray()).map((s) => s.id).sort()).toEqual(['2611.00001', '2611.00002']);
    expect((await db.known.toArray()).map((k) => [k.keywordId, k.paperId])).toEqual([
      ['k1', '2611.00001'],
      ['k1', '2611.00002'],
    ]);
    // Lists keep their order through the new index.
    expect((await papersForKeyword(db, 'k1')).map((p) => p.id)).toEqual(['2611.00002', '2611.00001']);
    expect(await db.keywordStates.get('k1')).toMatchObject({ initialized: true, lastSuccessAt: 5 });
    expect(await db.cycles.count()).toBe(0);
    db.close();
  });
});
