import { describe, expect, it } from 'vitest';
import { trainRanker } from '../../../lib/ranking/ranker';
import { rankingQuality } from '../../bench/ranking-bench';
import { rankingCorpus } from '../../support/ranking-corpus';

describe('"For you" on a library of recombined real abstracts (see tests/support/ranking-corpus.ts)', () => {
  it('puts more papers of the saved topic in its first 20 than newest-first order does', () => {
    const { papers, labels } = rankingCorpus(500, 10, 10);
    const model = trainRanker(papers, labels)!;
    const quality = rankingQuality(
      model,
      papers.filter((p) => !labels.has(p.id)),
    );
    // Deterministic corpus and model: on it, newest first is near the topic's share (~15%).
    expect(quality.newest.precision).toBeLessThan(0.4);
    expect(quality.forYou.precision).toBeGreaterThanOrEqual(0.8);
    expect(quality.forYou.auc).toBeGreaterThan(quality.newest.auc + 0.3);
  });
});
