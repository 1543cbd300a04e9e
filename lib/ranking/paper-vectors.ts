/**
 * Tf-idf vectors straight from papers' words: the same as `fitVectorizer` and `vectorize` over
 * `paperTokens`, without a string per bigram (see term-counter.ts for why).
 */
import { AUTHOR_PREFIX, paperWords, type RankText } from './features';
import { PairTable } from './pair-table';
import { TermCounter } from './term-counter';
import { fitCounted, MAX_FEATURES, tfidf, type SparseVector, type Vectorizer } from './vectorizer';

/** Fits a vectorizer on papers and returns every paper's vector, as `fitVectorizer` + `vectorize` would. */
export function fitPapers(
  papers: readonly RankText[],
  maxFeatures = MAX_FEATURES,
): { vectorizer: Vectorizer; vectors: SparseVector[] } {
  // Each paper brings about 50 word pairs not seen before (measured on the bench's corpus): room
  // for 64 is made at once; past that the tables grow.
  const counter = new TermCounter(papers.length * 64);
  for (const paper of papers) counter.add(paperWords(paper));
  return fitCounted(counter.counts(), maxFeatures);
}

/** A vectorizer's terms by word number, built once per vectorizer. */
interface WordIndex {
  words: Map<string, number>;
  /** Term index of a word number's unigram (or author), −1 when it is only part of pairs. */
  singles: number[];
  pairs: PairTable;
}

const wordIndexes = new WeakMap<Vectorizer, WordIndex>();

function wordIndex(v: Vectorizer): WordIndex {
  const cached = wordIndexes.get(v);
  if (cached) return cached;
  const index: WordIndex = { words: new Map(), singles: [], pairs: new PairTable(v.terms.length) };
  const numberOf = (word: string) => {
    let id = index.words.get(word);
    if (id === undefined) {
      id = index.singles.push(-1) - 1;
      index.words.set(word, id);
    }
    return id;
  };
  v.terms.forEach((term, i) => {
    const space = term.indexOf(' ');
    if (space < 0 || term.startsWith(AUTHOR_PREFIX)) index.singles[numberOf(term)] = i;
    else index.pairs.set(numberOf(term.slice(0, space)), numberOf(term.slice(space + 1)), i);
  });
  wordIndexes.set(v, index);
  return index;
}

/** The tf-idf vector of a paper: `vectorize(v, paperTokens(paper))`, without bigram strings. */
export function paperVector(v: Vectorizer, paper: RankText): SparseVector {
  const { words, singles, pairs } = wordIndex(v);
  const { fields, authors } = paperWords(paper);
  const indices: number[] = [];
  for (const field of fields) {
    let previous = -1;
    for (const word of field) {
      const id = words.get(word) ?? -1;
      if (id >= 0) indices.push(singles[id]);
      if (id >= 0 && previous >= 0) indices.push(pairs.get(previous, id));
      previous = id;
    }
  }
  for (const author of authors) indices.push(singles[words.get(author) ?? -1] ?? -1);
  return tfidf(v, Int32Array.from(indices));
}
