/**
 * The popup's search index, and the one rule that keeps it right: every write that adds a paper,
 * changes its text or deletes it calls `indexPapers` or `unindexPapers` in the same transaction.
 *
 * Why this shape: each paper has one row in `searchDocs` holding its distinct folded words in
 * three multi-entry indexes (title, other fields, abstract), so IndexedDB itself keeps the
 * postings (word → papers) on disk. A search reads only the key ranges of its words (see
 * search-query.ts) and then the few papers it shows; adding or deleting a paper is one row, so a
 * check storing a hundred papers stays cheap, and nothing is loaded or rebuilt when the popup or
 * the worker starts. An in-memory index (MiniSearch, say) would need a full rebuild or a
 * multi-megabyte load at every popup opening and a save by the worker after every check.
 * English stop words are left out: they would make the longest postings and arXiv's own search
 * skips them too.
 */
import { foldedWords, isStopWord } from '../arxiv/search-words';
import type { ArxivEntry } from '../arxiv/types';
import type { AppDB } from './app-db';
import type { SearchDocRecord } from './schema';

/** The text of a paper that search looks at. */
export type SearchableText = Pick<ArxivEntry, 'id' | 'title' | 'authors' | 'summary' | 'comment'>;

/** How much a word counts, by the field it was found in: title, then authors/id/comment, then abstract. */
export const FIELD_WEIGHTS = { title: 3, meta: 2, body: 1 } as const;

/** The folded words of a text that the index keeps (stop words left out), each once, in order. */
export function indexWords(text: string): string[] {
  return [...new Set(foldedWords(text).filter((word) => !isStopWord(word)))];
}

/** A paper's index row: every word under the weightiest field it occurs in. */
export function searchDoc(paper: SearchableText): SearchDocRecord {
  const title = indexWords(paper.title);
  const inTitle = new Set(title);
  const metaText = [...paper.authors.map((a) => a.name), paper.id, paper.comment ?? ''].join('\n');
  const meta = indexWords(metaText).filter((word) => !inTitle.has(word));
  const elsewhere = new Set([...title, ...meta]);
  const body = indexWords(paper.summary).filter((word) => !elsewhere.has(word));
  return { id: paper.id, title, meta, body };
}

/**
 * Writes (or rewrites) the index rows of papers whose text is new or changed. Call it inside the
 * transaction that writes the papers, with `db.searchDocs` in its scope.
 */
export async function indexPapers(db: AppDB, papers: readonly SearchableText[]): Promise<void> {
  if (papers.length === 0) return;
  await db.searchDocs.bulkPut(papers.map(searchDoc));
}

/** Removes the index rows of deleted papers (in the transaction that deletes them). */
export async function unindexPapers(db: AppDB, paperIds: readonly string[]): Promise<void> {
  if (paperIds.length === 0) return;
  await db.searchDocs.bulkDelete([...paperIds]);
}

/** Papers indexed per write while rebuilding: bounded memory for a large library. */
const REBUILD_CHUNK = 500;

/**
 * Builds the index of every stored paper from scratch (the database upgrade that introduces it,
 * or a repair). Takes a table pair so that an upgrade transaction can pass its own tables.
 */
export async function rebuildSearchIndex(tables: {
  papers: AppDB['papers'];
  searchDocs: AppDB['searchDocs'];
}): Promise<void> {
  await tables.searchDocs.clear();
  let last: string | undefined;
  for (;;) {
    const from = last === undefined ? tables.papers.orderBy('id') : tables.papers.where('id').above(last);
    const chunk = await from.limit(REBUILD_CHUNK).toArray();
    if (chunk.length === 0) return;
    await tables.searchDocs.bulkPut(chunk.map(searchDoc));
    last = chunk.at(-1)!.id;
  }
}
