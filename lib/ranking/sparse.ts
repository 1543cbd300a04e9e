import type { SparseVector } from './vectorizer';

/** The dot product of two sparse vectors; for l2-normalised ones, their cosine similarity. */
export function dot(a: SparseVector, b: SparseVector): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.idx.length && j < b.idx.length) {
    if (a.idx[i] === b.idx[j]) sum += a.val[i++] * b.val[j++];
    else if (a.idx[i] < b.idx[j]) i++;
    else j++;
  }
  return sum;
}

/** The mean of sparse vectors, scaled to length 1: the direction they share. */
export function centroid(vectors: readonly SparseVector[]): SparseVector {
  const sums = new Map<number, number>();
  for (const { idx, val } of vectors) {
    for (let k = 0; k < idx.length; k++) sums.set(idx[k], (sums.get(idx[k]) ?? 0) + val[k]);
  }
  const idx = [...sums.keys()].sort((a, b) => a - b);
  const val = idx.map((i) => sums.get(i)!);
  const norm = Math.sqrt(val.reduce((sum, x) => sum + x * x, 0));
  return { idx, val: norm > 0 ? val.map((x) => x / norm) : val };
}
