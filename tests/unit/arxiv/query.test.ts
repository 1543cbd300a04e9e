import { describe, expect, it } from 'vitest';
import { normalisePhrase, phraseInTitleOrAbstract, searchUrl } from '../../../lib/arxiv/query';

describe('query building', () => {
  it('searches a phrase in title or abstract', () => {
    expect(phraseInTitleOrAbstract('reward model')).toBe('(ti:"reward model" OR abs:"reward model")');
  });

  it('turns hyphens into spaces so they cannot act as NOT', () => {
    expect(normalisePhrase('self-supervised  learning')).toBe('self supervised learning');
  });

  it('drops quotes that would break the phrase', () => {
    expect(normalisePhrase('"large" “language” model')).toBe('large language model');
  });

  it('encodes the request as arXiv documents it', () => {
    const url = searchUrl(phraseInTitleOrAbstract('reward model'), { maxResults: 100 });
    expect(url).toBe(
      'https://export.arxiv.org/api/query?search_query=%28ti%3A%22reward+model%22+OR+abs%3A%22reward+model%22%29&start=0&max_results=100&sortBy=submittedDate&sortOrder=descending',
    );
  });
});
