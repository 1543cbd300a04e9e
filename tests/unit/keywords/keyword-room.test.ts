import { describe, expect, it } from 'vitest';
import { describeRoom, keywordRoom } from '../../../lib/keywords/keyword-room';
import { keywordItems } from '../../../lib/keywords/keyword-shards';
import { longestKeywords } from './sync-quota';

describe('the room left for keywords', () => {
  it('counts more keywords like the stored ones, and does not warn with 200 of the longest', () => {
    const room = keywordRoom(keywordItems(longestKeywords()));
    expect(room).toEqual({ usedBytes: 59_217, moreKeywords: 145, nearlyFull: false });
    expect(describeRoom(room)).toBe('57.8 of 100 KB used · about 145 more keywords fit');
  });

  it('warns while fewer than ten more fit, before an add is refused', () => {
    const room = keywordRoom(keywordItems(longestKeywords(337)));
    expect(room.moreKeywords).toBe(8);
    expect(room.nearlyFull).toBe(true);
    expect(describeRoom({ ...room, moreKeywords: 1 })).toMatch(/· about 1 more keyword fits$/);
    expect(describeRoom({ ...room, moreKeywords: 0 })).toMatch(/· no more keywords fit$/);
  });

  it('counts a first keyword with the order item it brings', () => {
    expect(keywordRoom({})).toEqual({ usedBytes: 0, moreKeywords: 511, nearlyFull: false });
  });
});
