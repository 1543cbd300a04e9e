import type { PaperWords } from './features';
import { PairTable } from './pair-table';
import type { TermCounts } from './vectorizer';

// Per term, side by side in one growing Int32Array (a few hundred thousand terms: plain arrays of
// numbers, one per field, spent their time growing and being collected).
const COUNT = 0;
const DF = 1;
const LAST_DOC = 2;
const FIRST = 3; // a pair's words' term numbers; −1 for a single word or author
const SECOND = 4;
const FIELDS = 5;

/**
 * Counts the terms of papers from their words, without building a string for each bigram: a
 * library of 5,000 papers has some 700,000 word pairs, a quarter of a million distinct, and
 * making, hashing and collecting those strings was the largest part of a retrain. Words are numbered
 * once; a pair is looked up by its two numbers, and gets its text only if it is kept.
 *
 * Terms are numbered in the order `paperTokens` lists them (word, then the pair it ends, field by
 * field, then authors), so the vocabulary is the one `fitVectorizer(papers.map(paperTokens))`
 * finds, with the same indices. Papers are added one by one, so their words need not all be kept.
 */
export class TermCounter {
  private singles = new Map<string, number>(); // word or author token → term number
  private names: string[] = []; // text of the singles, by term number (holes for pairs)
  private pairs: PairTable;
  private terms: Int32Array;
  private size = 0;
  private docs: Int32Array[] = [];

  /** `expectedPairs`: room to make at once for distinct word pairs (most terms are pairs). */
  constructor(expectedPairs = 1 << 11) {
    this.pairs = new PairTable(expectedPairs);
    this.terms = new Int32Array(FIELDS * Math.ceil(expectedPairs * 1.1));
  }

  /** Counts one more paper's terms. */
  add({ fields, authors }: PaperWords): void {
    const doc = this.docs.length;
    let length = authors.length;
    for (const words of fields) length += Math.max(0, 2 * words.length - 1);
    const row = new Int32Array(length);
    let k = 0;
    for (const words of fields) {
      let previous = -1;
      for (const word of words) {
        const id = this.single(word);
        this.tally(id, doc);
        row[k++] = id;
        if (previous >= 0) {
          let pair = this.pairs.get(previous, id);
          if (pair < 0) this.pairs.set(previous, id, (pair = this.next(previous, id)));
          this.tally(pair, doc);
          row[k++] = pair;
        }
        previous = id;
      }
    }
    for (const author of authors) {
      const id = this.single(author);
      this.tally(id, doc);
      row[k++] = id;
    }
    this.docs.push(row);
  }

  /** The counts so far; a pair's text is made only when asked for (for the terms kept). */
  counts(): TermCounts {
    const { names, terms, size } = this;
    const field = (offset: number) => {
      const column = new Int32Array(size);
      for (let id = 0; id < size; id++) column[id] = terms[id * FIELDS + offset];
      return column;
    };
    const term = (id: number) => {
      const first = terms[id * FIELDS + FIRST];
      return first < 0 ? names[id] : `${names[first]} ${names[terms[id * FIELDS + SECOND]]}`;
    };
    return { term, count: field(COUNT), df: field(DF), docs: this.docs };
  }

  private tally(term: number, doc: number): void {
    const at = term * FIELDS;
    this.terms[at + COUNT] += 1;
    if (this.terms[at + LAST_DOC] !== doc) {
      this.terms[at + LAST_DOC] = doc;
      this.terms[at + DF] += 1;
    }
  }

  private single(text: string): number {
    let id = this.singles.get(text);
    if (id === undefined) {
      id = this.next(-1, -1);
      this.singles.set(text, id);
      this.names[id] = text;
    }
    return id;
  }

  private next(first: number, second: number): number {
    if ((this.size + 1) * FIELDS > this.terms.length) {
      const grown = new Int32Array(this.terms.length * 2);
      grown.set(this.terms);
      this.terms = grown;
    }
    const at = this.size * FIELDS;
    this.terms[at + COUNT] = 0;
    this.terms[at + DF] = 0;
    this.terms[at + LAST_DOC] = -1;
    this.terms[at + FIRST] = first;
    this.terms[at + SECOND] = second;
    return this.size++;
  }
}
