import { describe, expect, it } from 'vitest';
import { paperTokens, type RankText } from '../../../lib/ranking/features';
import { MIN_POSITIVES, rankLibrary, scorePapers, trainRanker, type Label } from '../../../lib/ranking/ranker';

const paper = (id: string, title: string, summary: string, authors: string[] = []): RankText => ({
  id,
  title,
  summary,
  authors: authors.map((name) => ({ name })),
});

const saved = [
  paper('g1', 'Message passing neural networks for molecules', 'We learn molecular graphs by message passing.', [
    'Zoë Müller',
  ]),
  paper('g2', 'Graph neural networks with attention', 'Message passing on citation graphs improves node labels.'),
  paper('g3', 'Scalable message passing', 'Graph neural networks scale to large graphs with sampling.', ['Zoë Müller']),
  paper('g4', 'Equivariant message passing', 'Molecular property prediction with graph neural networks.'),
];
const rejected = [
  paper('q1', 'Quantum error correction codes', 'Surface codes protect logical qubits from noise.'),
  paper('q2', 'Qubit decoherence in superconducting circuits', 'We measure decoherence of transmon qubits.'),
];
const unlabelled = [
  paper('u1', 'Message passing for traffic forecasting', 'Graph neural networks predict road traffic.'),
  paper('u2', 'Logical qubits on a surface code', 'Quantum codes with fewer physical qubits.'),
  paper('u3', 'Protein folding with attention', 'We predict structures from sequences.', ['Zoe Muller']),
  paper('u4', 'Dark matter halos in simulations', 'Galaxy formation and halo mass functions.'),
];
const library = [...saved, ...rejected, ...unlabelled];
const labels = new Map<string, Label>([
  ...saved.map((p) => [p.id, 1] as const),
  ...rejected.map((p) => [p.id, -1] as const),
]);

describe('trainRanker', () => {
  it(`has no model below ${MIN_POSITIVES} saved papers (cold start)`, () => {
    const two = new Map<string, Label>([
      ['g1', 1],
      ['g2', 1],
      ['q1', -1],
      ['not-in-library', 1],
    ]);
    expect(trainRanker(library, two)).toBeUndefined();
    expect(trainRanker(library, new Map([...two, ['g3', 1]]))).toBeDefined();
  });

  it('says what it was trained on', () => {
    expect(trainRanker(library, labels)!.trainedOn).toEqual({ positives: 4, negatives: 2, unlabelled: 4 });
  });

  it('is deterministic and stored as plain data that scores the same after JSON', () => {
    const model = trainRanker(library, labels)!;
    expect(trainRanker(library, labels)).toEqual(model);
    const stored = JSON.parse(JSON.stringify(model));
    expect(scorePapers(stored, unlabelled)).toEqual(scorePapers(model, unlabelled));
  });
});

describe('scorePapers', () => {
  const model = trainRanker(library, labels)!;

  it('ranks the unseen paper on the saved topic first and the one like "Not interested" last', () => {
    const scores = scorePapers(model, unlabelled);
    expect(scores[0].id).toBe('u1');
    expect(scores.at(-1)!.id).toBe('u2');
    for (let i = 1; i < scores.length; i++) expect(scores[i - 1].score).toBeGreaterThanOrEqual(scores[i].score);
  });

  it('ranks a new paper that was not in the library by its words', () => {
    const fresh = [
      paper('n1', 'Quantum codes for qubits', 'Surface codes.'),
      paper('n2', 'Message passing graph neural networks', 'On graphs.'),
    ];
    expect(scorePapers(model, fresh).map((s) => s.id)).toEqual(['n2', 'n1']);
  });

  it('gives as reasons terms shared with the saved papers, a phrase rather than its words', () => {
    const [best] = scorePapers(model, unlabelled);
    expect(best.why.length).toBeGreaterThan(0);
    expect(best.why.length).toBeLessThanOrEqual(3);
    expect(best.why[0]).toContain(' '); // a bigram first: "message passing" or "graph neural"
    const mine = new Set(paperTokens(unlabelled[0]));
    const theirs = new Set(saved.flatMap(paperTokens));
    for (const reason of best.why) expect(mine.has(reason) && theirs.has(reason)).toBe(true);
    const words = best.why.flatMap((reason) => reason.split(' '));
    expect(new Set(words).size).toBe(words.length); // no word shown twice
  });

  it('names a shared author as the paper writes the name', () => {
    const protein = scorePapers(model, unlabelled).find((s) => s.id === 'u3')!;
    expect(protein.why).toContain('Zoe Muller');
  });

  it('gives no reason where nothing is shared with the saved papers', () => {
    const halo = scorePapers(model, unlabelled).find((s) => s.id === 'u4')!;
    expect(halo.why).toEqual([]);
  });

  it('orders equal scores by id', () => {
    const twin = (id: string) => paper(id, 'Dark matter halos in simulations', 'Galaxy formation.');
    expect(scorePapers(model, [twin('b'), twin('a'), twin('c')]).map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('rankLibrary', () => {
  it('trains and scores the library at once, as trainRanker then scorePapers would', () => {
    const both = rankLibrary(library, labels)!;
    const model = trainRanker(library, labels)!;
    expect(both.model).toEqual(model);
    expect(both.scores).toEqual(scorePapers(model, library));
    expect(rankLibrary(library, new Map())).toBeUndefined();
  });
});
