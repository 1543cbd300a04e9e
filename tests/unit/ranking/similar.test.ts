import { describe, expect, it } from 'vitest';
import { paperTokens, type RankText } from '../../../lib/ranking/features';
import { mostSimilar } from '../../../lib/ranking/similar';
import { fitVectorizer } from '../../../lib/ranking/vectorizer';

const paper = (id: string, title: string, summary: string): RankText => ({ id, title, summary, authors: [] });

const library = [
  paper('a', 'Message passing neural networks', 'Graph neural networks learn by message passing on molecules.'),
  paper('b', 'Surface codes for qubits', 'Quantum error correction with surface codes.'),
  paper('c', 'Message passing on molecular graphs', 'Neural message passing predicts molecular properties.'),
  paper('d', 'Galaxy halos', 'Dark matter halos in cosmological simulations.'),
  paper('e', 'Graph attention networks', 'Attention on graphs for node classification.'),
];
const v = fitVectorizer(library.map(paperTokens));

describe('mostSimilar', () => {
  it('puts the obviously similar paper first and leaves the target itself out', () => {
    const similar = mostSimilar(v, library[0], library, 3);
    expect(similar[0].id).toBe('c');
    expect(similar.map((s) => s.id)).not.toContain('a');
    expect(similar[0].similarity).toBeGreaterThan(similar[1].similarity);
    expect(similar[0].similarity).toBeLessThanOrEqual(1);
  });

  it('leaves out papers sharing no term, and returns at most k', () => {
    expect(mostSimilar(v, library[0], library, 10).map((s) => s.id)).toEqual(['c', 'e']);
    expect(mostSimilar(v, library[0], library, 1)).toHaveLength(1);
    expect(mostSimilar(v, library[0], library, 0)).toEqual([]);
  });

  it('gives a cosine of 1 to the same text, and orders ties by id', () => {
    const copies = [paper('z', 'Galaxy halos', 'Dark matter.'), paper('y', 'Galaxy halos', 'Dark matter.')];
    const similar = mostSimilar(v, paper('x', 'Galaxy halos', 'Dark matter.'), copies, 2);
    expect(similar.map((s) => s.id)).toEqual(['y', 'z']);
    expect(similar[0].similarity).toBeCloseTo(1, 12);
  });

  it('finds nothing for a paper with no known term', () => {
    expect(mostSimilar(v, paper('n', 'Unheard of', 'Zebras.'), library, 3)).toEqual([]);
  });
});
