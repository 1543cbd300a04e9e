import { describe, expect, it } from 'vitest';
import type { ClientResult } from '../../../lib/arxiv/client';
import type { ArxivEntry, FeedError } from '../../../lib/arxiv/types';
import { GLITCH_MESSAGE, runCheck } from '../../../lib/check/run-check';
import { papersForKeyword, setRead } from '../../../lib/db/papers';
import { createKeyword } from '../../../lib/keywords/keyword';
import { entry, freshDb } from '../helpers';

const llm = createKeyword('language model', 0);
const rl = createKeyword('reward model', 0);

type Answer = { entries: ArxivEntry[]; total?: number } | FeedError;

/** A client that answers each keyword's request from a table, counting requests. */
function scriptedClient(answers: Record<string, Answer>) {
  const urls: string[] = [];
  return {
    urls,
    async fetchFeed(url: string): Promise<ClientResult> {
      urls.push(url);
      const query = new URL(url).searchParams.get('search_query') ?? '';
      const key = Object.keys(answers).find((k) => query.includes(`"${k}"`));
      const answer = key ? answers[key]! : { entries: [] };
      const stats = { requests: 1, bytes: 100 };
      if ('kind' in answer) return { ok: false, error: answer, stats };
      const feed = {
        entries: answer.entries,
        totalResults: answer.total ?? answer.entries.length,
        startIndex: 0,
        itemsPerPage: 100,
      };
      return { ok: true, feed, stats };
    },
  };
}

describe('runCheck', () => {
  it('fills a new keyword on its first check without counting news', async () => {
    const db = freshDb();
    const client = scriptedClient({ 'language model': { entries: [entry('2611.00002'), entry('2611.00001')] } });
    const summary = await runCheck([llm], { db, client, now: () => 100 });
    expect(summary).toMatchObject({ totalNew: 0, news: [], requests: 1, bytes: 100 });
    expect(summary.outcomes[0]?.kind).toBe('first');
    expect(await papersForKeyword(db, llm.id)).toHaveLength(2);
    expect(await db.keywordStates.get(llm.id)).toMatchObject({ initialized: true, lastSuccessAt: 100, lastTotal: 2 });
  });

  it('reports papers not seen before on later checks, with the first title', async () => {
    const db = freshDb();
    await runCheck([llm], { db, client: scriptedClient({ 'language model': { entries: [entry('2611.00001')] } }) });
    const newer = entry('2611.00009', { title: 'A newer paper' });
    const summary = await runCheck([llm], {
      db,
      client: scriptedClient({ 'language model': { entries: [newer, entry('2611.00001')] } }),
    });
    expect(summary.totalNew).toBe(1);
    expect(summary.news).toEqual([{ keyword: 'language model', count: 1, firstTitle: 'A newer paper' }]);
  });

  it('counts a new paper matched by two keywords once, naming both keywords', async () => {
    const db = freshDb();
    const both = {
      'language model': { entries: [entry('2611.00001')] },
      'reward model': { entries: [entry('2611.00002')] },
    };
    await runCheck([llm, rl], { db, client: scriptedClient(both) });
    const shared = entry('2611.00005', { title: 'Shared' });
    const summary = await runCheck([llm, rl], {
      db,
      client: scriptedClient({
        'language model': { entries: [shared, entry('2611.00001')] },
        'reward model': { entries: [shared, entry('2611.00002')] },
      }),
    });
    expect(summary.totalNew).toBe(1);
    expect(summary.news.map((n) => n.keyword)).toEqual(['language model', 'reward model']);
    expect(await db.papers.count()).toBe(3);
  });

  it('never counts a revision as news', async () => {
    const db = freshDb();
    await runCheck([llm], { db, client: scriptedClient({ 'language model': { entries: [entry('2611.00001')] } }) });
    const summary = await runCheck([llm], {
      db,
      client: scriptedClient({ 'language model': { entries: [entry('2611.00001', { version: 2 })] } }),
    });
    expect(summary.totalNew).toBe(0);
    expect(summary.outcomes[0]).toMatchObject({ kind: 'unchanged', revisedIds: ['2611.00001'] });
  });

  it('keeps everything as it was when arXiv fails, and says why', async () => {
    const db = freshDb();
    await runCheck([llm], { db, client: scriptedClient({ 'language model': { entries: [entry('2611.00001')] } }) });
    await setRead(db, '2611.00001', true, 7);
    const before = await db.papers.toArray();
    const error: FeedError = { kind: 'http', status: 503, message: 'arXiv is busy (HTTP 503).' };
    const summary = await runCheck([llm], { db, client: scriptedClient({ 'language model': error }), now: () => 50 });
    expect(summary.totalNew).toBe(0);
    expect(summary.outcomes[0]).toMatchObject({ kind: 'error', error: 'arXiv is busy (HTTP 503).' });
    expect(await db.papers.toArray()).toEqual(before);
    expect(await db.keywordStates.get(llm.id)).toMatchObject({
      lastError: 'arXiv is busy (HTTP 503).',
      lastCheckAt: 50,
    });
  });

  it('does not believe an empty answer for a keyword that had results', async () => {
    const db = freshDb();
    await runCheck([llm], { db, client: scriptedClient({ 'language model': { entries: [entry('2611.00001')] } }) });
    const summary = await runCheck([llm], {
      db,
      client: scriptedClient({ 'language model': { entries: [], total: 0 } }),
    });
    expect(summary.outcomes[0]?.kind).toBe('glitch');
    expect(await papersForKeyword(db, llm.id)).toHaveLength(1);
    expect((await db.keywordStates.get(llm.id))?.lastError).toBe(GLITCH_MESSAGE);
  });

  it('clears the error after the next success', async () => {
    const db = freshDb();
    const error: FeedError = { kind: 'timeout', message: 'arXiv did not answer within 25 s.' };
    await runCheck([llm], { db, client: scriptedClient({ 'language model': error }) });
    expect((await db.keywordStates.get(llm.id))?.initialized).toBe(false);
    await runCheck([llm], { db, client: scriptedClient({ 'language model': { entries: [entry('2611.00001')] } }) });
    const state = await db.keywordStates.get(llm.id);
    expect(state?.lastError).toBeUndefined();
    expect(state?.initialized).toBe(true);
  });

  it('reports progress per keyword', async () => {
    const db = freshDb();
    const steps: Array<[number, string | undefined]> = [];
    await runCheck([llm, rl], {
      db,
      client: scriptedClient({}),
      onProgress: (done, k) => void steps.push([done, k?.label]),
    });
    expect(steps).toEqual([
      [0, 'language model'],
      [1, 'reward model'],
      [2, undefined],
    ]);
  });
});
