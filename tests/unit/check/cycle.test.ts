import { describe, expect, it } from 'vitest';
import { runCycle, type CycleDeps } from '../../../lib/check/cycle';
import { keywordQuery } from '../../../lib/check/plan';
import type { AppDB } from '../../../lib/db/app-db';
import { papersForKeyword, setRead, setSaved } from '../../../lib/db/papers';
import { createKeyword, type Keyword } from '../../../lib/keywords/keyword';
import { newsOfCycle } from '../../../lib/notify/notifications';
import { entry, freshDb } from '../helpers';
import { FakeArxiv, series } from './fake-arxiv';

// Wednesday 2026-11-18: arXiv announced on Tuesday at 20:00 New York time (01:00 UTC).
const FILL = Date.parse('2026-11-18T15:00:00Z');
const STEADY = Date.parse('2026-11-18T18:00:00Z'); // 17 h after the announcement: no deep scan due
const AFTER_ANNOUNCEMENT = Date.parse('2026-11-19T01:30:00Z'); // Wednesday's announcement + 30 min

function deps(
  db: AppDB,
  arxiv: FakeArxiv,
  keywords: Keyword[],
  now: number,
  extra: Partial<CycleDeps> = {},
): CycleDeps {
  return { db, client: arxiv, keywords, queryOf: keywordQuery, papersPerKeyword: 100, now: () => now, ...extra };
}

/** Runs a cycle to its end and clears it, as the runner does after notifying. */
async function check(d: CycleDeps) {
  const cycle = await runCycle(d);
  await d.db.cycles.delete('current');
  return cycle;
}

describe('a check cycle', () => {
  it('fills a new keyword with its newest papers without announcing them', async () => {
    const db = freshDb();
    const arxiv = new FakeArxiv();
    arxiv.set('diffusion', series('diffusion', 150, '2026-11-17T12:00:00Z', 100));
    const kw = createKeyword('diffusion');
    const cycle = await check(deps(db, arxiv, [kw], FILL));
    expect(arxiv.requests).toEqual([{ query: '(ti:"diffusion" OR abs:"diffusion")', start: 0, maxResults: 100 }]);
    expect(cycle.outcomes).toEqual([{ keywordId: kw.id, kind: 'first', newCount: 0, revisedCount: 0 }]);
    expect(cycle.fresh).toEqual({});
    expect(await papersForKeyword(db, kw.id)).toHaveLength(100);
  });

  it('checks twenty quiet keywords with one request', async () => {
    const db = freshDb();
    const arxiv = new FakeArxiv();
    const keywords = Array.from({ length: 20 }, (_, i) => createKeyword(`topic ${i}`));
    keywords.forEach((k, i) => arxiv.set(k.label, series(k.label, 30, '2026-11-17T12:00:00Z', i * 100)));
    await check(deps(db, arxiv, keywords, FILL));
    expect(arxiv.requests).toHaveLength(20);
    arxiv.requests.length = 0;
    const cycle = await check(deps(db, arxiv, keywords, STEADY));
    expect(arxiv.requests).toHaveLength(1);
    expect(cycle.requests).toBe(1);
    expect(arxiv.requests[0]!.query).toContain('(ti:"topic 19" OR abs:"topic 19")');
    expect(cycle.outcomes.map((o) => o.kind)).toEqual(Array(20).fill('unchanged'));
  });

  it('attributes new papers of a combined query to the right keywords, counting a shared one once', async () => {
    const db = freshDb();
    const arxiv = new FakeArxiv();
    const [a, b] = [createKeyword('reward model'), createKeyword('language model')];
    arxiv.set('reward model', series('reward model', 5, '2026-11-17T12:00:00Z', 100));
    arxiv.set('language model', series('language model', 5, '2026-11-17T12:00:00Z', 200));
    await check(deps(db, arxiv, [a, b], FILL));
    const shared = entry('2611.09999', {
      title: 'A reward model for every language model',
      summary: 'We train a reward model on language model outputs.',
      published: '2026-11-18T16:00:00Z',
    });
    const onlyA = entry('2611.09998', {
      title: 'Reward model audits',
      summary: 'x',
      published: '2026-11-18T15:30:00Z',
    });
    arxiv.set('reward model', [shared, onlyA, ...arxiv.corpus.get('reward model')!]);
    arxiv.set('language model', [shared, ...arxiv.corpus.get('language model')!]);
    arxiv.requests.length = 0;
    const cycle = await check(deps(db, arxiv, [a, b], STEADY));
    expect(arxiv.requests).toHaveLength(1);
    expect(cycle.fresh).toEqual({ [a.id]: ['2611.09999', '2611.09998'], [b.id]: ['2611.09999'] });
    const { news, paperIds } = await newsOfCycle(db, cycle, [a, b]);
    expect(paperIds.sort()).toEqual(['2611.09998', '2611.09999']);
    expect(news).toEqual([
      { keywordId: a.id, keyword: 'reward model', count: 2, firstTitle: 'A reward model for every language model' },
      { keywordId: b.id, keyword: 'language model', count: 1, firstTitle: 'A reward model for every language model' },
    ]);
  });

  it('asks each keyword when a new paper cannot be attributed locally', async () => {
    const db = freshDb();
    const arxiv = new FakeArxiv();
    const [a, b] = [createKeyword('graph'), createKeyword('tensor')];
    arxiv.set('graph', series('graph', 3, '2026-11-17T12:00:00Z', 100));
    arxiv.set('tensor', series('tensor', 3, '2026-11-17T12:00:00Z', 200));
    await check(deps(db, arxiv, [a, b], FILL));
    // arXiv matched this one on something the local rules do not see (e.g. a synonym in its index).
    const odd = entry('2611.07777', {
      title: 'Nothing obvious',
      summary: 'Nothing obvious.',
      published: '2026-11-18T16:00:00Z',
    });
    arxiv.set('tensor', [odd, ...arxiv.corpus.get('tensor')!]);
    arxiv.requests.length = 0;
    const cycle = await check(deps(db, arxiv, [a, b], STEADY));
    expect(arxiv.requests.map((r) => r.query)).toEqual([
      '((ti:"graph" OR abs:"graph")) OR ((ti:"tensor" OR abs:"tensor"))',
      '(ti:"graph" OR abs:"graph")',
      '(ti:"tensor" OR abs:"tensor")',
    ]);
    expect(cycle.fresh).toEqual({ [b.id]: ['2611.07777'] });
  });

  it('catches a paper announced days after submission, and never mistakes older papers for news', async () => {
    const db = freshDb();
    const arxiv = new FakeArxiv();
    const kw = createKeyword('quantum');
    const busy = series('quantum', 250, '2026-11-18T12:00:00Z', 1000); // one an hour, back to Nov 8
    arxiv.set('quantum', busy);
    await check(deps(db, arxiv, [kw], FILL)); // the newest 100 reach back to Nov 14
    arxiv.requests.length = 0;
    // The scan after Wednesday's announcement reaches back 7 days, past what the fill fetched:
    // papers from Nov 12–14 are older than the fill, not new announcements.
    const first = await check(deps(db, arxiv, [kw], AFTER_ANNOUNCEMENT));
    expect(arxiv.requests.map((r) => r.start)).toEqual([0, 25, 125]);
    expect(first.fresh).toEqual({});
    // A paper submitted on Nov 13 and held in moderation is announced on Thursday.
    const held = entry('2611.05555', { title: 'Held in moderation', published: '2026-11-13T09:00:00Z' });
    arxiv.set('quantum', [...busy, held]);
    arxiv.requests.length = 0;
    const steady = await check(deps(db, arxiv, [kw], Date.parse('2026-11-19T15:00:00Z')));
    expect(arxiv.requests).toHaveLength(1); // head only: the held paper sits deeper
    expect(steady.fresh).toEqual({});
    const deep = await check(deps(db, arxiv, [kw], Date.parse('2026-11-20T01:30:00Z')));
    expect(deep.fresh).toEqual({ [kw.id]: ['2611.05555'] });
    // Listed first, by the time it was found, and kept despite its older date.
    expect((await papersForKeyword(db, kw.id))[0]?.id).toBe('2611.05555');
  });

  it('never counts a revision as new, but reports new versions of saved papers', async () => {
    const db = freshDb();
    const arxiv = new FakeArxiv();
    const kw = createKeyword('sparse');
    arxiv.set('sparse', [entry('2611.00001', { title: 'sparse one' }), entry('2611.00002', { title: 'sparse two' })]);
    await check(deps(db, arxiv, [kw], FILL));
    await setSaved(db, '2611.00002', true);
    arxiv.set('sparse', [entry('2611.00001', { version: 2 }), entry('2611.00002', { version: 3 })]);
    const cycle = await check(deps(db, arxiv, [kw], STEADY));
    expect(cycle.fresh).toEqual({});
    expect(cycle.outcomes[0]).toMatchObject({ kind: 'unchanged', revisedCount: 2 });
    expect(cycle.revisedSaved).toEqual(['2611.00002']);
  });

  it('keeps everything as it was when arXiv fails, and says why', async () => {
    const db = freshDb();
    const arxiv = new FakeArxiv();
    const kw = createKeyword('optics');
    arxiv.set('optics', series('optics', 3, '2026-11-17T12:00:00Z', 100));
    await check(deps(db, arxiv, [kw], FILL));
    await setRead(db, '2611.00100', true, 7);
    const before = await db.papers.toArray();
    arxiv.failures = [{ kind: 'http', status: 503, message: 'arXiv is busy (HTTP 503).' }];
    arxiv.set('optics', series('optics', 5, '2026-11-18T12:00:00Z', 100));
    const cycle = await check(deps(db, arxiv, [kw], STEADY));
    expect(cycle.outcomes).toEqual([
      { keywordId: kw.id, kind: 'error', newCount: 0, revisedCount: 0, error: 'arXiv is busy (HTTP 503).' },
    ]);
    expect(await db.papers.toArray()).toEqual(before);
    expect(await db.keywordStates.get(kw.id)).toMatchObject({
      lastError: 'arXiv is busy (HTTP 503).',
      lastSuccessAt: FILL,
    });
  });

  it('does not believe an empty answer for keywords that had papers', async () => {
    const db = freshDb();
    const arxiv = new FakeArxiv();
    const kw = createKeyword('lidar');
    arxiv.set('lidar', series('lidar', 3, '2026-11-17T12:00:00Z', 100));
    await check(deps(db, arxiv, [kw], FILL));
    arxiv.empty = true;
    const cycle = await check(deps(db, arxiv, [kw], STEADY));
    expect(cycle.outcomes[0]?.kind).toBe('glitch');
    expect(await papersForKeyword(db, kw.id)).toHaveLength(3);
    // The next answer is real again: nothing is announced twice, nothing lost.
    arxiv.empty = false;
    const after = await check(deps(db, arxiv, [kw], STEADY + 60_000));
    expect(after.outcomes[0]?.kind).toBe('unchanged');
    expect((await db.keywordStates.get(kw.id))?.lastError).toBeUndefined();
  });

  it('resumes an interrupted check without repeating finished steps or counting papers twice', async () => {
    const db = freshDb();
    const arxiv = new FakeArxiv();
    const [a, b] = [createKeyword('alpha'), createKeyword('beta')];
    arxiv.set('alpha', series('alpha', 2, '2026-11-17T12:00:00Z', 100));
    arxiv.set('beta', series('beta', 2, '2026-11-17T12:00:00Z', 200));
    // The worker is stopped while the second request is in flight.
    let calls = 0;
    const dying = {
      fetchFeed: (url: string) => (++calls === 2 ? Promise.reject(new Error('worker stopped')) : arxiv.fetchFeed(url)),
    };
    await expect(runCycle(deps(db, arxiv, [a, b], FILL, { client: dying }))).rejects.toThrow('worker stopped');
    expect((await db.cycles.get('current'))?.doneSteps).toEqual([`first:${a.id}`]);
    arxiv.requests.length = 0;
    const cycle = await runCycle(deps(db, arxiv, [a, b], FILL + 60_000));
    expect(arxiv.requests.map((r) => r.query)).toEqual(['(ti:"beta" OR abs:"beta")']);
    expect(cycle.outcomes.map((o) => o.kind)).toEqual(['first', 'first']);
    expect(await db.papers.count()).toBe(4);
  });

  it('keeps the newest N per keyword, never drops saved papers, and never re-announces a pruned one', async () => {
    const db = freshDb();
    const arxiv = new FakeArxiv();
    const kw = createKeyword('robots');
    const papers = series('robots', 15, '2026-11-17T12:00:00Z', 100);
    arxiv.set('robots', papers);
    await check(deps(db, arxiv, [kw], FILL, { papersPerKeyword: 20 }));
    await setSaved(db, papers[14]!.id, true);
    await check(deps(db, arxiv, [kw], STEADY, { papersPerKeyword: 10 }));
    const kept = (await papersForKeyword(db, kw.id)).map((p) => p.id);
    expect(kept).toHaveLength(11);
    expect(kept).toContain(papers[14]!.id);
    expect(await db.papers.get(papers[12]!.id)).toBeUndefined();
    // The pruned paper shows up again in a deep scan: stored again, not announced.
    const deep = await check(deps(db, arxiv, [kw], AFTER_ANNOUNCEMENT, { papersPerKeyword: 20 }));
    expect(deep.fresh).toEqual({});
    expect(await db.papers.get(papers[12]!.id)).toBeDefined();
  });
});
