/**
 * Building arXiv API requests. Only documented syntax is produced, because arXiv's API rejects
 * undocumented forms since November 2025. See https://info.arxiv.org/help/api/user-manual.html
 */

export const ARXIV_API_URL = 'https://export.arxiv.org/api/query';

/**
 * A keyword phrase as arXiv should see it: whitespace collapsed, and the characters that would
 * break a quoted phrase removed. A hyphen inside a term acts as NOT in arXiv's search, so
 * `self-supervised` becomes the phrase "self supervised", which is what the user meant.
 */
export function normalisePhrase(phrase: string): string {
  return phrase
    .replace(/["\u201c\u201d]/g, ' ')
    .replace(/[-\u2010-\u2015]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `search_query` for a phrase in the title or the abstract (what the Daily Papers READMEs did). */
export function phraseInTitleOrAbstract(phrase: string): string {
  const quoted = `"${normalisePhrase(phrase)}"`;
  return `(ti:${quoted} OR abs:${quoted})`;
}

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
