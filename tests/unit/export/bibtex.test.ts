import { describe, expect, it } from 'vitest';
import { citationKey, paperToBibtex, papersToBibtex } from '../../../lib/export/bibtex';
import { golden } from './golden';
import { oldPaper, paper, texPaper, twinPaper } from './sample-papers';

/** BibTeX counts every brace, escaped or not; a field whose braces do not balance swallows the file. */
function bracesBalance(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '{') depth++;
    if (char === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

function field(entry: string, name: string): string | undefined {
  return new RegExp(`^  ${name} = \\{(.*)\\},?$`, 'm').exec(entry)?.[1];
}

function keys(bib: string): string[] {
  return [...bib.matchAll(/^@misc\{([^,]+),$/gm)].map((match) => match[1] ?? '');
}

describe('papersToBibtex', () => {
  it('writes one @misc entry per paper', () => {
    expect(papersToBibtex([texPaper, oldPaper, twinPaper])).toBe(golden('expected.bib'));
  });

  it('gives every entry its own key', () => {
    const bib = papersToBibtex([texPaper, twinPaper, twinPaper, texPaper, oldPaper]);
    expect(keys(bib)).toEqual([
      'bubeck2025sorting',
      'bubeck2025sortinga',
      'bubeck2025sortingb',
      'bubeck2025sortingc',
      'maldacena1999strings',
    ]);
  });

  it('does not reuse a key that another paper has as its own', () => {
    const sortinga = paper('2511.00010', {
      title: 'Sortinga Explained',
      authors: [{ name: 'Sébastien Bubeck', affiliations: [] }],
    });
    expect(keys(papersToBibtex([sortinga, texPaper, twinPaper]))).toEqual([
      'bubeck2025sortinga',
      'bubeck2025sorting',
      'bubeck2025sortingb',
    ]);
  });

  it('is empty for no papers', () => {
    expect(papersToBibtex([])).toBe('');
  });
});

describe('citationKey', () => {
  it.each([
    ['Sébastien Bubeck', 'Sparks of Artificial General Intelligence', 'bubeck2025sparks'],
    ['Ørjan Ødegård', 'On the Theory of Everything', 'odegard2025theory'],
    ['Martin Luther King, Jr.', 'A Dream', 'king2025dream'],
    ['Vaswani, Ashish', 'Attention Is All You Need', 'vaswani2025attention'],
    ['李飞飞', '大模型 Reward Models', 'arxiv2025reward'],
    ["Conan O'Brien", '$\\mathcal{O}(n)$ \\emph{Sorting}', 'obrien2025sorting'],
  ])('%s, %s → %s', (name, title, key) => {
    expect(citationKey(paper('2511.00001', { title, authors: [{ name, affiliations: [] }] }))).toBe(key);
  });
});

describe('paperToBibtex', () => {
  it('escapes special characters outside math and keeps math as written', () => {
    const entry = paperToBibtex(
      paper('2511.00002', { title: 'R&D at 50% for #1_best with $x_1 \\& y^2$, \\emph{really} ^_^' }),
    );
    expect(field(entry, 'title')).toBe(
      '{R\\&D at 50\\% for \\#1\\_best with $x_1 \\& y^2$, \\emph{really} \\^{}\\_\\^{}}',
    );
  });

  it.each([
    ['Unbalanced } brace', '{Unbalanced \\textbraceright{} brace}'],
    ['An {open group', '{An \\textbraceleft{}open group}'],
    ['Escaped \\{ alone', '{Escaped \\textbraceleft{} alone}'],
    ['Math $\\{x \\mid x > 0$ set', '{Math $\\lbrace{}x \\mid x > 0$ set}'],
    ['Trailing backslash \\', '{Trailing backslash \\textbackslash{}}'],
    ['A lone $ dollar', '{A lone \\$ dollar}'],
  ])('keeps braces balanced: %s', (title, expected) => {
    const entry = paperToBibtex(paper('2511.00003', { title }));
    expect(field(entry, 'title')).toBe(expected);
    expect(bracesBalance(entry)).toBe(true);
  });

  it('keeps non-Latin and accented names as written', () => {
    expect(field(paperToBibtex(texPaper), 'author')).toBe('Sébastien Bubeck and 李飞飞');
  });

  it('adds the DOI only when the paper has a valid one', () => {
    expect(field(paperToBibtex(texPaper), 'doi')).toBe('10.1000/sort_2025.1');
    expect(field(paperToBibtex(oldPaper), 'doi')).toBeUndefined();
    expect(field(paperToBibtex(paper('2511.00004', { doi: 'not a doi' })), 'doi')).toBeUndefined();
  });

  it('notes the venue and the code of the paper', () => {
    const both = paper('2511.00005', {
      comment: 'Accepted at ICLR 2026. Code: https://github.com/org/repo_x',
      summary: 'We compare with https://github.com/other/baseline.',
    });
    expect(field(paperToBibtex(both), 'note')).toBe('ICLR 2026. Code: \\url{https://github.com/org/repo_x}');
    const special = paper('2511.00006', { comment: 'Accepted at R&D_Days #1' });
    expect(field(paperToBibtex(special), 'note')).toBe('Accepted at R\\&D\\_Days \\#1');
    const code = paper('2511.00007', { comment: 'Submitted to ICML 2026', summary: 'Code: github.com/org/repo.' });
    expect(field(paperToBibtex(code), 'note')).toBe('Code: \\url{https://github.com/org/repo}');
    const trans = paper('2511.00008', {
      comment: 'Accepted in IEEE Transactions on Robotics',
      summary: 'https://gitlab.com/a/b',
    });
    // The abbreviation's period ends the venue; no second one.
    expect(field(paperToBibtex(trans), 'note')).toBe(
      'Accepted in IEEE Trans. Robot. Code: \\url{https://gitlab.com/a/b}',
    );
    expect(field(paperToBibtex(oldPaper), 'note')).toBeUndefined();
    for (const entry of [both, special, code, trans]) expect(bracesBalance(paperToBibtex(entry))).toBe(true);
  });

  it('links only validated ids', () => {
    const entry = paperToBibtex(paper('evil_id}', { title: 'Crafted' }));
    expect(field(entry, 'url')).toBeUndefined();
    expect(field(entry, 'eprint')).toBe('evil\\_id\\textbraceright{}');
    expect(bracesBalance(entry)).toBe(true);
  });
});
