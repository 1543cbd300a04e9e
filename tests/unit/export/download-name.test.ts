import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../lib/export/download-name';

const now = new Date('2026-11-22T08:00:00Z');

describe('exportFileName', () => {
  it.each([
    ['markdown', undefined, 'daily-papers-2026-11-22.md'],
    ['bibtex', 'Reward Model', 'daily-papers-reward-model-2026-11-22.bib'],
    ['json', undefined, 'daily-papers-2026-11-22.json'],
    ['bibtex', 'Schrödinger équation / PDE', 'daily-papers-schrodinger-equation-pde-2026-11-22.bib'],
    ['markdown', '大模型', 'daily-papers-2026-11-22.md'],
    ['markdown', '../../etc/passwd', 'daily-papers-etc-passwd-2026-11-22.md'],
    [
      'markdown',
      'retrieval augmented generation for open domain question answering',
      'daily-papers-retrieval-augmented-generation-for-open-2026-11-22.md',
    ],
    ['markdown', 'x'.repeat(60), `daily-papers-${'x'.repeat(40)}-2026-11-22.md`],
  ] as const)('%s %j → %s', (kind, label, name) => {
    expect(exportFileName(kind, now, label)).toBe(name);
  });

  it('uses the UTC day, like the Markdown "Last update" line', () => {
    expect(exportFileName('json', new Date('2026-11-22T23:30:00-05:00'))).toBe('daily-papers-2026-11-23.json');
  });
});
