import { describe, expect, it } from 'vitest';
import { splitTex } from '../../../lib/tex/tex-segments';
import { cachedRenderer } from '../../../lib/tex/tex-renderer';

describe('splitTex', () => {
  it('finds inline and display math', () => {
    expect(splitTex('A $x^2$ and $$\\sum_i a_i$$.')).toEqual([
      { kind: 'text', text: 'A ' },
      { kind: 'math', tex: 'x^2', display: false, raw: '$x^2$' },
      { kind: 'text', text: ' and ' },
      { kind: 'math', tex: '\\sum_i a_i', display: true, raw: '$$\\sum_i a_i$$' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps prices, escaped and unmatched dollars as prose', () => {
    expect(splitTex('Costs $5 and $10')).toEqual([{ kind: 'text', text: 'Costs $5 and $10' }]);
    expect(splitTex('A \\$ sign and $x$')).toEqual([
      { kind: 'text', text: 'A \\$ sign and ' },
      { kind: 'math', tex: 'x', display: false, raw: '$x$' },
    ]);
    expect(splitTex('Only $ one')).toEqual([{ kind: 'text', text: 'Only $ one' }]);
  });
});

describe('cachedRenderer', () => {
  it('turns exceptions and refused commands into undefined, and remembers results', () => {
    let calls = 0;
    const render = cachedRenderer((tex) => {
      calls++;
      if (tex === 'bad') throw new Error('parse');
      return tex === 'error' ? '<span class="katex-error">x</span>' : `<span>${tex}</span>`;
    });
    expect(render('bad', false)).toBeUndefined();
    expect(render('error', false)).toBeUndefined();
    expect(render('x', false)).toBe('<span>x</span>');
    expect(render('x', false)).toBe('<span>x</span>');
    expect(calls).toBe(3);
  });
});
