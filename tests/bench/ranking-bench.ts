import { rankLibrary, scorePapers, trainRanker, type RankerModel } from '../../lib/ranking/ranker';
import { mostSimilar } from '../../lib/ranking/similar';
import { LIKED_TOPIC, rankingCorpus, type CorpusPaper } from '../support/ranking-corpus';
import { precisionAt, rocAuc } from '../support/ranking-metrics';
import { median, type Row } from './table';

/** Precision@20 and ROC AUC of "For you" and of newest-first order, on the papers left unlabelled. */
export function rankingQuality(model: RankerModel, unlabelled: readonly CorpusPaper[]) {
  const relevant = new Set(unlabelled.filter((p) => p.topic === LIKED_TOPIC).map((p) => p.id));
  const forYou = scorePapers(model, unlabelled);
  const newest = [...unlabelled].sort((a, b) => b.published.localeCompare(a.published) || a.id.localeCompare(b.id));
  return {
    forYou: {
      precision: precisionAt(
        forYou.map((s) => s.id),
        relevant,
        20,
      ),
      auc: rocAuc(forYou.map((s) => ({ score: s.score, relevant: relevant.has(s.id) }))),
    },
    newest: {
      precision: precisionAt(
        newest.map((p) => p.id),
        relevant,
        20,
      ),
      auc: rocAuc(unlabelled.map((p) => ({ score: Date.parse(p.published), relevant: relevant.has(p.id) }))),
    },
  };
}

function timed<T>(work: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = work();
  return { result, ms: performance.now() - start };
}

/**
 * The ranking's rows of the benchmark at 5,000 and 20,000 papers (see tests/support/ranking-corpus.ts
 * for how the labelled library is made): quality against newest-first order, and the time to retrain
 * (tokens, fit, vectors, SVM, scoring the library), to score 100 new papers and to find similar ones.
 * `quick` times one retrain (the first in the process, so with a cold JIT) instead of three.
 */
export async function rankingRows(quick: boolean): Promise<Row[]> {
  const rows: Row[] = [];
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const versus = (a: number, b: number) => `${a.toFixed(2)} vs ${b.toFixed(2)}`;
  for (const size of [5_000, 20_000]) {
    const label = size.toLocaleString('en');
    const { papers, labels } = rankingCorpus(size + 100);
    const library = papers.slice(0, size);
    const fresh = papers.slice(size); // papers of the next check, not in the library
    for (const paper of fresh) labels.delete(paper.id);
    const retrains = Array.from({ length: quick ? 1 : 3 }, () => timed(() => rankLibrary(library, labels)!.model));
    const model = retrains[0]!.result;
    const quality = rankingQuality(
      model,
      library.filter((p) => !labels.has(p.id)),
    );
    rows.push({
      measure: `"For you" vs newest first, ${label} papers: precision@20`,
      value: versus(quality.forYou.precision, quality.newest.precision),
      target: 'For you higher',
    });
    rows.push({
      measure: `"For you" vs newest first, ${label} papers: ROC AUC`,
      value: versus(quality.forYou.auc, quality.newest.auc),
      target: 'For you higher',
    });
    rows.push({
      measure: `ranking: retrain on ${label} papers and score them (rankLibrary${quick ? '' : ', median'})`,
      value: ms(median(retrains.map((r) => r.ms))),
      target: size === 5_000 ? '≤ 1 s' : 'report',
    });
    const apart = timed(() => scorePapers(trainRanker(library, labels)!, library));
    rows.push({ measure: 'same by trainRanker, then scorePapers', value: ms(apart.ms), target: 'for comparison' });
    // A worker that wakes up reads the model from storage: a new object, whose indexes are built anew.
    const fromStorage = Array.from({ length: quick ? 3 : 10 }, () => {
      const stored = JSON.parse(JSON.stringify(model)) as typeof model;
      return timed(() => scorePapers(stored, fresh)).ms;
    });
    rows.push({
      measure: `ranking: score 100 new papers, model just read from storage (median)`,
      value: ms(median(fromStorage)),
      target: '≤ 50 ms',
    });
    const scoring = Array.from({ length: quick ? 3 : 20 }, () => timed(() => scorePapers(model, fresh)).ms);
    rows.push({ measure: `same, model in memory (median)`, value: ms(median(scoring)), target: '≤ 50 ms' });
    const target = library.find((p) => labels.get(p.id) === 1)!;
    const similar = Array.from(
      { length: quick ? 1 : 3 },
      () => timed(() => mostSimilar(model.vectorizer, target, library, 5)).ms,
    );
    rows.push({ measure: `"More like this" among ${label} papers`, value: ms(median(similar)), target: 'report' });
    rows.push({
      measure: `ranking model stored (JSON), ${label} papers`,
      value: `${(JSON.stringify(model).length / 1024).toFixed(0)} KB`,
      target: 'report',
    });
  }
  return rows;
}
