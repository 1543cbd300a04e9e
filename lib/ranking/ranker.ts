/**
 * The "For you" ranking, learned on the device from the user's own marks, as arxiv-sanity-lite
 * does on its server (https://github.com/karpathy/arxiv-sanity-lite, `compute.py` and `serve.py`):
 * tf-idf over title, abstract and authors, then a linear SVM (C = 0.01, balanced classes) that
 * separates the saved papers from the rest. Nothing leaves the browser. Tf-idf and the SVM are
 * written in this folder rather than taken from a library (see linear-svm.ts for why).
 */
import type { RankText } from './features';
import { decision, trainLinearSvm, type LinearModel } from './linear-svm';
import { reasonsFor } from './reasons';
import { centroid } from './sparse';
import { fitPapers, paperVector } from './paper-vectors';
import type { SparseVector, Vectorizer } from './vectorizer';

/** A user's mark on a paper: saved (1) or "Not interested" (−1). */
export type Label = 1 | -1;

/** A trained ranking; plain data, stored in IndexedDB as is. */
export interface RankerModel {
  vectorizer: Vectorizer;
  linear: LinearModel;
  /** tf-idf centroid of the positives, sparse, for reasons */
  positives: SparseVector;
  trainedOn: { positives: number; negatives: number; unlabelled: number };
}

/** Below this many saved papers there is no model: too little to tell a topic from chance. */
export const MIN_POSITIVES = 3;

/** The SVM's cost, as arxiv-sanity-lite: strong regularisation suits few, noisy labels. */
export const RANKER_C = 0.01;

/**
 * How much an unlabelled paper counts as a negative, against 1 for "Not interested". Unlabelled
 * papers are mostly of no interest, and they teach the model which words are merely common; but
 * some are papers the user would save and has not seen yet, and counting them fully teaches the
 * model to push down the very papers it should find. A quarter keeps the first lesson while an
 * explicit "Not interested" weighs four times more. Measured on the bench's corpus (5,000 papers,
 * 5 saved, ROC AUC on the unlabelled): 0.915 at 0.05, 0.912 at 0.25, 0.901 at 1; with C = 0.1
 * instead of 0.01 the weight matters more (0.909, 0.881, 0.834).
 */
export const UNLABELLED_WEIGHT = 0.25;

/**
 * Trains the ranking on `papers` and the user's `labels` (by paper id); papers without a label
 * are weak negatives (`UNLABELLED_WEIGHT`). Undefined below `MIN_POSITIVES` saved papers.
 */
export function trainRanker(papers: readonly RankText[], labels: ReadonlyMap<string, Label>): RankerModel | undefined {
  return fit(papers, labels)?.model;
}

/**
 * `trainRanker` and `scorePapers` of the same papers at once, reading each paper's text once:
 * what a retrain of the whole library needs. Undefined below `MIN_POSITIVES` saved papers.
 */
export function rankLibrary(
  papers: readonly RankText[],
  labels: ReadonlyMap<string, Label>,
): { model: RankerModel; scores: PaperScore[] } | undefined {
  const fitted = fit(papers, labels);
  if (!fitted) return undefined;
  const { model, x } = fitted;
  return { model, scores: ranked(papers.map((paper, i) => paperScore(model, paper, x[i]))) };
}

function fit(papers: readonly RankText[], labels: ReadonlyMap<string, Label>) {
  const marks = papers.map((paper) => labels.get(paper.id));
  const positives = marks.filter((mark) => mark === 1).length;
  if (positives < MIN_POSITIVES) return undefined;
  const negatives = marks.filter((mark) => mark === -1).length;
  const { vectorizer, vectors: x } = fitPapers(papers);
  const linear = trainLinearSvm(
    x,
    marks.map((mark) => (mark === 1 ? 1 : -1)),
    {
      C: RANKER_C,
      balanced: true,
      // Scores move by about 1e-4 of their spread between 1e-3 and 1e-6, and the order not at all
      // (measured on the bench's corpus); 1e-4, scikit-learn's default, costs a third more passes.
      tolerance: 1e-3,
      sampleWeights: marks.map((mark) => (mark === undefined ? UNLABELLED_WEIGHT : 1)),
    },
  );
  const model: RankerModel = {
    vectorizer,
    linear,
    positives: centroid(x.filter((_, i) => marks[i] === 1)),
    trainedOn: { positives, negatives, unlabelled: papers.length - positives - negatives },
  };
  return { model, x };
}

/** A paper's place in "For you": higher is better; `why` holds up to 3 shared terms, shown as is. */
export interface PaperScore {
  id: string;
  score: number;
  why: string[];
}

function paperScore(model: RankerModel, paper: RankText, x: SparseVector): PaperScore {
  return {
    id: paper.id,
    score: decision(model.linear, x),
    why: reasonsFor(model.vectorizer, model.linear, model.positives, paper, x),
  };
}

/** Best first, ties by id, so that equal scores keep one order. */
function ranked(scores: PaperScore[]): PaperScore[] {
  return scores.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Scores `papers` with a trained ranking, best first (ties by id), each with its reasons. */
export function scorePapers(model: RankerModel, papers: readonly RankText[]): PaperScore[] {
  return ranked(papers.map((paper) => paperScore(model, paper, paperVector(model.vectorizer, paper))));
}
