import { describe, expect, it } from 'vitest';
import { searchUrl } from '../../../lib/arxiv/query';

describe('searchUrl', () => {
  it('encodes the request as arXiv documents it, newest submissions first', () => {
    const url = searchUrl('(ti:"reward model" OR abs:"reward model")', { maxResults: 100 });
    expect(url).toBe(
      'https://export.arxiv.org/api/query?search_query=%28ti%3A%22reward+model%22+OR+abs%3A%22reward+model%22%29&start=0&max_results=100&sortBy=submittedDate&sortOrder=descending',
    );
  });

  it('pages with start and max_results', () => {
    const params = new URL(searchUrl('all:"x"', { start: 200, maxResults: 50 })).searchParams;
    expect(params.get('start')).toBe('200');
    expect(params.get('max_results')).toBe('50');
  });
});
