import { describe, expect, it, vi } from 'vitest';
import { papersForKeyword, setRead, setSaved } from '../../../lib/db/papers';
import { createKeyword } from '../../../lib/keywords/keyword';
import { keywordsItem } from '../../../lib/keywords/keyword-store';
import { settingsItem, DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { entry } from '../helpers';
import { series } from './fake-arxiv';
import { engineHarness, graphAndTensor } from './harness';

// Wednesday 2026-11-18: arXiv announced on Tuesday at 20:00 New York time (01:00 UTC).
const FILL = Date.parse('2026-11-18T15:00:00Z');
const STEADY = Date.parse('2026-11-18T18:00:00Z'); // 17 h after the announcement: no deep scan due
const AFTER_ANNOUNCEMENT = Date.parse('2026-11-19T01:30:00Z'); // Wednesday's announcement + 30 min

const q = (phrase: string) => `(ti:"${phrase}" OR abs:"${phrase}")`;

describe('the check engine', () => {
  it('fills a new keyword with a week of its papers without announcing them', async () => {
    const h = engineHarness(FILL);
    h.arxiv.set('diffusion', series('diffusion', 150, '2026-11-17T12:00:00Z', 100)); // one an hour
    const kw = createKeyword('diffusion');
    await h.setKeywords([kw]);
    await h.check();
    // The first 100 reach back four days, not the week: the second page reads the rest.
    expect(h.arxiv.requests).toEqual([
      { query: q('diffusion'), start: 0, maxResults: 100 },
      { query: q('diffusion'), start: 100, maxResults: 200 },
    ]);
    expect(await h.lastNews()).toEqual({});
    expect(await h.notifications()).toEqual([]);
    expect(await papersForKeyword(h.db, kw.id)).toHaveLength(100); // the retention limit
    expect(await h.db.known.count()).toBe(150); // pruned papers are remembered
  });

  it('checks twenty quiet keywords with one request', async () => {
    const h = engineHarness(FILL);
    const keywords = Array.from({ length: 20 }, (_, i) => createKeyword(`topic ${i}`));
    keywords.forEach((k, i) => h.arxiv.set(k.label, series(k.label, 30, '2026-11-17T12:00:00Z', i * 100)));
    await h.setKeywords(keywords);
    await h.check();
    expect(h.arxiv.requests).toHaveLength(20);
    h.arxiv.requests.length = 0;
    await h.check(STEADY);
    expect(h.arxiv.requests).toHaveLength(1);
    expect(h.arxiv.requests[0]!.query).toContain(q('topic 19'));
    const last = await h.db.checkLog.orderBy('startedAt').last();
    expect(last?.requests).toBe(1);
    expect(last?.outcomes.map((o) => o.kind)).toEqual(Array(20).fill('unchanged'));
  });

  it('attributes new papers of a combined query to the right keywords, announcing a shared one once', async () => {
    const h = engineHarness(FILL);
    const [a, b] = [createKeyword('reward model'), createKeyword('language model')];
    h.arxiv.set('reward model', series('reward model', 5, '2026-11-17T12:00:00Z', 100));
    h.arxiv.set('language model', series('language model', 5, '2026-11-17T12:00:00Z', 200));
    await h.setKeywords([a, b]);
    await h.check();
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
    h.arxiv.set('reward model', [shared, onlyA, ...h.arxiv.corpus.get('reward model')!]);
    h.arxiv.set('language model', [shared, ...h.arxiv.corpus.get('language model')!]);
    h.arxiv.requests.length = 0;
    await h.check(STEADY);
    expect(h.arxiv.requests).toHaveLength(1);
    expect(await h.lastNews()).toEqual({ [a.id]: 2, [b.id]: 1 });
    expect(h.titles()).toEqual(['2 new papers on arXiv']);
    expect(await h.db.announced.count()).toBe(2);
  });

  it('asks arXiv, keyword by keyword and for that day only, when a new paper cannot be attributed locally', async () => {
    const h = engineHarness(FILL);
    const { tensor: b, odd } = await graphAndTensor(h, '2026-11-18T16:00:00Z');
    h.arxiv.set('tensor', [odd, ...h.arxiv.corpus.get('tensor')!]);
    h.arxiv.requests.length = 0;
    await h.check(STEADY);
    expect(h.arxiv.requests.map((r) => r.query)).toEqual([
      `((${q('graph')}) OR (${q('tensor')})) AND submittedDate:[202611111800 TO 202611191800]`,
      `(${q('graph')}) AND submittedDate:[202611180000 TO 202611182359]`,
      `(${q('tensor')}) AND submittedDate:[202611180000 TO 202611182359]`,
    ]);
    expect(await h.lastNews()).toEqual({ [b.id]: 1 });
    expect(await h.db.lookups.count()).toBe(0);
    expect((await papersForKeyword(h.db, b.id))[0]?.id).toBe('2611.07777');
  });

  it('catches a paper announced days after submission, at one request a check when nothing is missing', async () => {
    const h = engineHarness(FILL);
    const kw = createKeyword('quantum');
    const busy = series('quantum', 250, '2026-11-18T12:00:00Z', 1000); // one an hour, back to Nov 8
    h.arxiv.set('quantum', busy);
    await h.setKeywords([kw]);
    await h.check();
    h.arxiv.requests.length = 0;
    // The week's first page carries arXiv's count of the week: every paper in it is known.
    await h.check(AFTER_ANNOUNCEMENT);
    expect(h.arxiv.requests.map((r) => [r.query.slice(r.query.indexOf(' AND ')), r.start, r.maxResults])).toEqual([
      [' AND submittedDate:[202611120130 TO 202611200130]', 0, 25],
    ]);
    expect(await h.lastNews()).toEqual({});
    // A paper submitted on Nov 13 and held in moderation is announced on Thursday: the count
    // is one more than what is known, and the walk goes on until it has found it.
    const held = entry('2611.05555', { title: 'Held in moderation', published: '2026-11-13T09:00:00Z' });
    h.arxiv.set('quantum', [...busy, held]);
    h.arxiv.requests.length = 0;
    await h.check(Date.parse('2026-11-20T01:30:00Z'));
    expect(h.arxiv.requests.map((r) => [r.start, r.maxResults])).toEqual([
      [0, 25],
      [25, 200],
    ]);
    expect(await h.lastNews()).toEqual({ [kw.id]: 1 });
    // Listed first, by the time it was found, and kept despite its older date.
    expect((await papersForKeyword(h.db, kw.id))[0]?.id).toBe('2611.05555');
  });

  it('never counts a revision as new, but reports new versions of saved papers', async () => {
    const h = engineHarness(FILL);
    const kw = createKeyword('sparse');
    const at = { published: '2026-11-17T10:00:00Z' };
    h.arxiv.set('sparse', [
      entry('2611.00001', { ...at, title: 'sparse one' }),
      entry('2611.00002', { ...at, title: 'sparse two' }),
    ]);
    await h.setKeywords([kw]);
    await h.check();
    await setSaved(h.db, '2611.00002', true);
    h.arxiv.set('sparse', [entry('2611.00001', { ...at, version: 2 }), entry('2611.00002', { ...at, version: 3 })]);
    await h.check(STEADY);
    const last = await h.db.checkLog.orderBy('startedAt').last();
    expect(last?.outcomes[0]).toMatchObject({ kind: 'unchanged', revisedCount: 2 });
    expect(h.titles()).toEqual(['New version of a saved paper (v3)']);
  });

  it('keeps everything as it was when arXiv fails, and says why', async () => {
    const h = engineHarness(FILL);
    const kw = createKeyword('optics');
    h.arxiv.set('optics', series('optics', 3, '2026-11-17T12:00:00Z', 100));
    await h.setKeywords([kw]);
    await h.check();
    await setRead(h.db, '2611.00100', true, 7);
    const before = await h.db.papers.toArray();
    h.arxiv.failures = [{ kind: 'http', status: 503, message: 'arXiv is busy (HTTP 503).' }];
    h.arxiv.set('optics', series('optics', 5, '2026-11-18T12:00:00Z', 100));
    await h.check(STEADY);
    const last = await h.db.checkLog.orderBy('startedAt').last();
    expect(last?.outcomes).toEqual([
      { keywordId: kw.id, kind: 'error', newCount: 0, revisedCount: 0, error: 'arXiv is busy (HTTP 503).' },
    ]);
    expect(await h.db.papers.toArray()).toEqual(before);
    expect(await h.db.keywordStates.get(kw.id)).toMatchObject({
      lastError: 'arXiv is busy (HTTP 503).',
      lastSuccessAt: FILL,
    });
  });

  it('does not believe an empty answer for keywords that had papers', async () => {
    const h = engineHarness(FILL);
    const kw = createKeyword('lidar');
    h.arxiv.set('lidar', series('lidar', 3, '2026-11-17T12:00:00Z', 100));
    await h.setKeywords([kw]);
    await h.check();
    h.arxiv.empty = true;
    await h.check(STEADY);
    expect((await h.db.checkLog.orderBy('startedAt').last())?.outcomes[0]?.kind).toBe('glitch');
    expect(await papersForKeyword(h.db, kw.id)).toHaveLength(3);
    h.arxiv.empty = false;
    await h.check(STEADY + 60_000);
    expect((await h.db.checkLog.orderBy('startedAt').last())?.outcomes[0]?.kind).toBe('unchanged');
    expect((await h.db.keywordStates.get(kw.id))?.lastError).toBeUndefined();
  });

  it('resumes a check whose worker was stopped, without repeating finished steps', async () => {
    const h = engineHarness(FILL);
    const [a, b] = [createKeyword('alpha'), createKeyword('beta')];
    h.arxiv.set('alpha', series('alpha', 2, '2026-11-17T12:00:00Z', 100));
    h.arxiv.set('beta', series('beta', 2, '2026-11-17T12:00:00Z', 200));
    await keywordsItem.setValue([a, b]);
    // The worker is stopped while the second request is in flight: it never answers.
    h.gate.holdFrom(1);
    void h.engine.requestCheck();
    await vi.waitFor(() => expect(h.gate.holding).toBe(true));
    expect((await h.db.cycles.get('current'))?.doneSteps).toEqual([`first:${a.id}`]);
    h.restart();
    h.arxiv.requests.length = 0;
    await h.engine.resume();
    expect(h.arxiv.requests.map((r) => r.query)).toEqual([q('beta')]);
    expect((await h.db.checkLog.orderBy('startedAt').last())?.outcomes.map((o) => o.kind)).toEqual(['first', 'first']);
    expect(await h.db.papers.count()).toBe(4);
  });

  it('keeps the newest N per keyword, never drops saved papers, and never re-announces a pruned one', async () => {
    const h = engineHarness(FILL);
    const kw = createKeyword('robots');
    const papers = series('robots', 15, '2026-11-17T12:00:00Z', 100);
    h.arxiv.set('robots', papers);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, papersPerKeyword: 20 });
    await h.setKeywords([kw]);
    await h.check();
    await setSaved(h.db, papers[14]!.id, true);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, papersPerKeyword: 10 });
    await h.check(STEADY);
    const kept = (await papersForKeyword(h.db, kw.id)).map((p) => p.id);
    expect(kept).toHaveLength(11);
    expect(kept).toContain(papers[14]!.id);
    expect(await h.db.papers.get(papers[12]!.id)).toBeUndefined();
    // The pruned paper shows up again in a deep scan: not announced.
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, papersPerKeyword: 20 });
    await h.check(AFTER_ANNOUNCEMENT);
    expect(await h.lastNews()).toEqual({});
  });

  it('believes neither an empty fill nor a short page: nothing old is announced afterwards', async () => {
    const h = engineHarness(FILL);
    const [empty, short] = [createKeyword('diffusion'), createKeyword('optics')];
    h.arxiv.set('diffusion', series('diffusion', 40, '2026-11-17T12:00:00Z', 100));
    h.arxiv.set('optics', series('optics', 150, '2026-11-17T12:00:00Z', 500));
    h.arxiv.empty = true;
    await h.setKeywords([empty]);
    await h.engine.whenIdle();
    expect(await h.db.keywordStates.get(empty.id)).toMatchObject({ initialized: false, emptyFills: 1 });
    h.arxiv.empty = false;
    h.arxiv.shortPages = 60; // arXiv answers 60 where 100 were asked, and the total says 150
    await h.setKeywords([empty, short]);
    await h.check();
    h.arxiv.shortPages = undefined;
    await h.check(STEADY);
    expect(await h.lastNews()).toEqual({});
    // The short page ended the fill without claiming the older papers: none of them is news later.
    const state = await h.db.keywordStates.get(short.id);
    expect(state).toMatchObject({ initialized: true });
    expect(state?.coveredSince).toBeGreaterThan(0);
  });

  it('keeps a paper waiting when the look-ups come back empty, and settles it once arXiv answers', async () => {
    const h = engineHarness(FILL);
    const { tensor, odd } = await graphAndTensor(h, '2026-11-18T16:00:00Z');
    h.arxiv.set('tensor', [odd, ...h.arxiv.corpus.get('tensor')!]);
    // The combined query returns the paper; then arXiv serves empty lists for a while.
    let calls = 0;
    const fetchFeed = h.arxiv.fetchFeed.bind(h.arxiv);
    h.arxiv.fetchFeed = (url: string) => {
      h.arxiv.empty = ++calls > 1 && calls <= 3;
      return fetchFeed(url);
    };
    await h.check(STEADY);
    expect(await h.lastNews()).toEqual({});
    expect(await h.db.lookups.get(odd.id)).toBeDefined();
    await h.check(STEADY + 20 * 60_000);
    expect(await h.lastNews()).toEqual({ [tensor.id]: 1 });
    expect(await h.db.lookups.count()).toBe(0);
  });
});
