import { describe, expect, it } from 'vitest';
import { groupKnowledge } from '../../../lib/db/known';
import { EVERY_KEYWORD, groupSignature, heardByEveryKeyword, settledPapers } from '../../../lib/check/heard';
import { storeMatches } from '../../../lib/db/papers';
import { createKeyword } from '../../../lib/keywords/keyword';
import { entry, freshDb } from '../helpers';

const WEEK_START = '2026-11-11T00:00:00Z';

describe('who has had its say on a paper', () => {
  it('signs a group by its keywords and their queries, whatever their order', () => {
    const a = { keywordIds: ['a', 'b'], queries: { a: 'ti:"x"', b: 'ti:"y"' } };
    expect(groupSignature(a)).toBe(groupSignature({ ...a, keywordIds: ['b', 'a'] }));
    expect(groupSignature(a)).not.toBe(groupSignature({ ...a, queries: { a: 'ti:"x"', b: 'ti:"z"' } }));
    expect(groupSignature(a)).not.toBe(groupSignature({ keywordIds: ['a'], queries: { a: 'ti:"x"' } }));
  });

  it("leaves a fill's paper unmarked when another keyword may claim it and never saw it", async () => {
    const db = freshDb();
    const [beta, delta, gamma] = ['beta', 'delta', 'gamma'].map((w) => createKeyword(w));
    const both = entry('2611.00001', { title: 'beta meets delta', published: '2026-11-17T10:00:00Z' });
    const plain = entry('2611.00002', { title: 'beta alone', published: '2026-11-17T09:00:00Z' });
    const old = entry('2611.00003', { title: 'beta and delta of old', published: '2026-10-01T09:00:00Z' });
    await storeMatches(db, beta.id, [both, plain, old], 1);
    const heard = await heardByEveryKeyword(db, [beta!, delta!, gamma!], beta!.id, [both, plain, old], WEEK_START);
    expect(heard).toEqual(['2611.00002']); // the old one lies before any week a check reads
    // Once delta's search returned it too, nobody owes it a look.
    await storeMatches(db, delta!.id, [both], 1);
    expect(await heardByEveryKeyword(db, [beta!, delta!, gamma!], beta!.id, [both], WEEK_START)).toEqual([
      '2611.00001',
    ]);
    db.close();
  });

  it('keeps a paper unknown to the group while a keyword may claim it or its text is gone', async () => {
    const db = freshDb();
    const [beta, delta] = ['beta', 'delta'].map((w) => createKeyword(w));
    const both = entry('2611.00001', { title: 'beta meets delta', published: '2026-11-17T10:00:00Z' });
    const plain = entry('2611.00002', { title: 'beta alone', published: '2026-11-17T09:00:00Z' });
    const marked = entry('2611.00003', { title: 'beta and delta, weighed', published: '2026-11-17T08:00:00Z' });
    await storeMatches(db, beta!.id, [both, plain, marked], 1);
    await db.known.update([beta!.id, marked.id], { heard: EVERY_KEYWORD });
    // A paper known to beta but no longer stored.
    await db.known.put({ keywordId: beta!.id, paperId: '2611.00004', published: '2026-11-17T07:00:00Z' });
    const group = { keywordIds: [beta!.id, delta!.id], queries: { [beta!.id]: 'b', [delta!.id]: 'd' } };
    const known = await groupKnowledge(db, group.keywordIds, WEEK_START, [groupSignature(group), EVERY_KEYWORD]);
    const heard: Array<{ keywordId: string; paperId: string }> = [];
    const settled = await settledPapers(db, [beta, delta], known, heard);
    expect([...settled].sort()).toEqual(['2611.00002', '2611.00003']);
    expect(heard).toEqual([{ keywordId: beta!.id, paperId: '2611.00002' }]);
    db.close();
  });
});
