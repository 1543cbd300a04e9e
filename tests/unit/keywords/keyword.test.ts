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

describe('keyword storage migration', () => {
  it('turns a version 1 keyword into a phrase searched in titles and abstracts', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    await fakeBrowser.storage.sync.set({
      keywords: [{ id: 'k1', text: 'reward model', createdAt: 5 }],
      keywords$: { v: 1 },
    });
    const { keywordsItem } = await import('../../../lib/keywords/keyword-store');
    expect(await keywordsItem.getValue()).toEqual([
      {
        id: 'k1',
        label: 'reward model',
        terms: [{ text: 'reward model', mode: 'phrase' }],
        field: 'title-abstract',
        categories: [],
        exclude: [],
        enabled: true,
        notify: true,
        createdAt: 5,
      },
    ]);
  });
});
