import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keywordsItem } from '../../../../lib/keywords/keyword-store';
import { renderPopup, storeKeywords, storePapers, paper } from './render-popup';
import { updatePaperFlags } from '../../../../lib/db/read-state';

describe('first run', () => {
  it('explains the extension and opens the options page', async () => {
    const openOptions = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue();
    const { user } = await renderPopup();
    expect(await screen.findByRole('heading', { name: 'Follow a topic' })).toBeTruthy();
    expect(screen.queryByRole('tablist')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Add your first keyword' }));
    expect(openOptions).toHaveBeenCalledOnce();
  });

  it('adds an example keyword in one click and shows its (empty) list', async () => {
    const { user } = await renderPopup();
    await user.click(await screen.findByRole('button', { name: 'Add example keyword dark matter' }));
    await waitFor(async () => expect((await keywordsItem.getValue()).map((k) => k.label)).toEqual(['dark matter']));
    const stored = (await keywordsItem.getValue())[0]!;
    expect(stored.terms).toEqual([{ text: 'dark matter', mode: 'phrase' }]);
    await waitFor(() => expect(screen.getByRole('tab', { selected: true }).textContent).toBe('dark matter'));
    expect(await screen.findByText(/^Not checked yet: the first check of this keyword/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Follow a topic' })).toBeNull();
  });

  it('says so when a keyword has been checked and has no papers yet', async () => {
    const [k] = await storeKeywords('graphs');
    await storePapers(k!, []);
    await renderPopup();
    expect(await screen.findByText(/^arXiv has no papers for this keyword yet/)).toBeTruthy();
  });

  it('still lists saved papers when every keyword is gone', async () => {
    const [k] = await storeKeywords('graphs');
    await storePapers(k!, [paper('2611.00001', 1)]);
    const { getDb } = await import('../../../../lib/db/app-db');
    await updatePaperFlags(getDb(), [{ id: '2611.00001', changes: { saved: 1 } }]);
    await keywordsItem.setValue([]);
    await renderPopup('?keyword=saved');
    expect(await screen.findByRole('heading', { name: 'Follow a topic' })).toBeTruthy();
    expect(await screen.findByRole('article', { name: 'Paper 2611.00001' })).toBeTruthy();
  });
});
