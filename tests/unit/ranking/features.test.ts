import { describe, expect, it } from 'vitest';
import { paperTokens, paperWords } from '../../../lib/ranking/features';
import { isRankingStopWord } from '../../../lib/ranking/stop-words';

const paper = (title: string, summary: string, authors: string[] = []) => ({
  id: '2501.00001',
  title,
  summary,
  authors: authors.map((name) => ({ name })),
});

describe('paperTokens', () => {
  it('removes English stop words, including those arXiv keeps (however, we, which)', () => {
    const tokens = paperTokens(paper('', 'However, we show which graphs matter.'));
    expect(tokens).toEqual(['graphs', 'matter', 'graphs matter']);
  });

  it('forms bigrams after stop words are removed, as scikit-learn does', () => {
    expect(paperTokens(paper('Testing of software', ''))).toEqual(['testing', 'software', 'testing software']);
  });

  it('forms no bigram across the title and the abstract', () => {
    const tokens = paperTokens(paper('Message passing', 'Graph networks'));
    expect(tokens).toEqual(['message', 'passing', 'message passing', 'graph', 'networks', 'graph networks']);
    expect(tokens).not.toContain('passing graph');
  });

  it('folds case and accents, and drops pure numbers and one-letter words', () => {
    expect(paperTokens(paper('Schrödinger in 3 D: a 2024 ÉTUDE', ''))).toEqual([
      'schrodinger',
      'etude',
      'schrodinger etude',
    ]);
  });

  it('keeps words that mix letters and digits (model names, dimensions)', () => {
    expect(paperTokens(paper('GPT4 in 3d', ''))).toEqual(['gpt4', '3d', 'gpt4 3d']);
  });

  it('adds one token per author, folded, which no word can equal', () => {
    const tokens = paperTokens(paper('Spin chains', '', ['José Núñez', 'A. B. Smith']));
    expect(tokens.slice(-2)).toEqual(['au:jose nunez', 'au:a b smith']);
  });

  it('keeps science words that the general-prose stop list drops (system, interest, thin)', () => {
    for (const word of ['system', 'interest', 'thin', 'fire', 'bottom']) expect(isRankingStopWord(word)).toBe(false);
    for (const word of ['however', 'therefore', 'whereas', 'the', 'we']) expect(isRankingStopWord(word)).toBe(true);
  });

  it('lists the words of title and abstract apart, for the bigram-free counting', () => {
    expect(paperWords(paper('Graph networks', 'The message passing', ['Ann Lee']))).toEqual({
      fields: [
        ['graph', 'networks'],
        ['message', 'passing'],
      ],
      authors: ['au:ann lee'],
    });
  });
});
