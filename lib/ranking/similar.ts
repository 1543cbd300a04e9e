import type { RankText } from './features';
import { paperVector } from './paper-vectors';
import { dot } from './sparse';
import type { SparseVector, Vectorizer } from './vectorizer';

/**
 * "More like this": the `k` candidates closest to `target` by cosine over the ranking's tf-idf
 * vectors, best first, ties by id. The target itself and candidates sharing no term with it
 * (similarity 0, nothing to show them for) are left out.
 */
export function mostSimilar(
  v: Vectorizer,
  target: RankText,
  candidates: readonly RankText[],
  k: number,
): Array<{ id: string; similarity: number }> {
  return closestVectors(
    target.id,
    paperVector(v, target),
    candidates.map((candidate) => [candidate.id, paperVector(v, candidate)] as const),
    k,
  );
}

/**
 * The `k` vectors closest to `wanted` (the vector of paper `ownId`, which is left out), by cosine,
 * best first, ties by id; those sharing no term with it are left out. The worker's "More like
 * this" calls it with vectors it keeps between requests.
 */
export function closestVectors(
  ownId: string,
  wanted: SparseVector,
  candidates: Iterable<readonly [string, SparseVector]>,
  k: number,
): Array<{ id: string; similarity: number }> {
  if (wanted.idx.length === 0 || k <= 0) return [];
  const found: Array<{ id: string; similarity: number }> = [];
  for (const [id, vector] of candidates) {
    if (id === ownId) continue;
    const similarity = dot(wanted, vector);
    if (similarity > 0) found.push({ id, similarity });
  }
  found.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return found.slice(0, k);
}
