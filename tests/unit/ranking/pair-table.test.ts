import { describe, expect, it } from 'vitest';
import { PairTable } from '../../../lib/ranking/pair-table';

describe('PairTable', () => {
  it('answers like a map of pairs, through many growths', () => {
    const table = new PairTable(16);
    const reference = new Map<string, number>();
    let state = 1;
    const next = () => (state = (Math.imul(state, 48271) >>> 0) % 2147483647) % 500;
    for (let n = 0; n < 20_000; n++) {
      const [first, second] = [next(), next()];
      table.set(first, second, n);
      reference.set(`${first},${second}`, n);
    }
    for (let first = 0; first < 500; first += 7) {
      for (let second = 0; second < 500; second += 3) {
        expect(table.get(first, second)).toBe(reference.get(`${first},${second}`) ?? -1);
      }
    }
  });

  it('tells (a, b) from (b, a) and overwrites a value', () => {
    const table = new PairTable();
    table.set(1, 2, 10);
    expect(table.get(2, 1)).toBe(-1);
    table.set(1, 2, 11);
    expect(table.get(1, 2)).toBe(11);
  });
});
