import { describe, expect, it } from 'vitest';
import { authorMatches, matchesKeyword, type MatchableKeyword } from '../../../lib/arxiv/keyword-match';
import type { KeywordTerm, MatchField } from '../../../lib/keywords/keyword';

const entry = {
  title: 'Self-Supervised Models for the Schrödinger Equation',
  summary:
    'We study learned neural networks that transform images.\n  The transformers were trained on $\\mathcal{O}(n)$ data.',
  authors: [
    { name: 'Geoffrey E. Hinton', affiliations: [] },
    { name: 'Adrian Del Maestro', affiliations: [] },
    { name: 'José Núñez', affiliations: ['Universidad'] },
  ],
  categories: ['cs.LG', 'stat.ML'],
  comment: '12 pages, 3 figures',
  journalRef: undefined,
};

function keyword(
  text: string,
  more: Partial<MatchableKeyword> = {},
  mode: KeywordTerm['mode'] = 'phrase',
): MatchableKeyword {
  return { terms: [{ text, mode }], field: 'title-abstract' as MatchField, categories: [], exclude: [], ...more };
}
const by = (name: string, mode: KeywordTerm['mode'] = 'phrase') => keyword(name, { field: 'author' }, mode);

describe('matchesKeyword', () => {
  const cases: [string, MatchableKeyword, boolean | 'unknown'][] = [
    ['a plain phrase', keyword('neural networks'), true],
    ['singular against plural', keyword('neural network'), true],
    ['plural against singular', keyword('self supervised models'), true],
    ['-ing and -ed share a stem', keyword('learning neural network'), true],
    ['-ies and -y share a stem', keyword('studies'), true],
    ['a longer form of the word', keyword('transformer'), true],
    ['a related form of the word', keyword('supervision'), true],
    ['case and accents are ignored', keyword('SCHRODINGER EQUATIONS'), true],
    ['a hyphen counts as a space', keyword('self-supervised'), true],
    ['a phrase keeps its order', keyword('models supervised self'), false],
    ['a phrase needs its words together', keyword('neural images'), false],
    ['loose words may be apart', keyword('neural images', {}, 'words'), true],
    ['loose words may be split between title and abstract', keyword('schrodinger images', {}, 'words'), true],
    ['but not outside the field', keyword('schrodinger images', { field: 'title' }, 'words'), false],
    ['the title only', keyword('neural network', { field: 'title' }), false],
    ['the abstract only', keyword('equation', { field: 'abstract' }), false],
    ['all fields include the comment', keyword('12 pages', { field: 'all' }), true],
    ['TeX is read as words', keyword('mathcal O n', { field: 'abstract' }), true],
    [
      'any term is enough',
      {
        ...keyword('quantum'),
        terms: [
          { text: 'quantum', mode: 'phrase' },
          { text: 'images', mode: 'phrase' },
        ],
      },
      true,
    ],
    ['no term matches', keyword('quantum gravity'), false],
    ['an exclusion removes the paper', keyword('neural network', { exclude: ['schrödinger equation'] }), false],
    ['an exclusion that is absent', keyword('neural network', { exclude: ['survey'] }), true],
    ['exclusions match exactly, not by word beginnings', keyword('neural network', { exclude: ['supervision'] }), true],
    ['an exclusion of only stop words removes nothing', keyword('neural network', { exclude: ['the'] }), true],
    ['a listed category, in any case', keyword('neural network', { categories: ['cs.lg', 'cs.CV'] }), true],
    ['no listed category', keyword('neural network', { categories: ['cs.CV'] }), false],
    ['an author by full name', by('Geoffrey Hinton'), true],
    ['an author by initial and surname', by('G. Hinton'), true],
    ['an author as arXiv writes it', by('Hinton_G'), true],
    ['an author with the wrong initial', by('Y. Hinton'), false],
    ['an author surname with accents folded', by('Jose Nunez'), true],
    ['a two-part surname', by('del_maestro'), true],
    ['an author who is not there', by('Yann LeCun'), false],
    ['loose author words', by('hinton geoffrey', 'words'), true],
    ['an excluded author', { ...by('Hinton'), exclude: ['Del Maestro'] }, false],
    ['a raw query is left to arXiv', keyword('anything', { rawQuery: 'ti:anything' }), 'unknown'],
  ];
  it.each(cases)('%s', (_name, k, expected) => {
    expect(matchesKeyword(k, entry)).toBe(expected);
  });
});

describe('authorMatches', () => {
  it.each([
    ['Hinton, Geoffrey', 'Geoffrey E. Hinton', true],
    ['Del Maestro, A', 'Adrian Del Maestro', true],
    ['Maestro', 'Adrian Del Maestro', true],
    ['Hinton', 'Adrian Del Maestro', false],
    ['Hinton, Y', 'Geoffrey E. Hinton', false],
  ])('%s ~ %s is %s', (query, name, expected) => {
    expect(authorMatches(query, name)).toBe(expected);
  });
});
