import { describe, expect, it } from 'vitest';
import { createKeyword, validateKeyword } from '../../../lib/keywords/keyword';

const existing = [createKeyword('Diffusion Model', 1)];

describe('validateKeyword', () => {
  it.each([
    ['', 'Type a keyword first.'],
    ['   \t ', 'A keyword cannot be only spaces.'],
    ['diffusion model', '“Diffusion Model” is already in your list.'],
    ['  DIFFUSION   model ', '“Diffusion Model” is already in your list.'],
    ['---', 'A keyword needs at least one letter or digit.'],
    ['x'.repeat(201), 'Keep a keyword under 200 characters.'],
  ])('rejects %j', (input, message) => {
    expect(validateKeyword(input, existing)).toEqual({ ok: false, message });
  });

  it('accepts and tidies a new keyword', () => {
    expect(validateKeyword('  reward   model ', existing)).toEqual({ ok: true, text: 'reward model' });
    expect(validateKeyword('Schrödinger équation', existing)).toEqual({ ok: true, text: 'Schrödinger équation' });
  });
});
