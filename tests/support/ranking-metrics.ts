/** How well an order of papers puts the relevant ones first. */

/** The share of relevant papers among the first `k` of `ranked` (ids, best first). */
export function precisionAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  const top = ranked.slice(0, k);
  return top.filter((id) => relevant.has(id)).length / Math.max(1, top.length);
}

/**
 * ROC AUC of scores: the chance that a random relevant paper scores above a random other one
 * (ties count half), from the rank sum (Mann–Whitney U). 0.5 is chance, 1 is perfect.
 */
export function rocAuc(scores: ReadonlyArray<{ score: number; relevant: boolean }>): number {
  const sorted = [...scores].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && sorted[j]!.score === sorted[i]!.score) j++;
    const averageRank = (i + 1 + j) / 2; // ranks i+1..j share their mean
    for (let k = i; k < j; k++) {
      if (sorted[k]!.relevant) {
        rankSum += averageRank;
        positives += 1;
      }
    }
    i = j;
  }
  const negatives = sorted.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
