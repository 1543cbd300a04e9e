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
