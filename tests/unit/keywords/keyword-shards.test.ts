import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKeyword, type Keyword } from '../../../lib/keywords/keyword';
import { syncUsage } from '../../../lib/keywords/keyword-room';
import {
  KEYWORD_ORDER_KEY,
  keywordHandle,
  keywordItems,
  packKeyword,
  readKeywordList,
  unpackKeyword,
} from '../../../lib/keywords/keyword-shards';
import { syncItemBytes } from '../../../lib/settings/sync-storage';
import { chromeQuotaError, longestKeywords } from './sync-quota';

const text = fc.string({ maxLength: 40 });
const keywordArb: fc.Arbitrary<Keyword> = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 60 }),
    label: text,
    terms: fc.array(fc.record({ text, mode: fc.constantFrom('phrase' as const, 'words' as const) }), { maxLength: 4 }),
    field: fc.constantFrom(
      'title-abstract' as const,
      'title' as const,
      'abstract' as const,
      'all' as const,
      'author' as const,
    ),
    categories: fc.array(fc.constantFrom('cs.CL', 'cs.LG', 'hep-th'), { maxLength: 3 }),
    exclude: fc.array(text, { maxLength: 2 }),
    rawQuery: text,
    enabled: fc.boolean(),
    notify: fc.boolean(),
    createdAt: fc.nat(),
  },
  { requiredKeys: ['id', 'label', 'terms', 'field', 'categories', 'exclude', 'enabled', 'notify', 'createdAt'] },
);

describe('the compact stored form', () => {
  it('gives every keyword back exactly', () => {
    fc.assert(
      fc.property(keywordArb, (keyword) => {
        expect(unpackKeyword(JSON.parse(JSON.stringify(packKeyword(keyword))))).toEqual(keyword);
      }),
    );
  });

  it('leaves out what a new keyword has by default', () => {
    const keyword = { ...createKeyword('reward model', 5), id: 'k1' };
    expect(packKeyword(keyword)).toEqual({ i: 'k1', l: 'reward model', a: 5 });
    expect(
      packKeyword({ ...keyword, enabled: false, terms: [...keyword.terms, { text: 'rlhf', mode: 'words' }] }),
    ).toEqual({ i: 'k1', l: 'reward model', t: [0, { w: 'rlhf' }], e: 0, a: 5 });
  });

  it.each([null, 'text', { i: 'k', l: 'x' }, { i: 'k', l: 'x', a: 1, f: 'body' }, { i: 'k', l: 'x', a: 1, t: [{}] }])(
    'reads %j as no keyword rather than half of one',
    (value) => expect(unpackKeyword(value)).toBeUndefined(),
  );
});

describe('the worst case: 200 keywords with labels at the maximum length', () => {
  it('fits in sync storage with the numbers of the design note', () => {
    const items = keywordItems(longestKeywords());
    const sizes = Object.entries(items).map(([key, value]) => syncItemBytes(key, value));
    // Handles are 10 or 11 characters.
    expect(Math.max(...sizes.slice(0, -1))).toBe(283);
    expect(syncItemBytes(KEYWORD_ORDER_KEY, items[KEYWORD_ORDER_KEY])).toBe(2_715);
    expect(syncUsage(items)).toEqual({ bytes: expect.any(Number), items: 201 });
    expect(syncUsage(items).bytes).toBe(59_217);
    expect(chromeQuotaError({}, items)).toBeUndefined();
  });

  it('still fits with three more terms and two categories each', () => {
    const rich = longestKeywords().map((k, i) => ({
      ...k,
      terms: [
        k.terms[0]!,
        ...[1, 2, 3].map((j) => ({ text: `term ${j} of ${i}`.padEnd(30, 'y'), mode: 'phrase' as const })),
      ],
      categories: ['cs.CL', 'cs.LG'],
    }));
    const items = keywordItems(rich);
    expect(syncUsage(items).bytes).toBe(85_017);
    expect(chromeQuotaError({ settings: { theme: 'system' } }, items)).toBeUndefined();
  });

  it('would not fit as plain objects in one item per keyword', () => {
    const plain = Object.fromEntries(longestKeywords().map((k, i) => [`kw:${i}`, k]));
    expect(chromeQuotaError({}, plain)?.message).toBe('QUOTA_BYTES quota exceeded');
  });
});

describe('reading the list back', () => {
  const [a, b, c] = ['a', 'b', 'c'].map((label, i) => ({ ...createKeyword(label, 10 - i), id: `id-${label}` }));
  const items = keywordItems([a!, b!, c!]);
  const handle = (k: Keyword) => keywordHandle(k.id);

  it('keeps the stored order', () => {
    expect(readKeywordList(items).keywords.map((k) => k.label)).toEqual(['a', 'b', 'c']);
  });

  it('skips what the order names but is gone, and places what it misses oldest first', () => {
    const d = { ...createKeyword('d', 1), id: 'id-d' };
    const e = { ...createKeyword('e', 1), id: 'id-0' };
    const repaired: Record<string, unknown> = {
      ...items,
      ...keywordItems([d, e]),
      [KEYWORD_ORDER_KEY]: ['gone', handle(c!), handle(a!), handle(c!)],
    };
    delete repaired[`kw:${handle(b!)}`];
    // b is gone; d and e are missing from the order: by age, then by id, after the listed ones.
    expect(readKeywordList(repaired).keywords.map((k) => k.label)).toEqual(['c', 'a', 'e', 'd']);
  });

  it('shows one keyword when two items hold the same id', () => {
    const twice = { ...items, 'kw:other': packKeyword({ ...a!, label: 'a, elsewhere' }) };
    expect(readKeywordList(twice).keywords.map((k) => k.label)).toEqual(['a', 'b', 'c']);
  });

  it('gives every id one short handle, the same on every device', () => {
    expect(keywordHandle('x'.repeat(5_000))).toMatch(/^[0-9a-z]{1,11}$/);
    expect(keywordHandle('id-a')).toBe(keywordHandle('id-a'));
    expect(keywordHandle('id-a')).not.toBe(keywordHandle('id-a', 1));
  });
});
