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
  const terms: number[] = [];
  const strengths: number[] = [];
  let j = 0;
  for (let k = 0; k < x.idx.length; k++) {
    const term = x.idx[k];
    while (j < positives.idx.length && positives.idx[j] < term) j++;
    if (positives.idx[j] !== term || !(linear.weights[term] > 0)) continue;
    terms.push(term);
    strengths.push(x.val[k] * positives.val[j] * (kinds[term] === BIGRAM ? BIGRAM_PREFERENCE : 1));
  }
  const chosen: string[] = [];
  const shown: string[][] = []; // words of the chosen words and phrases
  // The strongest left, one at a time (ties by term index): only a few are needed, no full sort.
  while (chosen.length < MAX_REASONS) {
    let best = -1;
    for (let c = 0; c < terms.length; c++) {
      if (strengths[c] > 0 && (best < 0 || strengths[c] > strengths[best])) best = c;
    }
    if (best < 0) break;
    strengths[best] = 0;
    const text = vectorizer.terms[terms[best]];
    if (kinds[terms[best]] === AUTHOR) {
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
    kinds = new Uint8Array(v.terms.length);
    v.terms.forEach((term, i) => {
      kinds![i] = term.startsWith(AUTHOR_PREFIX) ? AUTHOR : term.includes(' ') ? BIGRAM : WORD;
    });
    kindsCache.set(v, kinds);
  }
  return kinds;
}

/** The author's name as the paper writes it (accents and case), for display. */
function authorName(paper: RankText, token: string): string {
  return paper.authors.find((author) => authorToken(author.name) === token)?.name ?? token.slice(AUTHOR_PREFIX.length);
}
