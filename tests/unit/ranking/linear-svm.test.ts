import { describe, expect, it } from 'vitest';
import { decision, trainLinearSvm, type LinearModel, type SvmOptions } from '../../../lib/ranking/linear-svm';
import type { SparseVector } from '../../../lib/ranking/vectorizer';

/** A unit vector with the given (index, value) entries. */
function unit(...entries: Array<[number, number]>): SparseVector {
  const sorted = [...entries].sort(([a], [b]) => a - b);
  const norm = Math.hypot(...sorted.map(([, v]) => v));
  return { idx: sorted.map(([i]) => i), val: sorted.map(([, v]) => v / norm) };
}

// Topic words 0 (liked) and 1 (not), each sample with its own noise word (2 + n).
const liked = Array.from({ length: 6 }, (_, n) => unit([0, 1], [2 + n, 0.8]));
const other = Array.from({ length: 6 }, (_, n) => unit([1, 1], [8 + n, 0.8]));
const x = [...liked, ...other];
const y = [...liked.map(() => 1 as const), ...other.map(() => -1 as const)];

/** The primal objective the SVM minimises: ½‖(w, b)‖² + Σ Cᵢ max(0, 1 − yᵢ f(xᵢ))². */
function objective(model: LinearModel, costs: readonly number[]): number {
  const norm = model.weights.reduce((sum, w) => sum + w * w, model.bias * model.bias);
  return norm / 2 + x.reduce((sum, xi, i) => sum + costs[i] * Math.max(0, 1 - y[i] * decision(model, xi)) ** 2, 0);
}

describe('trainLinearSvm', () => {
  it('classifies a linearly separable set perfectly, with the default (strong) regularisation', () => {
    const model = trainLinearSvm(x, y);
    x.forEach((sample, i) => expect(Math.sign(decision(model, sample))).toBe(y[i]));
  });

  it('points the weights the right way: up for the liked word, down for the other, ~0 for unseen', () => {
    const model = trainLinearSvm(x, y, { C: 1 });
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(model.weights[1]).toBeLessThan(0);
    expect(decision(model, unit([0, 1]))).toBeGreaterThan(0);
    expect(decision(model, unit([1, 1]))).toBeLessThan(0);
    expect(decision(model, unit([99, 1]))).toBeCloseTo(model.bias, 12);
  });

  it('reaches the minimum of the squared-hinge objective (no small step lowers it)', () => {
    const options: SvmOptions = { C: 0.5, balanced: false, tolerance: 1e-8 };
    const model = trainLinearSvm(x, y, options);
    const costs = x.map(() => 0.5);
    const best = objective(model, costs);
    for (let k = -1; k < model.weights.length; k++) {
      for (const step of [-1e-3, 1e-3]) {
        const moved = { weights: [...model.weights], bias: model.bias };
        if (k < 0) moved.bias += step;
        else moved.weights[k] += step;
        expect(objective(moved, costs)).toBeGreaterThanOrEqual(best - 1e-12);
      }
    }
  });

  it('with balanced class weights, finds a few positives among many negatives that it misses otherwise', () => {
    const few = liked.slice(0, 2);
    const many = Array.from({ length: 60 }, (_, n) => unit([1, 1], [20 + n, 0.8]));
    const xs = [...few, ...many];
    const ys = [...few.map(() => 1 as const), ...many.map(() => -1 as const)];
    const plain = trainLinearSvm(xs, ys, { balanced: false });
    const balanced = trainLinearSvm(xs, ys, { balanced: true });
    for (const sample of few) {
      expect(decision(plain, sample)).toBeLessThan(0);
      expect(decision(balanced, sample)).toBeGreaterThan(0);
    }
  });

  it('leaves out a sample of weight 0 and lets a lower weight count less', () => {
    const confusing = unit([0, 1], [30, 0.8]); // the liked word, labelled negative
    const without = trainLinearSvm(x, y, { C: 1 });
    const ignored = trainLinearSvm([...x, confusing], [...y, -1], { C: 1, sampleWeights: [...y.map(() => 1), 0] });
    ignored.weights.slice(0, without.weights.length).forEach((w, i) => expect(w).toBeCloseTo(without.weights[i], 3));
    const weak = trainLinearSvm([...x, confusing], [...y, -1], { C: 1, sampleWeights: [...y.map(() => 1), 0.1] });
    const strong = trainLinearSvm([...x, confusing], [...y, -1], { C: 1 });
    expect(weak.weights[0]).toBeGreaterThan(strong.weights[0]);
  });

  it('is deterministic and gives plain numbers that survive JSON', () => {
    const a = trainLinearSvm(x, y, { C: 1 });
    expect(trainLinearSvm(x, y, { C: 1 })).toEqual(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(Array.isArray(a.weights)).toBe(true);
  });

  it('refuses labels that do not match the samples', () => {
    expect(() => trainLinearSvm(x, y.slice(1))).toThrow();
  });
});
