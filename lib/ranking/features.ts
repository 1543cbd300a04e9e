import { foldedWords } from '../arxiv/search-words';
import { isRankingStopWord } from './stop-words';

/** The parts of a paper the ranking reads. */
export interface RankText {
  id: string;
  title: string;
  summary: string;
  authors: ReadonlyArray<{ name: string }>;
}

/** Prefix of the token that stands for one author, so that a name never meets a word. */
export const AUTHOR_PREFIX = 'au:';

const NUMBER = /^\p{N}+$/u;

/** Whether a folded word is all digits; the regex only runs on words that start like a number. */
function isNumber(word: string): boolean {
  const first = word.charCodeAt(0);
  return (first <= 0x39 || first > 0x7f) && NUMBER.test(word);
}

/** Words of a field that can carry a topic: no stop words, no pure numbers, no single letters. */
function contentWords(text: string): string[] {
  return foldedWords(text).filter((word) => word.length > 1 && !isRankingStopWord(word) && !isNumber(word));
}

/** The words of a paper the ranking reads, before they are paired into bigrams. */
export interface PaperWords {
  /** Content words of the title, then of the abstract: bigrams never cross from one to the other. */
  fields: string[][];
  /** One `au:` token per author. */
  authors: string[];
}

/** The token that stands for an author: `au:` and the folded full name (`au:jose nunez`). */
export function authorToken(name: string): string {
  return `${AUTHOR_PREFIX}${foldedWords(name).join(' ')}`;
}

/** The content words of a paper's title and abstract, and its author tokens. */
export function paperWords(paper: RankText): PaperWords {
  return {
    fields: [contentWords(paper.title), contentWords(paper.summary)],
    authors: paper.authors.map((author) => authorToken(author.name)).filter((token) => token !== AUTHOR_PREFIX),
  };
}

/**
 * Tokens of a paper: folded unigrams and bigrams of title+abstract (stop words removed before
 * bigrams are formed, within a field, not across title/abstract), plus one `au:<folded full name>`
 * token per author. A bigram is its two words joined by a space, which is also how it is shown.
 *
 * Removing stop words first is what scikit-learn's `TfidfVectorizer` does: `testing of software`
 * gives the bigram `testing software`, so a phrase survives the small words put inside it.
 */
export function paperTokens(paper: RankText): string[] {
  const { fields, authors } = paperWords(paper);
  const tokens: string[] = [];
  for (const words of fields) {
    for (let i = 0; i < words.length; i++) {
      tokens.push(words[i]);
      if (i > 0) tokens.push(`${words[i - 1]} ${words[i]}`);
    }
  }
  return tokens.concat(authors);
}
