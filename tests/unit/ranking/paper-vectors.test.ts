import { describe, expect, it } from 'vitest';
import { paperTokens } from '../../../lib/ranking/features';
import { fitPapers, paperVector } from '../../../lib/ranking/paper-vectors';
import { fitVectorizer, vectorize } from '../../../lib/ranking/vectorizer';
import { rankingCorpus } from '../../support/ranking-corpus';

describe('fitPapers and paperVector (bigrams counted without strings)', () => {
  const { papers } = rankingCorpus(150);

  it.each([20_000, 2_000, 40])('find the vocabulary and vectors of the token path (cap %i)', (cap) => {
    const tokens = papers.map(paperTokens);
    const expected = fitVectorizer(tokens, cap);
    const { vectorizer, vectors } = fitPapers(papers, cap);
    expect(vectorizer).toEqual(expected);
    expect(vectors).toEqual(tokens.map((t) => vectorize(expected, t)));
    expect(papers.map((paper) => paperVector(vectorizer, paper))).toEqual(vectors);
  });

  it('vectorises a new paper as the token path does, unknown words and pairs left out', () => {
    const { vectorizer } = fitPapers(papers);
    const fresh = { id: 'x', title: 'Zebra testing of REST APIs', summary: 'Unheard words here.', authors: [] };
    expect(paperVector(vectorizer, fresh)).toEqual(vectorize(vectorizer, paperTokens(fresh)));
    expect(paperVector(vectorizer, fresh).idx.length).toBeGreaterThan(0);
  });
});
