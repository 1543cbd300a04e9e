import type { RankText } from './features';
import { paperVector } from './paper-vectors';
import { dot } from './sparse';
import type { Vectorizer } from './vectorizer';

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
  const wanted = paperVector(v, target);
  if (wanted.idx.length === 0 || k <= 0) return [];
  const found: Array<{ id: string; similarity: number }> = [];
  for (const candidate of candidates) {
    if (candidate.id === target.id) continue;
    const similarity = dot(wanted, paperVector(v, candidate));
    if (similarity > 0) found.push({ id: candidate.id, similarity });
  }
  found.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return found.slice(0, k);
}
