import { describe, expect, it } from 'vitest';
import { fitVectorizer, vectorize } from '../../../lib/ranking/vectorizer';

// Three documents; idf = ln((1 + 3) / (1 + df)) + 1, tf = 1 + ln(count), then length 1.
const docs = [
  ['graph', 'graph', 'neural'],
  ['graph', 'quantum'],
  ['quantum', 'spin', 'spin', 'spin'],
];
const IDF_DF2 = 1.2876820724517808; // ln(4/3) + 1: graph, quantum
const IDF_DF1 = 1.6931471805599454; // ln(2) + 1: neural, spin

describe('fitVectorizer', () => {
  it('numbers terms in order of first appearance, with smoothed idf', () => {
    const v = fitVectorizer(docs);
    expect(v.terms).toEqual(['graph', 'neural', 'quantum', 'spin']);
    expect(v.idf[0]).toBeCloseTo(IDF_DF2, 12);
    expect(v.idf[1]).toBeCloseTo(IDF_DF1, 12);
    expect(v.idf[2]).toBeCloseTo(IDF_DF2, 12);
    expect(v.idf[3]).toBeCloseTo(IDF_DF1, 12);
  });

  it('keeps the terms used most often in the corpus past the cap (ties: first seen)', () => {
    // Counts: graph 3, neural 1, quantum 2, spin 3.
    expect(fitVectorizer(docs, 3).terms).toEqual(['graph', 'quantum', 'spin']);
    expect(fitVectorizer(docs, 2).terms).toEqual(['graph', 'spin']);
    expect(fitVectorizer(docs, 1).terms).toEqual(['graph']);
    expect(fitVectorizer(docs, 0).terms).toEqual([]);
  });

  it('is plain data that survives JSON (it is stored in IndexedDB)', () => {
    const v = fitVectorizer(docs);
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });
});

describe('vectorize', () => {
  const v = fitVectorizer(docs);

  it('weighs a repeated term sublinearly and scales the vector to length 1', () => {
    // graph: (1 + ln 2) · 1.2877 = 2.1802; neural: 1 · 1.6931; norm 2.7605.
    const d1 = vectorize(v, docs[0]);
    expect(d1.idx).toEqual([0, 1]);
    expect(d1.val[0]).toBeCloseTo(0.7898069290660905, 12);
    expect(d1.val[1]).toBeCloseTo(0.6133555370249717, 12);
    // spin three times: (1 + ln 3) · 1.6931 against quantum once: 1.2877.
    const d3 = vectorize(v, docs[2]);
    expect(d3.idx).toEqual([2, 3]);
    expect(d3.val[0]).toBeCloseTo(0.3407117433703762, 12);
    expect(d3.val[1]).toBeCloseTo(0.9401678083882254, 12);
    expect(Math.hypot(...d3.val)).toBeCloseTo(1, 12);
  });

  it('sorts indices whatever the token order, and ignores unknown tokens', () => {
    expect(vectorize(v, ['spin', 'unknown', 'graph'])).toEqual(vectorize(v, ['graph', 'spin']));
    expect(vectorize(v, ['spin', 'graph']).idx).toEqual([0, 3]);
  });

  it('gives an empty vector when no token is known', () => {
    expect(vectorize(v, ['unknown'])).toEqual({ idx: [], val: [] });
  });

  it('works on a vectorizer read back from storage (a new object)', () => {
    const stored = JSON.parse(JSON.stringify(v));
    expect(vectorize(stored, docs[1])).toEqual(vectorize(v, docs[1]));
  });
});
