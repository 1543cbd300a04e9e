/**
 * Searching the index of search-index.ts: a query reads only the key ranges of its words (each
 * word of two characters or more is a prefix, so `sparsif` finds `sparsification` and a word
 * being typed already finds something), keeps the papers that have every word, ranks them by relevance (field weight ×
 * rarity of the word) and then by newest, and only then reads the papers of one page.
 */
import { foldedWords, isStopWord } from '../arxiv/search-words';
import type { AppDB } from './app-db';
import { newestKey, rowKey } from './search-index';

/**
 * The words of a search, folded like the indexed text. Stop words are ignored, as the index
 * leaves them out; the last word is kept even then, because while it is being typed it is the
 * beginning of a longer word (`in` of `inference`). A repeated word counts once.
 */
export function searchWordsOf(query: string): string[] {
  const words = foldedWords(query);
  return [...new Set(words.filter((word, i) => i === words.length - 1 || !isStopWord(word)))];
}

/** Each matching paper's weight for one search word (the weightiest field it was found in). */
export type WordHits = Map<string, number>;

/**
 * Orders the papers found by every word: by the sum over words of weight × idf, where
 * idf = ln(1 + papers / papers with the word), then newest first, then by id.
 */
export function rankHits(perWord: readonly WordHits[], totalPapers: number): string[] {
  if (perWord.length === 0) return [];
  const idf = perWord.map((hits) => Math.log(1 + totalPapers / Math.max(1, hits.size)));
  const smallest = perWord.reduce((a, b) => (b.size < a.size ? b : a));
  const scored: { id: string; score: number; key: string }[] = [];
  for (const id of smallest.keys()) {
    let score = 0;
    let all = true;
    for (const [i, hits] of perWord.entries()) {
      const weight = hits.get(id);
      if (weight === undefined) {
        all = false;
        break;
      }
      score += weight * idf[i]!;
    }
    if (all) scored.push({ id, score, key: newestKey(id) });
  }
  scored.sort((a, b) => b.score - a.score || compare(b.key, a.key) || compare(b.id, a.id));
  return scored.map((s) => s.id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The papers having a word beginning with `prefix`, each with its weightiest field. A word of one
 * character is matched whole: as a prefix it would read a large part of the index (every word
 * beginning with `t`) to show a list nobody asked for, on the first key typed.
 */
async function wordHits(db: AppDB, prefix: string): Promise<WordHits> {
  const range = prefix.length === 1 ? rowKey(prefix, '') : prefix;
  const rows = await db.searchTerms.where('key').startsWith(range).toArray();
  const hits: WordHits = new Map();
  for (const row of rows) {
    for (const entry of row.postings.split(' ')) {
      // An entry is the field's weight (one digit) followed by the paper id.
      const weight = entry.charCodeAt(0) - 48;
      const id = entry.slice(1);
      if (weight > (hits.get(id) ?? 0)) hits.set(id, weight);
    }
  }
  return hits;
}

/**
 * Every stored paper that has all the words of a search (as word beginnings, in any field),
 * best first; empty for a search without words.
 */
export async function searchPaperIds(db: AppDB, query: string): Promise<string[]> {
  const words = searchWordsOf(query);
  if (words.length === 0) return [];
  const [total, ...perWord] = await Promise.all([db.searchDocs.count(), ...words.map((w) => wordHits(db, w))]);
  return rankHits(perWord, total);
}
