import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createKeyword } from '../../../lib/keywords/keyword';
import { addKeyword, keywordsItem } from '../../../lib/keywords/keyword-store';
import { KEYWORD_ORDER_KEY } from '../../../lib/keywords/keyword-shards';
import { enforceSyncQuotas } from './sync-quota';

/** The single item of version 2 as the previous release wrote it: 33 keywords, about what fitted. */
const version2 = Array.from({ length: 33 }, (_, i) => ({
  ...createKeyword(`topic number ${i}`, 1_000 + i),
  categories: i % 2 ? ['cs.CL'] : [],
  enabled: i % 3 !== 0,
}));

describe('keywords stored in one item by versions 1 and 2', () => {
  it('become one item per keyword on the first read, in order, and the old item goes', async () => {
    const quota = enforceSyncQuotas();
    await fakeBrowser.storage.sync.set({ keywords: version2, keywords$: { v: 2 }, settings: { theme: 'dark' } });
    expect(await keywordsItem.getValue()).toEqual(version2);
    const items = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(items).sort()).toEqual(
      [...Object.keys(items).filter((k) => k.startsWith('kw:')), KEYWORD_ORDER_KEY, 'settings'].sort(),
    );
    expect(Object.keys(items).filter((k) => k.startsWith('kw:'))).toHaveLength(33);
    // One write for all keywords, one removal of the old item.
    expect(quota.operations()).toBe(3);
    expect(await keywordsItem.getValue()).toEqual(version2);
  });

  it('reads a version 1 list without a version note as well', async () => {
    await fakeBrowser.storage.sync.set({ keywords: [{ id: 'k1', text: 'reward model', createdAt: 5 }] });
    const [keyword] = await keywordsItem.getValue();
    expect(keyword).toMatchObject({
      id: 'k1',
      label: 'reward model',
      terms: [{ text: 'reward model', mode: 'phrase' }],
    });
  });

  it('keeps the old item until the new form is written, and lists its keywords meanwhile', async () => {
    await fakeBrowser.storage.sync.set({ keywords: version2, keywords$: { v: 2 } });
    const set = vi
      .spyOn(fakeBrowser.storage.sync, 'set')
      .mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    expect(await keywordsItem.getValue()).toEqual(version2);
    expect((await fakeBrowser.storage.sync.get('keywords')).keywords).toEqual(version2);
    // The next change writes them all in the new form, with the added one, then drops the old item.
    set.mockRestore();
    const added = createKeyword('new topic', 5_000);
    await addKeyword(added);
    expect(await keywordsItem.getValue()).toEqual([...version2, added]);
    expect(await fakeBrowser.storage.sync.get(['keywords', 'keywords$'])).toEqual({});
  });

  it('writes the same items when two devices migrate the same list', async () => {
    await fakeBrowser.storage.sync.set({ keywords: version2, keywords$: { v: 2 } });
    await keywordsItem.getValue();
    const first = await fakeBrowser.storage.sync.get(null);
    // The other device had not seen the migration and runs it again from the old item.
    await fakeBrowser.storage.sync.set({ keywords: version2, keywords$: { v: 2 } });
    await fakeBrowser.storage.sync.remove(KEYWORD_ORDER_KEY);
    await keywordsItem.getValue();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(first);
  });
});
