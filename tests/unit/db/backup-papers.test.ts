import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { papersWorthKeeping, restorePaperState } from '../../../lib/db/backup-papers';
import type { PaperRecord } from '../../../lib/db/schema';
import { syntheticPaper } from '../../e2e/support/backup-file';
import { paper } from '../export/sample-papers';
import { freshDb } from '../helpers';

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

  it('ends, for any stored papers and any backup, with each paper read or saved if either side had it so', async () => {
    const flags = fc.record({
      read: fc.constantFrom(0 as const, 1 as const),
      saved: fc.constantFrom(0 as const, 1 as const),
    });
    const side = fc.dictionary(fc.integer({ min: 1, max: 30 }).map(String), flags, { maxKeys: 30 });
    await fc.assert(
      fc.asyncProperty(side, side, fc.integer({ min: 1, max: 7 }), async (stored, backup, chunkSize) => {
        const db = freshDb();
        const record = (n: string, f: { read: 0 | 1; saved: 0 | 1 }): PaperRecord => paper(id(Number(n)), f);
        await db.papers.bulkPut(Object.entries(stored).map(([n, f]) => record(n, f)));
        await restorePaperState(
          db,
          Object.entries(backup).map(([n, f]) => record(n, f)),
          { chunkSize },
        );
        for (const n of new Set([...Object.keys(stored), ...Object.keys(backup)])) {
          const before = stored[n];
          const incoming = backup[n];
          const expected = before
            ? { read: before.read || (incoming?.read ?? 0), saved: before.saved || (incoming?.saved ?? 0) }
            : incoming && (incoming.read || incoming.saved)
              ? incoming
              : undefined;
          const after = await db.papers.get(id(Number(n)));
          expect(after && { read: after.read, saved: after.saved }).toEqual(expected);
        }
        db.close();
      }),
      { numRuns: 60 },
    );
  });
});

describe('papersWorthKeeping', () => {
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
