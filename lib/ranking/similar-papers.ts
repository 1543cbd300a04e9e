/**
 * "More like this": the stored papers closest to one paper, by cosine over the ranking's tf-idf
 * vectors. Runs in the worker. Vectors are kept in memory between requests (they cost about a
 * second for 20,000 papers); only papers added since are vectorised, and the cache starts over
 * when the ranking is retrained (its vocabulary changed).
 */
import type { AppDB } from '../db/app-db';
import { readLibrary, readRankingModel, readRankingStatus } from '../db/ranking';
import { fitPapers, paperVector } from './paper-vectors';
import type { RankerModel } from './ranker';
import { closestVectors } from './similar';
import type { SparseVector, Vectorizer } from './vectorizer';

/** Papers "More like this" lists. */
export const SIMILAR_COUNT = 10;

export type SimilarResult = { ok: true; ids: string[] } | { ok: false; message: string };

interface VectorCache {
  /** The training the vocabulary comes from (0: fitted here, there being no model). */
  trainedAt: number;
  vectorizer: Vectorizer;
  vectors: Map<string, SparseVector>;
}

let cache: VectorCache | undefined;

async function vectorsNow(db: AppDB): Promise<VectorCache> {
  const { trainedAt = 0 } = await readRankingStatus(db);
  const ids = (await db.papers.toCollection().primaryKeys()) as string[];
  if (!cache || cache.trainedAt !== trainedAt || (trainedAt === 0 && cache.vectors.size !== ids.length)) {
    const model = trainedAt ? await readRankingModel<RankerModel>(db) : undefined;
    if (model) cache = { trainedAt, vectorizer: model.vectorizer, vectors: new Map() };
    else {
      // No model yet: a vocabulary fitted on the library itself serves the same cosine.
      const papers = await readLibrary(db);
      const { vectorizer, vectors } = fitPapers(papers);
      cache = { trainedAt: 0, vectorizer, vectors: new Map(papers.map((p, i) => [p.id, vectors[i]!])) };
    }
  }
  const wanted = new Set(ids);
  for (const id of cache.vectors.keys()) if (!wanted.has(id)) cache.vectors.delete(id);
  const missing = ids.filter((id) => !cache!.vectors.has(id));
  const papers = await db.papers.bulkGet(missing);
  for (const paper of papers) if (paper) cache.vectors.set(paper.id, paperVector(cache.vectorizer, paper));
  return cache;
}

/** The ids of the papers most like `paperId`, best first (hidden papers left out). */
export async function similarPapers(db: AppDB, paperId: string): Promise<SimilarResult> {
  const target = await db.papers.get(paperId);
  if (!target) return { ok: false, message: 'This paper is no longer stored.' };
  const { vectors } = await vectorsNow(db);
  const hidden = new Set((await db.papers.orderBy('hiddenAt').primaryKeys()) as string[]);
  const visible = [...vectors].filter(([id]) => !hidden.has(id));
  const closest = closestVectors(paperId, vectors.get(paperId)!, visible, SIMILAR_COUNT);
  return { ok: true, ids: closest.map((c) => c.id) };
}

/** Forgets the vectors (tests start afresh). */
export function resetSimilarCache(): void {
  cache = undefined;
}
