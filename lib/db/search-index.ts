/**
 * The popup's search index, and the one rule that keeps it right: every write that adds a paper,
 * changes its text or deletes it calls `indexPapers` or `unindexPapers` in the same transaction.
 *
 * Why this shape: `searchTerms` holds, per word, its postings (the papers that have it, with the
 * weight of the field) as strings, in blocks by id (see rowKey); `searchDocs` holds each paper's words, to take them out
 * again. A search reads only the rows of its words (a key range: words are matched by their
 * beginning, see search-query.ts) and then the few papers it shows, and nothing is loaded or
 * rebuilt when the popup or the worker starts. An in-memory index (MiniSearch, say) would need a
 * full rebuild or a multi-megabyte load at every popup opening and a save by the worker after
 * every check. Multi-entry IndexedDB indexes (one index key per word and paper) were tried
 * first: Chromium writes each key separately, and a 20,000-paper library took eight times
 * longer to index than to store; a string of postings per word is written in one piece.
 * English stop words are left out: they would make the longest postings and arXiv's own search
 * skips them too.
 */
import { foldedWords, isStopWord } from '../arxiv/search-words';
import type { ArxivEntry } from '../arxiv/types';
import type { AppDB } from './app-db';
import type { SearchDocRecord, SearchTermRecord } from './schema';

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

/** The tables of the index. */
type IndexTables = Pick<AppDB, 'searchDocs' | 'searchTerms'>;

/** The tables a transaction that adds, changes or deletes papers must include for the index. */
export function searchTables(db: AppDB) {
  return [db.searchDocs, db.searchTerms];
}

/**
 * A key that orders papers from oldest to newest by their arXiv id, which follows submission
 * order: `2611.00001` → `202611.00001`, and old-style `hep-th/9901001` → `199901.00001`.
 */
export function newestKey(id: string): string {
  const modern = /^(\d{4})\.(\d{4,5})$/.exec(id);
  if (modern) return `20${modern[1]}.${modern[2]!.padStart(5, '0')}`;
  const old = /\/(\d{2})(\d{2})(\d{3})$/.exec(id);
  if (old) return `${Number(old[1]) >= 91 ? '19' : '20'}${old[1]}${old[2]}.${old[3]!.padStart(5, '0')}`;
  return id;
}

/**
 * The block of a word's postings that holds a paper: postings are cut into blocks of at most ten
 * thousand consecutive ids (`202611.0`), so that storing or deleting a paper rewrites one block
 * per word, never the postings of a common word over years. Larger blocks would make checks
 * rewrite more; smaller ones make many more rows to write when a large library is indexed.
 */
export function blockOf(paperId: string): string {
  return newestKey(paperId).slice(0, 8);
}

/**
 * The key of a word's postings block: `graph 202611.0`. The space sorts before every letter and
 * digit, so a prefix's key range covers every block of every word it begins, and `graph ` only
 * the blocks of `graph` itself.
 */
export function rowKey(word: string, block: string): string {
  return `${word} ${block}`;
}

/** Adds a paper's index entries to postings lists: under each word's block, `weight + id`. */
function addPostings(postings: Map<string, string[]>, doc: SearchDocRecord): void {
  // Plain loops: this runs over every word of a whole library when it is imported.
  const block = blockOf(doc.id);
  for (const field of ['title', 'meta', 'body'] as const) {
    const entry = `${FIELD_WEIGHTS[field]}${doc.id}`;
    for (const word of doc[field]) {
      const key = rowKey(word, block);
      const list = postings.get(key);
      if (list) list.push(entry);
      else postings.set(key, [entry]);
    }
  }
}

/** The postings rows of a set of index rows, built in memory (what the stored index must equal). */
export function buildSearchTerms(docs: readonly SearchDocRecord[]): SearchTermRecord[] {
  const byKey = new Map<string, string[]>();
  for (const doc of docs) addPostings(byKey, doc);
  return [...byKey].map(([key, entries]) => ({ key, postings: entries.join(' ') }));
}

/**
 * Replaces the index rows of some papers: `before` are the rows stored now (undefined: none),
 * `after` the new ones (undefined: the paper goes). Only the postings of words that appear in
 * either are read and rewritten; a word that only gains papers is appended to without parsing.
 */
async function replaceDocs(db: IndexTables, ids: string[], after: (SearchDocRecord | undefined)[]): Promise<void> {
  if (ids.length === 0) return;
  const before = await db.searchDocs.bulkGet(ids);
  const removed = new Map<string, Set<string>>();
  for (const doc of before) {
    if (!doc) continue;
    const block = blockOf(doc.id);
    for (const word of [...doc.title, ...doc.meta, ...doc.body]) {
      const key = rowKey(word, block);
      removed.set(key, (removed.get(key) ?? new Set()).add(doc.id));
    }
  }
  const added = new Map<string, string[]>();
  for (const doc of after) if (doc) addPostings(added, doc);
  const keys = [...new Set([...removed.keys(), ...added.keys()])];
  const rows = await db.searchTerms.bulkGet(keys);
  const put: SearchTermRecord[] = [];
  const emptied: string[] = [];
  for (const [i, key] of keys.entries()) {
    const gone = removed.get(key);
    const old = rows[i]?.postings;
    const kept = old === undefined ? [] : gone ? old.split(' ').filter((e) => !gone.has(e.slice(1))) : [old];
    const entries = kept.concat(added.get(key) ?? []);
    if (entries.length === 0) emptied.push(key);
    else put.push({ key, postings: entries.join(' ') });
  }
  const docs = after.filter((doc): doc is SearchDocRecord => doc !== undefined);
  const gone = ids.filter((_, i) => after[i] === undefined);
  // Empty bulk calls are skipped: they would make no request to keep the transaction open.
  if (put.length > 0) await db.searchTerms.bulkPut(put);
  if (emptied.length > 0) await db.searchTerms.bulkDelete(emptied);
  if (docs.length > 0) await db.searchDocs.bulkPut(docs);
  if (gone.length > 0) await db.searchDocs.bulkDelete(gone);
}

/**
 * Writes (or rewrites) the index of papers whose text is new or changed. Call it inside the
 * transaction that writes the papers, with `searchTables(db)` in its scope.
 */
export function indexPapers(db: IndexTables, papers: readonly SearchableText[]): Promise<void> {
  const unique = [...new Map(papers.map((p) => [p.id, p])).values()];
  // Returned, not awaited: one native async level less inside the caller's transaction, whose
  // zone Dexie follows through a limited number of native promise hops.
  return replaceDocs(
    db,
    unique.map((p) => p.id),
    unique.map(searchDoc),
  );
}

/** Takes deleted papers out of the index (in the transaction that deletes them). */
export function unindexPapers(db: IndexTables, paperIds: readonly string[]): Promise<void> {
  const unique = [...new Set(paperIds)];
  return replaceDocs(
    db,
    unique,
    unique.map(() => undefined),
  );
}

/** Papers indexed per write while rebuilding: bounded memory, few rewrites of long postings. */
const REBUILD_CHUNK = 5_000;

/**
 * Builds the index of every stored paper from scratch (the database upgrade that introduces it,
 * or a repair). Takes the tables so that an upgrade transaction can pass its own.
 */
export async function rebuildSearchIndex(tables: Pick<AppDB, 'papers' | 'searchDocs' | 'searchTerms'>): Promise<void> {
  await tables.searchDocs.clear();
  await tables.searchTerms.clear();
  let last: string | undefined;
  for (;;) {
    const from = last === undefined ? tables.papers.orderBy('id') : tables.papers.where('id').above(last);
    const chunk = await from.limit(REBUILD_CHUNK).toArray();
    if (chunk.length === 0) return;
    await indexPapers(tables, chunk);
    last = chunk.at(-1)!.id;
  }
}
