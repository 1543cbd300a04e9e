/**
 * Tf-idf as scikit-learn's `TfidfVectorizer(sublinear_tf=True, norm='l2', smooth_idf=True)` computes
 * it, over tokens made by `paperTokens`:
 * - tf = 1 + ln(count) (sublinear: a word said ten times is not ten times the topic);
 * - idf = ln((1 + n) / (1 + df)) + 1, n documents, df of them holding the term;
 * - each vector scaled to length 1, so long abstracts do not outweigh short ones.
 * https://scikit-learn.org/stable/modules/feature_extraction.html#tfidf-term-weighting
 */

/** A fitted vocabulary: term `i` is `terms[i]`, its idf `idf[i]`. Plain arrays, stored as is. */
export interface Vectorizer {
  terms: string[];
  idf: number[];
}

/** A sparse vector: `val[k]` at index `idx[k]`, indices increasing, length 1 (or empty). */
export interface SparseVector {
  idx: number[];
  val: number[];
}

/** The vocabulary cap: enough for a library's topics, small enough to store and score quickly. */
export const MAX_FEATURES = 20_000;

/** Every distinct term of a corpus, numbered in order of first appearance, with its counts. */
export interface TermCounts {
  /** The text of term number `id`. */
  term: (id: number) => string;
  /** How often each term occurs in the corpus. */
  count: ArrayLike<number>;
  /** In how many documents each term occurs. */
  df: ArrayLike<number>;
  /** Each document as term numbers, so that a second pass needs no string lookups. */
  docs: Int32Array[];
}

function countTerms(docs: ReadonlyArray<readonly string[]>): TermCounts {
  const ids = new Map<string, number>();
  const count: number[] = [];
  const df: number[] = [];
  const lastDoc: number[] = [];
  const numbered = docs.map((tokens, doc) => {
    const row = new Int32Array(tokens.length);
    tokens.forEach((token, k) => {
      let id = ids.get(token);
      if (id === undefined) {
        id = ids.size;
        ids.set(token, id);
        count.push(0);
        df.push(0);
        lastDoc.push(-1);
      }
      row[k] = id;
      count[id] += 1;
      if (lastDoc[id] !== doc) {
        lastDoc[id] = doc;
        df[id] += 1;
      }
    });
    return row;
  });
  const terms = [...ids.keys()];
  return { term: (id) => terms[id], count, df, docs: numbered };
}

/**
 * The token numbers to keep: all, or past `maxFeatures` those used most often in the whole corpus,
 * as scikit-learn's `max_features` does; ties go to the term seen first, so it is deterministic.
 * Found with a histogram of counts rather than a sort of every term (most appear once or twice).
 */
function keptIds(count: ArrayLike<number>, maxFeatures: number): number[] {
  if (count.length <= maxFeatures) return Array.from({ length: count.length }, (_, id) => id);
  const histogram: number[] = [];
  for (let id = 0; id < count.length; id++) histogram[count[id]] = (histogram[count[id]] ?? 0) + 1;
  let threshold = histogram.length;
  let above = 0; // terms counted at least `threshold` times
  while (threshold > 1 && above + (histogram[threshold - 1] ?? 0) <= maxFeatures) {
    threshold -= 1;
    above += histogram[threshold] ?? 0;
  }
  // Now every term counted ≥ threshold fits; of those counted threshold − 1, the first ones fill up.
  let room = Math.max(0, maxFeatures) - above;
  const kept: number[] = [];
  for (let id = 0; id < count.length; id++) {
    if (count[id] >= threshold || (count[id] === threshold - 1 && room-- > 0)) kept.push(id);
  }
  return kept;
}

/** The vocabulary and idf of a counted corpus, and where each old term number went (−1: dropped). */
function vocabulary(counts: TermCounts, maxFeatures: number) {
  const kept = keptIds(counts.count, maxFeatures);
  const n = counts.docs.length;
  const place = new Int32Array(counts.count.length).fill(-1);
  kept.forEach((id, i) => (place[id] = i));
  const vectorizer: Vectorizer = {
    terms: kept.map((id) => counts.term(id)),
    idf: kept.map((id) => Math.log((1 + n) / (1 + counts.df[id])) + 1),
  };
  return { vectorizer, place };
}

/**
 * Fits the vocabulary and idf of `docs` (token lists), at most `maxFeatures` terms, the most
 * frequent in the corpus. Terms are numbered in order of first appearance: the same corpus in the
 * same order always gives the same indices.
 */
export function fitVectorizer(docs: ReadonlyArray<readonly string[]>, maxFeatures = MAX_FEATURES): Vectorizer {
  return vocabulary(countTerms(docs), maxFeatures).vectorizer;
}

/** `fitVectorizer` and `vectorize` of every counted document at once (for retraining). */
export function fitCounted(
  counts: TermCounts,
  maxFeatures = MAX_FEATURES,
): { vectorizer: Vectorizer; vectors: SparseVector[] } {
  const { vectorizer, place } = vocabulary(counts, maxFeatures);
  return {
    vectorizer,
    vectors: counts.docs.map((row) =>
      tfidf(
        vectorizer,
        row.map((id) => place[id]),
      ),
    ),
  };
}

/** The l2-normalised tf-idf vector of term indices (−1 entries ignored); sorts `indices` in place. */
export function tfidf(v: Vectorizer, indices: Int32Array): SparseVector {
  indices.sort();
  const idx: number[] = [];
  const val: number[] = [];
  let squares = 0;
  for (let k = 0; k < indices.length;) {
    const i = indices[k];
    let end = k + 1;
    while (end < indices.length && indices[end] === i) end++;
    if (i >= 0) {
      const weight = (1 + Math.log(end - k)) * v.idf[i];
      idx.push(i);
      val.push(weight);
      squares += weight * weight;
    }
    k = end;
  }
  const norm = Math.sqrt(squares);
  if (norm > 0) for (let k = 0; k < val.length; k++) val[k] /= norm;
  return { idx, val };
}

const indexCache = new WeakMap<Vectorizer, Map<string, number>>();

/** The term → index map of a vectorizer, built once per vectorizer object. */
export function termIndex(v: Vectorizer): Map<string, number> {
  let index = indexCache.get(v);
  if (!index) {
    index = new Map(v.terms.map((term, i) => [term, i]));
    indexCache.set(v, index);
  }
  return index;
}

/** The tf-idf vector of a token list; tokens outside the vocabulary are ignored. */
export function vectorize(v: Vectorizer, tokens: readonly string[]): SparseVector {
  const index = termIndex(v);
  return tfidf(
    v,
    Int32Array.from(tokens, (token) => index.get(token) ?? -1),
  );
}
