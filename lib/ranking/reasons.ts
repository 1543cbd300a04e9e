import { AUTHOR_PREFIX, authorToken, type RankText } from './features';
import type { LinearModel } from './linear-svm';
import type { SparseVector, Vectorizer } from './vectorizer';

/** How many reasons a paper shows at most: enough to recognise the topic, short enough for a card. */
export const MAX_REASONS = 3;

// A shared phrase says more than a shared word ("message passing" over "message"): bigrams are
// ranked as if twice as strong, and a term sharing a word with one already chosen is skipped, so
// that no word is shown twice ("message passing", "passing").
const BIGRAM_PREFERENCE = 2;

/**
 * Why a paper is ranked high: the terms it shares with the centroid of the saved papers, strongest
 * first (its weight × the centroid's, ties by term index), among terms the model counts in its
 * favour. Bigrams come as display text ("message passing"); an author as the name the paper gives.
 */
export function reasonsFor(
  vectorizer: Vectorizer,
  linear: LinearModel,
  positives: SparseVector,
  paper: RankText,
  x: SparseVector,
): string[] {
  const kinds = termKinds(vectorizer);
  const candidates: Array<{ term: number; strength: number }> = [];
  let j = 0;
  for (let k = 0; k < x.idx.length; k++) {
    const term = x.idx[k];
    while (j < positives.idx.length && positives.idx[j] < term) j++;
    if (positives.idx[j] !== term || !(linear.weights[term] > 0)) continue;
    const strength = x.val[k] * positives.val[j] * (kinds[term] === BIGRAM ? BIGRAM_PREFERENCE : 1);
    candidates.push({ term, strength });
  }
  candidates.sort((a, b) => b.strength - a.strength || a.term - b.term);
  const chosen: string[] = [];
  const shown: string[][] = []; // words of the chosen words and phrases
  for (const { term } of candidates) {
    if (chosen.length === MAX_REASONS) break;
    const text = vectorizer.terms[term];
    if (kinds[term] === AUTHOR) {
      chosen.push(authorName(paper, text));
      continue;
    }
    const words = text.split(' ');
    if (shown.some((other) => other.some((word) => words.includes(word)))) continue;
    shown.push(words);
    chosen.push(text);
  }
  return chosen;
}

const WORD = 0;
const BIGRAM = 1;
const AUTHOR = 2;
const kindsCache = new WeakMap<Vectorizer, Uint8Array>();

/** Whether each term is a word, a bigram or an author, worked out once per vectorizer. */
function termKinds(v: Vectorizer): Uint8Array {
  let kinds = kindsCache.get(v);
  if (!kinds) {
    kinds = Uint8Array.from(v.terms, (term) =>
      term.startsWith(AUTHOR_PREFIX) ? AUTHOR : term.includes(' ') ? BIGRAM : WORD,
    );
    kindsCache.set(v, kinds);
  }
  return kinds;
}

/** The author's name as the paper writes it (accents and case), for display. */
function authorName(paper: RankText, token: string): string {
  return paper.authors.find((author) => authorToken(author.name) === token)?.name ?? token.slice(AUTHOR_PREFIX.length);
}
