import { describe, expect, it } from 'vitest';
import { papersToMarkdown } from '../../../lib/export/markdown';
import { golden } from './golden';
import { keyword, oldPaper, paper, texPaper, twinPaper } from './sample-papers';

const now = new Date('2026-11-22T08:00:00Z');

/** Cell borders in a GFM table row: pipes not taken by a backslash escape (which covers any ASCII punctuation). */
function cellCount(row: string): number {
  let pipes = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\' && /[!-/:-@[-`{-~]/.test(row[i + 1] ?? '')) i++;
    else if (row[i] === '|') pipes++;
  }
  return pipes - 1;
}

function rows(markdown: string): string[] {
  const header = ['| **Title** | **Date** | **Abstract** | **Comment** |', '| --- | --- | --- | --- |'];
  return markdown.split('\n').filter((line) => line.startsWith('|') && !header.includes(line));
}

describe('papersToMarkdown', () => {
  it('writes the Daily Papers README format', () => {
    const markdown = papersToMarkdown(
      [
        { keyword: keyword('Reward Model'), papers: [texPaper, oldPaper, twinPaper] },
        { keyword: keyword('大模型 <b> C #'), papers: [oldPaper] },
      ],
      now,
    );
    expect(markdown).toBe(golden('expected.md'));
  });

  it('dates the update by the UTC day', () => {
    const lateEvening = new Date('2026-11-22T23:30:00-05:00');
    expect(papersToMarkdown([], lateEvening)).toBe('# Daily Papers\n\nLast update: 2026-11-23\n');
  });

  it('keeps every row at exactly four cells, whatever pipes and backslashes the text holds', () => {
    const nasty = [
      texPaper,
      paper('2511.00001', { title: '|Leading| and trailing |', summary: 'a \\| b \\\\| c \\\\\\| d |', comment: '\\' }),
      paper('2511.00002', { title: 'Ends with a backslash \\', summary: 'x\n|\n'.repeat(20), comment: '| |' }),
      paper('2511.00003', { title: 'Norm $\\|x\\|$ of [a|b]', summary: '', comment: 'C:\\|path\\|' }),
      paper('2511.00004', { comment: 'Accepted at Pipes | Bars Conference', summary: 'github.com/a|b/c' }),
    ];
    const table = rows(papersToMarkdown([{ keyword: keyword('Edge cases'), papers: nasty }], now));
    expect(table).toHaveLength(5);
    for (const row of table) expect(cellCount(row)).toBe(4);
  });

  it('shows HTML in feed text as text, never as markup', () => {
    const markdown = papersToMarkdown([{ keyword: keyword('XSS'), papers: [texPaper] }], now);
    const withoutOwnTags = markdown.replace(/<\/?(?:details|summary|p|br)>/g, '');
    expect(withoutOwnTags).not.toContain('<');
    expect(markdown).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markdown).toContain('a&lt;b');
  });

  it('keeps TeX intact', () => {
    const markdown = papersToMarkdown([{ keyword: keyword('TeX'), papers: [texPaper] }], now);
    expect(markdown).toContain('Sorting in $\\mathcal{O}(n)$ Time');
    expect(markdown).toContain('runs in $\\mathcal{O}(n)$ time');
  });

  it('folds long text behind its first words and leaves short text inline', () => {
    const row = rows(papersToMarkdown([{ keyword: keyword('k'), papers: [texPaper, oldPaper] }], now));
    expect(row[0]).toContain('<details><summary>We show that sorting runs in…</summary><p>We show');
    expect(row[1]).toContain('| A short abstract. | 12 pages |');
  });

  it('never leaves an unpaired $ in a summary', () => {
    const long = 'Bounds $\\mathcal{O}(n \\log n \\log \\log n)$ hold for all inputs, with proofs and experiments.';
    const row = rows(
      papersToMarkdown([{ keyword: keyword('k'), papers: [paper('2511.00009', { summary: long })] }], now),
    );
    expect(row[0]).toContain('<summary>Bounds…</summary>');
  });

  it('puts the venue and the code links under the title', () => {
    const accepted = paper('2511.00010', {
      comment: 'Accepted at ICLR 2026 (oral). Code: https://github.com/org/repo_x',
      summary: 'Weights: https://huggingface.co/org/model. See also https://evil.example/org/repo.',
    });
    const [row, plain] = rows(papersToMarkdown([{ keyword: keyword('k'), papers: [accepted, oldPaper] }], now));
    expect(row).toContain(
      '(https://arxiv.org/abs/2511.00010)**<br>Venue: ICLR 2026 (oral) · ' +
        'Code: [github.com/org/repo\\_x](https://github.com/org/repo_x), [huggingface.co/org/model](https://huggingface.co/org/model) |',
    );
    expect(row).not.toContain('(https://evil.example');
    expect(plain).not.toContain('<br>');
    const published = paper('2511.00011', { journalRef: 'Phys. Rev. B 74, 024520 (2006)' });
    expect(rows(papersToMarkdown([{ keyword: keyword('k'), papers: [published] }], now))[0]).toContain(
      '**<br>Venue: Phys. Rev. B (2006) |',
    );
  });

  it('links only validated ids to arXiv', () => {
    const crafted = paper('https://evil.example/x', { title: 'Crafted', summary: 'Short.' });
    const markdown = papersToMarkdown([{ keyword: keyword('k'), papers: [crafted, oldPaper] }], now);
    expect(markdown).toContain('| **Crafted** |');
    expect(markdown).not.toContain('evil.example');
    expect(markdown).toContain('(https://arxiv.org/abs/hep-th/9901001)');
  });
});
