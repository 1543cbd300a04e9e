import { describe, expect, it } from 'vitest';
import { searchUrl } from '../../../lib/arxiv/query';
import { encodedLength, keywordQuery, MAX_ENCODED_QUERY_LENGTH, planSteps } from '../../../lib/check/plan';
import type { KeywordStateRecord } from '../../../lib/db/schema';
import { createKeyword, type Keyword } from '../../../lib/keywords/keyword';
import { series } from './fake-arxiv';
import { engineHarness } from './harness';

// Wednesday 2026-11-18: arXiv announced on Tuesday at 20:00 New York time (01:00 UTC).
const FILL = Date.parse('2026-11-18T15:00:00Z');
const STEADY = Date.parse('2026-11-18T18:00:00Z');

const FIRST = ['graph', 'neural', 'quantum', 'sparse', 'robust', 'federated', 'causal', 'diffusion'];
const SECOND = ['networks', 'error correction', 'attention', 'representation learning', 'optimisation'];

/** 200 keywords of two or three words, 20 to 40 characters each, like a real list. */
function twoHundredKeywords(): Keyword[] {
  return Array.from({ length: 200 }, (_, i) =>
    createKeyword(`${FIRST[i % FIRST.length]} ${SECOND[i % SECOND.length]} ${i}`),
  );
}

describe('a library of 200 keywords', () => {
  it('is checked, when nothing is new, with at most 10 requests', async () => {
    const h = engineHarness(FILL);
    const keywords = twoHundredKeywords();
    keywords.forEach((k, i) => h.arxiv.set(k.label, series(k.label, 3, '2026-11-17T12:00:00Z', i * 10)));
    await h.setKeywords(keywords);
    await h.check();
    expect(h.arxiv.requests).toHaveLength(200); // one fill each
    h.arxiv.requests.length = 0;
    await h.check(STEADY);
    expect(h.arxiv.requests.length).toBeLessThanOrEqual(10);
    const last = await h.db.checkLog.orderBy('startedAt').last();
    expect(last?.requests).toBe(h.arxiv.requests.length);
    expect(last?.outcomes.map((o) => o.kind)).toEqual(Array(200).fill('unchanged'));
    // Every keyword is asked for, once.
    for (const k of keywords) {
      expect(h.arxiv.requests.filter((r) => r.query.includes(`"${k.label}"`))).toHaveLength(1);
    }
  }, 60_000);

  it('is grouped into queries whose URL stays far below the length arXiv refuses', () => {
    const keywords = twoHundredKeywords();
    // Long keywords with categories and exclusions: the heaviest to encode.
    const heavy = keywords.map((k) => ({
      ...k,
      categories: ['cs.LG', 'stat.ML'],
      exclude: [`survey of ${k.label}`],
    }));
    const filled = (list: Keyword[]) =>
      new Map<string, KeywordStateRecord>(
        list.map((k) => [k.id, { keywordId: k.id, initialized: true, lastTotal: 1 }]),
      );
    for (const list of [keywords, heavy]) {
      const steps = planSteps(list, filled(list), keywordQuery);
      expect(steps.flatMap((s) => s.keywordIds)).toEqual(list.map((k) => k.id));
      for (const step of steps) {
        const query = Object.values(step.queries)
          .map((q) => `(${q})`)
          .join(' OR ');
        expect(encodedLength(query)).toBeLessThanOrEqual(MAX_ENCODED_QUERY_LENGTH);
        const dated = `(${query}) AND submittedDate:[202611110000 TO 202611191800]`;
        expect(searchUrl(dated, { start: 1_400, maxResults: 200 }).length).toBeLessThan(4_500);
      }
    }
    expect(planSteps(keywords, filled(keywords), keywordQuery).length).toBeLessThanOrEqual(8);
  });
});
