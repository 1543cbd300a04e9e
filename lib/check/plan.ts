import type { CycleStep, KeywordStateRecord } from '../db/schema';
import { buildKeywordQuery } from '../arxiv/keyword-query';
import type { Keyword } from '../keywords/keyword';

/**
 * Longest combined `search_query` as it travels in the URL (encoded: quotes, parentheses and
 * colons become %XX). About forty ordinary keywords fit in one, so that a steady check of 200
 * keywords costs about six requests; with the date filter and the other parameters the URL stays
 * under 4.5 KB, half of where arXiv answers "414 URI Too Long" (reported near 8 KB:
 * https://github.com/lukasschwab/arxiv.py/pull/209).
 */
export const MAX_ENCODED_QUERY_LENGTH = 4_000;

/** Length of a query once URL-encoded, as searchUrl sends it. */
export function encodedLength(query: string): number {
  return new URLSearchParams({ q: query }).toString().length - 2;
}

/** How far back a fill and every check reach: arXiv's moderation can hold a paper 1–4 days. */
export const OVERLAP_WINDOW_MS = 7 * 24 * 3_600_000;

/** The arXiv query of a keyword, or undefined when it cannot be queried (never saved that way). */
export function keywordQuery(keyword: Keyword): string | undefined {
  const built = buildKeywordQuery(keyword);
  return built.ok ? built.query : undefined;
}

/**
 * The steps of a check. A keyword that never had a successful check gets its own request (its
 * fill). All others are packed into as few combined OR-queries as possible, so that a check of
 * forty quiet keywords costs one request instead of forty. A raw (advanced) query cannot be
 * matched locally, so it gets a combined step of its own. Each step records the query of each of
 * its keywords: a keyword edited meanwhile is not stored from it.
 */
export function planSteps(
  keywords: readonly Keyword[],
  states: ReadonlyMap<string, KeywordStateRecord>,
  queryOf: (k: Keyword) => string | undefined,
): CycleStep[] {
  const steps: CycleStep[] = [];
  let group: Record<string, string> = {};
  let length = 0;
  const flush = () => {
    const ids = Object.keys(group);
    if (ids.length > 0)
      steps.push({ key: `combined:${ids.join(',')}`, kind: 'combined', keywordIds: ids, queries: group });
    group = {};
    length = 0;
  };
  for (const keyword of keywords) {
    if (!keyword.enabled) continue;
    const query = queryOf(keyword);
    if (query === undefined) continue;
    const queries = { [keyword.id]: query };
    if (!states.get(keyword.id)?.initialized) {
      steps.push({ key: `first:${keyword.id}`, kind: 'first', keywordIds: [keyword.id], queries });
      continue;
    }
    if (keyword.rawQuery) {
      steps.push({ key: `combined:${keyword.id}`, kind: 'combined', keywordIds: [keyword.id], queries });
      continue;
    }
    const added = encodedLength(`(${query}) OR `);
    if (length > 0 && length + added > MAX_ENCODED_QUERY_LENGTH) flush();
    group[keyword.id] = query;
    length += added;
  }
  flush();
  return steps;
}
