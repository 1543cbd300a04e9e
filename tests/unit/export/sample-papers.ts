import type { PaperRecord } from '../../../lib/db/schema';
import type { Keyword } from '../../../lib/keywords/keyword';
import { entry } from '../helpers';

/** A paper record with plausible defaults (the shared feed entry, as stored, on a fixed date). */
export function paper(id: string, overrides: Partial<PaperRecord> = {}): PaperRecord {
  const date = '2025-11-20T18:00:00Z';
  return {
    ...entry(id, { published: date, updated: date }),
    firstSeenAt: 1_763_700_000_000,
    read: 0,
    saved: 0,
    ...overrides,
  };
}

/** A keyword with a fixed id, so outputs are reproducible. */
export function keyword(label: string, overrides: Partial<Keyword> = {}): Keyword {
  return {
    id: `kw-${label.length}`,
    label,
    terms: [{ text: label, mode: 'phrase' }],
    field: 'title-abstract',
    categories: [],
    exclude: [],
    enabled: true,
    notify: true,
    createdAt: 1_763_000_000_000,
    ...overrides,
  };
}

/** TeX, pipes, wrapped lines, HTML, accents and Chinese, a DOI, a venue and code: what real feeds contain. */
export const texPaper = paper('2511.01234', {
  version: 2,
  title: 'Sorting in $\\mathcal{O}(n)$ Time | A Note on [Radix] Methods',
  summary:
    'We show that sorting\nruns in $\\mathcal{O}(n)$ time when keys are small;\n\n' +
    'the norm $\\|x\\|_2$ stays bounded & 50% of #cases hold for a<b. ' +
    'Code: https://github.com/sort_lab/radix_sort.',
  authors: [
    { name: 'Sébastien Bubeck', affiliations: ['Microsoft Research'] },
    { name: '李飞飞', affiliations: [] },
  ],
  categories: ['cs.DS', 'cs.LG'],
  primaryCategory: 'cs.DS',
  comment: 'Code: a | b <script>alert(1)</script>, 12 pages, accepted at the Symposium on Sorting',
  doi: '10.1000/sort_2025.1',
  read: 1,
  readAt: 1_763_800_000_000,
  saved: 1,
  savedAt: 1_763_800_000_500,
});

/** An old-style id, a Chinese title word, a short inline comment, no DOI. */
export const oldPaper = paper('hep-th/9901001', {
  title: 'Strings and 大模型 on Branes',
  summary: 'A short abstract.',
  authors: [{ name: 'Juan Martín Maldacena', affiliations: [] }],
  published: '1999-01-04T12:00:00Z',
  updated: '1999-02-01T12:00:00Z',
  categories: ['hep-th'],
  primaryCategory: 'hep-th',
  comment: '12 pages',
});

/** Same first author, year and first title word as texPaper: its citation key must differ. */
export const twinPaper = paper('2511.05678', {
  title: 'The Sorting Hat_Problem for $x_1 < x_2$: 100% & #1 {revisited',
  summary: '',
  authors: [
    { name: 'Sébastien Bubeck', affiliations: [] },
    { name: 'Research and Development Team', affiliations: [] },
  ],
  primaryCategory: undefined,
  categories: ['math.CO'],
});
