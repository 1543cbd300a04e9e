import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createKeyword, type Keyword } from '../../../lib/keywords/keyword';
import { importKeywordList } from '../../../lib/keywords/keyword-import';
import {
  createKeywordStore,
  addKeyword,
  addKeywords,
  keywordsItem,
  moveKeyword,
  readKeywordRoom,
  removeKeyword,
  updateKeyword,
} from '../../../lib/keywords/keyword-store';
import { KEYWORD_ORDER_KEY } from '../../../lib/keywords/keyword-shards';
import { syncItemBytes } from '../../../lib/settings/sync-storage';
import { Device, enforceSyncQuotas, longestKeywords, SharedSync } from './sync-quota';

const stored = () => fakeBrowser.storage.sync.get(null);
const labels = async () => (await keywordsItem.getValue()).map((k) => k.label);

describe('keywords in sync storage', () => {
  it('imports a 200-line list of the longest keywords in one write operation, in order', async () => {
    const quota = enforceSyncQuotas();
    const lines = longestKeywords().map((k) => k.label);
    const result = await importKeywordList(lines.join('\n'));
    expect(result.skipped).toEqual([]);
    expect(await labels()).toEqual(lines);
    expect(quota.operations()).toBe(1);
    expect(Object.keys(await stored())).toHaveLength(201);
    // Random ids give handles of 10 or 11 characters: at most 283 bytes a keyword, 14 in the order.
    expect((await readKeywordRoom()).usedBytes).toBeLessThanOrEqual(200 * 283 + 'keywordOrder[]'.length + 200 * 14 - 1);
  });

  it('refuses an add that would pass the 100 KB quota, says what is free, and changes nothing', async () => {
    const quota = enforceSyncQuotas();
    // Fill sync storage to 300 bytes short of the quota with other items.
    const filler: Record<string, string> = {};
    for (let i = 0; i < 12; i++) filler[`f${i}`] = 'x'.repeat(8_000);
    const used = Object.entries(filler).reduce((sum, [key, value]) => sum + syncItemBytes(key, value), 0);
    filler.last = 'x'.repeat(102_400 - 300 - used - syncItemBytes('last', ''));
    await fakeBrowser.storage.sync.set(filler);
    const before = await stored();
    const [long] = longestKeywords(1);
    await expect(addKeyword(long!)).rejects.toThrow(
      /^“000 x+” would need 0\.3 KB more of the browser's sync storage, and 0\.3 KB of its 100\.0 KB is free\. Remove keywords you no longer need first\. Nothing was saved/,
    );
    expect(await stored()).toEqual(before);
    await addKeyword(createKeyword('rlhf'));
    expect(await labels()).toEqual(['rlhf']);
    expect((await readKeywordRoom()).nearlyFull).toBe(true);
    expect(quota.operations()).toBe(2);
  });

  it('refuses a second 200-keyword import that would not fit, and stores none of it', async () => {
    enforceSyncQuotas();
    await addKeywords(longestKeywords());
    const before = await stored();
    const lines = longestKeywords().map((k) => `b${k.label}`.slice(0, 200));
    await expect(importKeywordList(lines.join('\n'))).rejects.toThrow(
      /^These 200 keywords would need 5\d\.\d KB more of the browser's sync storage, and 4\d\.\d KB of its 100\.0 KB is free\./,
    );
    expect(await stored()).toEqual(before);
  });

  it('refuses a keyword over the 8 KB an item may hold', async () => {
    enforceSyncQuotas();
    const huge = {
      ...createKeyword('huge'),
      exclude: Array.from({ length: 90 }, (_, i) => `excluded phrase ${i}`.padEnd(99, '.')),
    };
    await expect(addKeyword(huge)).rejects.toThrow(
      /^“huge” would take 9\.\d KB of the browser's sync storage, which allows 8\.0 KB for one keyword/,
    );
    expect(await stored()).toEqual({});
  });

  it('refuses more than 512 items before the browser does', async () => {
    enforceSyncQuotas();
    const many = Array.from({ length: 512 }, (_, i) => ({ ...createKeyword(`k${i}`, 0), id: `${i}` }));
    await expect(addKeywords(many)).rejects.toThrow(
      /^These 512 keywords would need 513 more items of the browser's sync storage, which holds 512 and has 512 free/,
    );
    await addKeywords(many.slice(0, 511));
    expect(await keywordsItem.getValue()).toHaveLength(511);
  });

  it('rewrites only the keyword edited, or only the order when one moves', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((label) => createKeyword(label));
    await addKeywords([a!, b!, c!]);
    const writes: Array<Record<string, unknown>> = [];
    fakeBrowser.storage.sync.onChanged.addListener((changes) => void writes.push(changes));
    await updateKeyword({ ...b!, label: 'b2', enabled: false });
    await moveKeyword(c!.id, -2);
    await removeKeyword(a!.id);
    expect(writes.map((w) => Object.keys(w).length)).toEqual([1, 1, 1, 1]);
    expect(Object.keys(writes[1]!)).toEqual([KEYWORD_ORDER_KEY]);
    expect(await labels()).toEqual(['c', 'b2']);
  });

  it('tells a watcher the new list whenever any keyword item changes', async () => {
    const seen: string[][] = [];
    const unwatch = keywordsItem.watch((list) => seen.push(list.map((k) => k.label)));
    await addKeyword(createKeyword('a'));
    await vi_waitFor(() => seen.length === 1);
    unwatch();
    expect(seen).toEqual([['a']]);
  });
});

async function vi_waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
}

describe('two devices editing at once', () => {
  it('keeps both edits of two keywords made from the same stale list', async () => {
    const shared = new SharedSync();
    const [one, two] = [new Device(shared), new Device(shared)];
    const [first, second] = [createKeywordStore(() => one), createKeywordStore(() => two)];
    const [a, b] = [createKeyword('a', 1), createKeyword('b', 2)];
    await first.addKeywords([a, b]);
    one.refresh();
    two.refresh();
    await first.updateKeyword({ ...a, label: 'a, on one' });
    // The second device has not seen that edit yet.
    await second.updateKeyword({ ...b, label: 'b, on two' });
    await second.addKeywords([createKeyword('c', 3)]);
    one.refresh();
    expect((await first.getKeywords()).map((k: Keyword) => k.label)).toEqual(['a, on one', 'b, on two', 'c']);
  });

  it('keeps a keyword added on one device while the other removes another', async () => {
    const shared = new SharedSync();
    const [one, two] = [new Device(shared), new Device(shared)];
    const [first, second] = [createKeywordStore(() => one), createKeywordStore(() => two)];
    const [a, b] = [createKeyword('a', 1), createKeyword('b', 2)];
    await first.addKeywords([a, b]);
    two.refresh();
    await first.addKeywords([createKeyword('new', 3)]);
    await second.removeKeyword(a.id);
    await second.moveKeyword(b.id, 1);
    one.refresh();
    expect((await first.getKeywords()).map((k: Keyword) => k.label)).toEqual(['b', 'new']);
  });
});
