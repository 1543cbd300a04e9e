import { seededRandom } from '../support/model-run';
import type { ArxivEntry } from '../../lib/arxiv/types';
import type { PaperRecord } from '../../lib/db/schema';

/**
 * A library of papers whose text looks enough like arXiv's for search to be measured: words drawn
 * from a vocabulary with a long tail (a few words very common, most rare), English stop words in
 * between, authors with accented names, comments on some papers. Seeded, so every run is the same.
 */

const HEAD = `model learning neural network graph transformer attention quantum state equation field theory
  data training method results performance deep optimization algorithm system energy approach language
  time function analysis problem inference distribution spectral random matrix operator gauge lattice
  diffusion generative reinforcement policy agent robust convex stochastic gradient bayesian kernel
  manifold topology symmetry entropy scattering black hole cosmology galaxy dark matter spin
  superconductivity phase transition Schrödinger Hamiltonian Hilbert Fourier Markov Monte Carlo`
  .split(/\s+/)
  .filter(Boolean);
const STOP = ['the', 'of', 'and', 'in', 'a', 'to', 'we', 'is', 'for', 'on', 'with', 'that', 'by', 'this'];
const NAMES = ['Müller', 'García', 'Nguyễn', 'Łukasz', 'Zhang', 'Smith', 'Dvořák', 'Okafor', 'Ivanova', 'Sato'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'so', 'vi', 'de', 'po', 'ar', 'en', 'is', 'ul', 'om'];

/** The `count` papers of `keywords` equal lists, newest first, all unread (one list of "All new"). */
export function searchLibrary(count: number): PaperRecord[] {
  const random = seededRandom(20_000);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const tail = Array.from({ length: 20_000 }, () =>
    Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join(''),
  );
  const vocabulary = [...HEAD, ...tail];
  // Log-uniform ranks: word k is drawn about as often as 1/k (Zipf's law of natural text).
  const word = () =>
    random() < 0.3 ? pick(STOP) : vocabulary[Math.floor(Math.exp(random() * Math.log(vocabulary.length))) - 1]!;
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  const start = Date.parse('2026-11-17T12:00:00Z');
  return Array.from({ length: count }, (_, n) => {
    const published = new Date(start - n * 60_000).toISOString();
    const entry: ArxivEntry = {
      id: `26${String(11 - Math.floor(n / 10_000)).padStart(2, '0')}.${String(n % 10_000).padStart(5, '0')}`,
      version: 1,
      title: words(8 + Math.floor(random() * 6)),
      summary: `${words(150)}.`,
      authors: Array.from({ length: 1 + Math.floor(random() * 6) }, () => ({
        name: `${pick(['A.', 'B.', 'Chen', 'Maria', 'José'])} ${pick(NAMES)}`,
        affiliations: [],
      })),
      published,
      updated: published,
      categories: ['cs.LG'],
      primaryCategory: 'cs.LG',
      comment: n % 4 === 0 ? `${8 + (n % 30)} pages, ${pick(HEAD)} workshop` : undefined,
    };
    return { ...entry, firstSeenAt: start, read: 0, saved: 0 };
  });
}
