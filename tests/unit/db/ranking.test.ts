import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../../lib/db/ranking';
import { entry, freshDb } from '../helpers';

describe('readLibrary', () => {
  it('reads every paper once, in id order, across its short transactions', async () => {
    const db = freshDb();
    const ids = Array.from({ length: 4_001 }, (_, i) => `2611.${String(i).padStart(5, '0')}`);
    await db.papers.bulkAdd(
      [...ids].reverse().map((id) => ({ ...entry(id), firstSeenAt: 1, read: 0 as const, saved: 0 as const })),
    );
    expect((await readLibrary(db)).map((p) => p.id)).toEqual(ids);
    expect(await readLibrary(freshDb())).toEqual([]);
  });
});
