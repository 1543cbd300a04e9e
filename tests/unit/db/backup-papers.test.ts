import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { papersWorthKeeping, restorePaperState } from '../../../lib/db/backup-papers';
import { hidePapers } from '../../../lib/db/labels';
import { librarySummary, listPage, type ListRequest } from '../../../lib/db/paper-queries';
import { setSaved, storeMatches } from '../../../lib/db/papers';
import { putPapers } from '../../../lib/db/read-state';
import { createBackup, parseBackup } from '../../../lib/export/backup';
import type { PaperRecord } from '../../../lib/db/schema';
import { syntheticPaper } from '../../e2e/support/backup-file';
import { paper } from '../export/sample-papers';
import { entry, freshDb } from '../helpers';

const id = (n: number) => `2611.${String(n).padStart(5, '0')}`;

describe('restorePaperState', () => {
  it('reports progress after each chunk, only growing, up to every paper', async () => {
    const db = freshDb();
    const papers = Array.from({ length: 1_050 }, (_, i) => syntheticPaper(i));
    const seen: Array<[number, number]> = [];
    const outcome = await restorePaperState(db, papers, {
      chunkSize: 100,
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(outcome).toEqual({ added: 1_050, updated: 0 });
    expect(seen.map(([, total]) => total)).toEqual(Array(11).fill(1_050));
    expect(seen.map(([done]) => done)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1_000, 1_050]);
    expect(await db.papers.count()).toBe(1_050);
  });

  it('reports a finished import when the backup holds nothing worth restoring', async () => {
    const seen: Array<[number, number]> = [];
    await restorePaperState(freshDb(), [paper(id(1))], { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toEqual([[0, 0]]);
  });

  it('adds read and saved state to stored papers and never takes any away', async () => {
    const db = freshDb();
    await db.papers.bulkPut([
      paper(id(1)),
      paper(id(2), { read: 1, readAt: 5 }),
      paper(id(3), { saved: 1, savedAt: 6 }),
    ]);
    const outcome = await restorePaperState(
      db,
      [
        paper(id(1), { read: 1, readAt: 7, saved: 1, savedAt: 8, title: 'Edited elsewhere' }),
        paper(id(2), { read: 0, saved: 1, savedAt: 9 }),
        paper(id(3), { read: 1, readAt: 10, saved: 0 }),
        paper(id(4), { read: 1, readAt: 11 }),
        paper(id(5)), // neither read nor saved: not worth storing
      ],
      { chunkSize: 2 },
    );
    expect(outcome).toEqual({ added: 1, updated: 3 });
    // Only the state moves: the stored record keeps its own text.
    expect(await db.papers.get(id(1))).toMatchObject({
      title: `Paper ${id(1)}`,
      read: 1,
      readAt: 7,
      saved: 1,
      savedAt: 8,
    });
    expect(await db.papers.get(id(2))).toMatchObject({ read: 1, readAt: 5, saved: 1, savedAt: 9 });
    expect(await db.papers.get(id(3))).toMatchObject({ read: 1, readAt: 10, saved: 1, savedAt: 6 });
    expect(await db.papers.get(id(4))).toMatchObject({ read: 1, readAt: 11 });
    expect(await db.papers.get(id(5))).toBeUndefined();
  });

  it('ends, for any stored papers and any backup, with each paper read, saved or hidden if either side had it so', async () => {
    type Flags = { read: 0 | 1; saved: 0 | 1; hidden: 0 | 1 };
    const bit = fc.constantFrom(0 as const, 1 as const);
    const flags = fc.record({ read: bit, saved: bit, hidden: bit });
    // What the rule of labels makes of flags (a hand-edited backup may hold any): saved wins, hidden is read.
    const settled = (f: Flags): Flags => (f.saved ? { ...f, hidden: 0 } : f.hidden ? { ...f, read: 1 } : f);
    const side = fc.dictionary(fc.integer({ min: 1, max: 30 }).map(String), flags, { maxKeys: 30 });
    await fc.assert(
      fc.asyncProperty(side, side, fc.integer({ min: 1, max: 7 }), async (stored, backup, chunkSize) => {
        const db = freshDb();
        const record = (n: string, { read, saved, hidden }: Flags): PaperRecord =>
          paper(id(Number(n)), { read, saved, ...(hidden ? { hiddenAt: Number(n) } : {}) });
        await db.papers.bulkPut(Object.entries(stored).map(([n, f]) => record(n, settled(f))));
        await restorePaperState(
          db,
          Object.entries(backup).map(([n, f]) => record(n, f)),
          { chunkSize },
        );
        for (const n of new Set([...Object.keys(stored), ...Object.keys(backup)])) {
          const before = stored[n] && settled(stored[n]);
          const incoming = backup[n] && settled(backup[n]);
          let expected: Flags | undefined;
          if (before) {
            const saved = before.saved || (incoming?.saved ?? 0);
            const hidden = saved ? 0 : before.hidden || (incoming?.hidden ?? 0);
            expected = { read: before.read || (incoming?.read ?? 0) || hidden, saved, hidden };
          } else if (incoming && (incoming.read || incoming.saved || incoming.hidden)) {
            expected = incoming;
          }
          const after = await db.papers.get(id(Number(n)));
          expect(
            after && { read: after.read, saved: after.saved, hidden: after.hiddenAt === undefined ? 0 : 1 },
          ).toEqual(expected);
        }
        db.close();
      }),
      { numRuns: 60 },
    );
  });

  it('brings a hidden paper back hidden, and a save on either side wins over it', async () => {
    const db = freshDb();
    await putPapers(db, [paper(id(1), { saved: 1, savedAt: 3 }), paper(id(2), { read: 1, readAt: 4, hiddenAt: 4 })]);
    const outcome = await restorePaperState(db, [
      paper(id(1), { read: 1, readAt: 5, hiddenAt: 5 }),
      paper(id(2), { saved: 1, savedAt: 6 }),
      paper(id(3), { read: 1, readAt: 7, hiddenAt: 7 }),
    ]);
    expect(outcome).toEqual({ added: 1, updated: 2 });
    expect(await db.papers.get(id(1))).toMatchObject({ saved: 1, savedAt: 3, read: 1, readAt: 5 });
    expect(await db.papers.get(id(2))).toMatchObject({ saved: 1, savedAt: 6, read: 1, readAt: 4 });
    expect((await db.papers.bulkGet([id(1), id(2)])).map((p) => p?.hiddenAt)).toEqual([undefined, undefined]);
    expect(await db.papers.get(id(3))).toMatchObject({ hiddenAt: 7, read: 1 });
    expect((await librarySummary(db, [])).hidden).toBe(1);
  });
});

describe('a backup carrying scores', () => {
  it("never brings a score or a reason in: they are worked out from this library's labels", async () => {
    const db = freshDb();
    await restorePaperState(db, [{ ...syntheticPaper(1), saved: 1, savedAt: 5, score: 9, scoreWhy: ['bogus'] }]);
    const stored = (await db.papers.toArray())[0]!;
    expect(stored.saved).toBe(1);
    expect(stored.score).toBeUndefined();
    expect(stored.scoreWhy).toBeUndefined();
    expect((await listPage(db, { source: { kind: 'forYou' }, limit: 10 })).papers).toEqual([]);
  });
});

describe('a backup of hidden papers', () => {
  it('restores them on another device hidden, with their keyword lists and counts right', async () => {
    const here = freshDb();
    await storeMatches(here, 'k', [entry(id(1)), entry(id(2)), entry(id(3))], 1);
    await hidePapers(here, [id(2)], 100);
    await setSaved(here, id(3), true, 110);
    const text = createBackup({
      keywords: [],
      settings: null,
      papers: await papersWorthKeeping(here),
      now: new Date(),
    });
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.message);

    const there = freshDb();
    await restorePaperState(there, parsed.backup.papers);
    // The keyword's first check there finds the papers again: the hidden one stays out of its list.
    await storeMatches(there, 'k', [entry(id(1)), entry(id(2)), entry(id(3))], 200);
    const ids = async (source: ListRequest['source']) =>
      (await listPage(there, { source, limit: 10 })).papers.map((p) => p.id);
    expect(await ids({ kind: 'hidden' })).toEqual([id(2)]);
    expect(await ids({ kind: 'keyword', keywordId: 'k' })).toEqual([id(3), id(1)]);
    expect(await ids({ kind: 'saved' })).toEqual([id(3)]);
    expect(await there.papers.get(id(2))).toMatchObject({ hiddenAt: 100, read: 1, readAt: 100, saved: 0 });
    expect(await librarySummary(there, ['k'])).toEqual(await librarySummary(here, ['k']));
  });
});

describe('papersWorthKeeping', () => {
  it('keeps hidden papers', async () => {
    const db = freshDb();
    await storeMatches(db, 'k', [entry(id(1)), entry(id(2))], 1);
    await hidePapers(db, [id(2)], 100);
    expect((await papersWorthKeeping(db)).map((p) => [p.id, p.hiddenAt])).toEqual([[id(2), 100]]);
  });

  it('reads every read or saved paper, in id order, and no unread one', async () => {
    const db = freshDb();
    const papers = Array.from({ length: 2_500 }, (_, n) =>
      paper(id(n), { read: n % 3 === 0 ? 1 : 0, saved: n % 5 === 0 ? 1 : 0 }),
    );
    await db.papers.bulkPut([...papers].reverse());
    const kept = await papersWorthKeeping(db);
    expect(kept.map((p) => p.id)).toEqual(papers.filter((p) => p.read || p.saved).map((p) => p.id));
    expect(kept[1]).toEqual(papers[3]);
  });
});
