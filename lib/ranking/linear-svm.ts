/**
 * A linear SVM written here rather than taken from a library: the JavaScript ML libraries that
 * offer one are large (tensor runtimes, WebAssembly builds) or unkept, and some need a DOM or
 * workers that a service worker does not have; this one is a page of code, exact and deterministic.
 *
 * It solves what scikit-learn's `LinearSVC` solves by default (through liblinear): L2-regularised
 * squared-hinge loss, min ½‖w‖² + Σᵢ Cᵢ max(0, 1 − yᵢ wᵀxᵢ)², by dual coordinate descent
 * (Hsieh et al. 2008, "A Dual Coordinate Descent Method for Large-scale Linear SVM", ICML,
 * https://www.csie.ntu.edu.tw/~cjlin/papers/cddual.pdf, algorithm 1 with U = ∞, Dᵢᵢ = 1/(2Cᵢ)).
 * The bias is liblinear's: a constant feature 1 appended to every x, so it is regularised too.
 */
import type { SparseVector } from './vectorizer';
import { seededRandom } from './seeded-random';

/** A trained linear model: decision(x) = weights · x + bias. Plain numbers, stored as is. */
export interface LinearModel {
  weights: number[];
  bias: number;
}

/** Options of `trainLinearSvm`; the defaults are the ranking's (arxiv-sanity-lite's LinearSVC). */
export interface SvmOptions {
  /** Cost of a margin violation; small = strongly regularised. Default 0.01. */
  C?: number;
  /** Weigh each class n / (2 · n_class), so that a few positives count as much as many negatives. Default true. */
  balanced?: boolean;
  /** Passes over the data at most. Default 1,000 (scikit-learn's `max_iter`). */
  maxIterations?: number;
  /** Stop when the projected gradients span at most this (liblinear's stopping rule). Default 1e-4. */
  tolerance?: number;
  /** Per-sample multipliers of C (e.g. lower for weak labels); 0 leaves a sample out. */
  sampleWeights?: readonly number[];
  /** Seed of the order samples are visited in; the same seed gives the same model. */
  seed?: number;
}

/**
 * The cost Cᵢ of each sample: C × its class weight × its own weight. Balanced class weights are
 * n / (2 · n_class) with n and n_class summed over sample weights (scikit-learn counts samples),
 * so that a sample of weight 0 is truly absent and both classes weigh the same in the loss.
 */
function sampleCosts(y: ReadonlyArray<1 | -1>, options: SvmOptions): number[] {
  const { C = 0.01, balanced = true, sampleWeights } = options;
  const weights = y.map((_, i) => sampleWeights?.[i] ?? 1);
  let positives = 0;
  let negatives = 0;
  y.forEach((label, i) => (label === 1 ? (positives += weights[i]) : (negatives += weights[i])));
  const classes = (positives > 0 ? 1 : 0) + (negatives > 0 ? 1 : 0);
  const total = positives + negatives;
  const classWeight = (label: 1 | -1) => (balanced ? total / (classes * (label === 1 ? positives : negatives)) : 1);
  return y.map((label, i) => (weights[i] > 0 ? C * classWeight(label) * weights[i] : 0));
}

/** w · x for a sparse x. */
function dotDense(w: Float64Array, { idx, val }: SparseVector): number {
  let sum = 0;
  for (let k = 0; k < idx.length; k++) sum += w[idx[k]] * val[k];
  return sum;
}

/** w += a · x for a sparse x. */
function addScaled(w: Float64Array, a: number, { idx, val }: SparseVector): void {
  for (let k = 0; k < idx.length; k++) w[idx[k]] += a * val[k];
}

/**
 * Trains a linear SVM on sparse samples `x` labelled `y` (1 or −1). Like liblinear, it shrinks:
 * a sample at α = 0 far on the right side of the margin is set aside until the end, which spares
 * most passes over the many unlabelled papers; the last pass checks them all again.
 */
export function trainLinearSvm(
  x: readonly SparseVector[],
  y: ReadonlyArray<1 | -1>,
  options: SvmOptions = {},
): LinearModel {
  if (x.length !== y.length) throw new Error('trainLinearSvm: one label per sample');
  const { maxIterations = 1000, tolerance = 1e-4, seed = 1 } = options;
  let dimensions = 0;
  for (const sample of x) if (sample.idx.length) dimensions = Math.max(dimensions, sample.idx.at(-1)! + 1);
  // The bias is the last weight: the constant feature 1 of every sample.
  const w = new Float64Array(dimensions + 1);
  const costs = sampleCosts(y, options);
  const order = costs.flatMap((cost, i) => (cost > 0 ? [i] : []));
  const alpha = new Float64Array(x.length);
  const diagonal = costs.map((cost) => (cost > 0 ? 1 / (2 * cost) : 0));
  // Qᵢᵢ of the dual: ‖xᵢ‖² + 1 (the bias feature) + Dᵢᵢ.
  const q = x.map((sample, i) => sample.val.reduce((sum, v) => sum + v * v, 1) + diagonal[i]);
  const random = seededRandom(seed);
  let active = order.length;
  // Shrinking threshold: the largest projected gradient of the previous pass (liblinear's PGmax_old;
  // with U = ∞ there is no upper bound, so no PGmin_old).
  let maxOld = Infinity;

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    for (let k = active - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    let maxPg = -Infinity;
    let minPg = Infinity;
    for (let s = 0; s < active; s++) {
      const i = order[s];
      const label = y[i];
      const gradient = label * (dotDense(w, x[i]) + w[dimensions]) - 1 + diagonal[i] * alpha[i];
      let projected = gradient;
      if (alpha[i] === 0) {
        if (gradient > maxOld) {
          // Shrink: swap it past the active part and look at the sample swapped in.
          active -= 1;
          [order[s], order[active]] = [order[active], order[s]];
          s -= 1;
          continue;
        }
        projected = Math.min(gradient, 0);
      }
      maxPg = Math.max(maxPg, projected);
      minPg = Math.min(minPg, projected);
      if (Math.abs(projected) < 1e-12) continue;
      const before = alpha[i];
      alpha[i] = Math.max(before - gradient / q[i], 0);
      const step = (alpha[i] - before) * label;
      addScaled(w, step, x[i]);
      w[dimensions] += step;
    }
    if (maxPg - minPg <= tolerance) {
      if (active === order.length) break;
      // Converged on the active samples: check every sample once more before stopping.
      active = order.length;
      maxOld = Infinity;
      continue;
    }
    maxOld = maxPg > 0 ? maxPg : Infinity;
  }
  return { weights: Array.from(w.subarray(0, dimensions)), bias: w[dimensions] };
}

/** The signed score of a sample: positive on the side of the positives. */
export function decision(model: LinearModel, x: SparseVector): number {
  let score = model.bias;
  const { weights } = model;
  for (let k = 0; k < x.idx.length; k++) score += (weights[x.idx[k]] ?? 0) * x.val[k];
  return score;
}
