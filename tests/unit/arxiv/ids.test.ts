import { describe, expect, it } from 'vitest';
import { abstractUrl, doiUrl, parseEntryId, pdfUrl } from '../../../lib/arxiv/ids';

describe('arXiv ids', () => {
  it.each([
    ['http://arxiv.org/abs/2503.20673v2', { id: '2503.20673', version: 2 }],
    ['https://arxiv.org/abs/2503.20673', { id: '2503.20673', version: 1 }],
    ['http://arxiv.org/abs/0704.0001v1', { id: '0704.0001', version: 1 }],
    ['http://arxiv.org/abs/hep-th/9901001v3', { id: 'hep-th/9901001', version: 3 }],
    ['http://arxiv.org/abs/math.CA/0611800v1', { id: 'math.CA/0611800', version: 1 }],
  ])('parses %s', (raw, expected) => {
    expect(parseEntryId(raw)).toEqual(expected);
  });

  it.each(['https://evil.example/abs/2503.20673', 'javascript:alert(1)', 'http://arxiv.org/abs/../../x'])(
    'refuses %s',
    (raw) => {
      expect(parseEntryId(raw)).toBeUndefined();
    },
  );

  it('builds links only from valid ids and DOIs', () => {
    expect(abstractUrl('hep-th/9901001')).toBe('https://arxiv.org/abs/hep-th/9901001');
    expect(pdfUrl('2503.20673')).toBe('https://arxiv.org/pdf/2503.20673');
    expect(() => abstractUrl('javascript:alert(1)')).toThrow(/Not an arXiv id/);
    expect(doiUrl('10.1103/PhysRevB.85.115117')).toBe('https://doi.org/10.1103/PhysRevB.85.115117');
    expect(doiUrl('javascript:alert(1)')).toBeUndefined();
  });
});
