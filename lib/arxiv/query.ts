/**
 * arXiv API request URLs. The `search_query` itself is built from a keyword by keyword-query.ts.
 * See https://info.arxiv.org/help/api/user-manual.html
 */

export const ARXIV_API_URL = 'https://export.arxiv.org/api/query';

export interface QueryPage {
  start?: number;
  maxResults?: number;
}

/** The full request URL for a search, newest submissions first. */
export function searchUrl(searchQuery: string, page: QueryPage = {}): string {
  const params = new URLSearchParams({
    search_query: searchQuery,
    start: String(page.start ?? 0),
    max_results: String(page.maxResults ?? 100),
    sortBy: 'submittedDate',
    sortOrder: 'descending',
  });
  return `${ARXIV_API_URL}?${params.toString()}`;
}

/** One query for several: `(q1) OR (q2) OR …` (a single query is sent as it is). */
export function anyOf(queries: readonly string[]): string {
  return queries.length === 1 ? (queries[0] ?? '') : queries.map((query) => `(${query})`).join(' OR ');
}

/** arXiv's date filter format: YYYYMMDDHHMM in GMT. */
function gmtMinute(time: number): string {
  return new Date(time).toISOString().slice(0, 16).replace(/[-T:]/g, '');
}

/**
 * A query limited to papers submitted from `from` to `to` (epoch ms, both included, to the
 * minute), with arXiv's documented `submittedDate:[… TO …]` filter.
 */
export function submittedBetween(query: string, from: number, to: number): string {
  return `(${query}) AND submittedDate:[${gmtMinute(from)} TO ${gmtMinute(to)}]`;
}

/** The URL that fetches given papers (their latest versions) by id. */
export function idListUrl(ids: readonly string[]): string {
  const params = new URLSearchParams({ id_list: ids.join(','), start: '0', max_results: String(ids.length) });
  return `${ARXIV_API_URL}?${params.toString()}`;
}
