import { render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../../../components/options/options-app';
import { syncItemBytes } from '../../../../lib/settings/sync-storage';
import { clearDb, listedKeywords, renderOptions, storedKeywords, storeKeywords } from './render-options';

beforeEach(clearDb);

const input = () => screen.getByLabelText('New keyword') as HTMLInputElement;

describe('adding a keyword', () => {
  it('adds a title-or-abstract phrase with Enter and empties the field', async () => {
    const { user } = await renderOptions();
    await user.type(input(), '  reward   model {Enter}');
    await waitFor(() => expect(listedKeywords()).toEqual(['reward model']));
    const [keyword] = await storedKeywords();
    expect(keyword).toMatchObject({
      label: 'reward model',
      terms: [{ text: 'reward model', mode: 'phrase' }],
      field: 'title-abstract',
      enabled: true,
      notify: true,
    });
    expect(input().value).toBe('');
  });

  it.each([
    ['', 'Type a keyword first.'],
    ['   ', 'A keyword cannot be only spaces.'],
    ['TESTING', '“testing” is already in your list.'],
    ['!!!', 'A keyword needs at least one letter or digit.'],
    ['reward*', 'Remove the "*" from "reward*": arXiv has no documented wildcards (it already matches plurals).'],
    ['abs:reward', 'Remove the colon from "abs:reward": use the "Where to match" setting instead.'],
  ])('refuses %j with a specific message', async (typed, message) => {
    await storeKeywords('testing');
    const { user } = await renderOptions();
    await user.click(input());
    if (typed) await user.keyboard(typed);
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert').textContent).toBe(message);
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect((await storedKeywords()).map((k) => k.label)).toEqual(['testing']);
  });

  it('keeps what was typed when sync storage refuses the keyword', async () => {
    const { user } = await renderOptions();
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded.'));
    await user.type(input(), 'reward model{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe(
      "The browser's sync storage allows 8.0 KB for your keywords, and this change needs more. Remove or shorten something first. Nothing was saved, and what you typed is still here.",
    );
    expect(input().value).toBe('reward model');
    expect(await storedKeywords()).toEqual([]);
  });

  it('says when sync storage would be full, before the browser refuses it, and shows the room left', async () => {
    const long = `${'a very long research topic name '.repeat(6).trim()} 99`;
    // Other sync items leave 200 bytes, less than the keyword needs.
    const filler: Record<string, string> = {};
    for (let i = 0; i < 12; i++) filler[`f${i}`] = 'x'.repeat(8_000);
    const used = Object.entries(filler).reduce((sum, [key, value]) => sum + syncItemBytes(key, value), 0);
    filler.last = 'x'.repeat(102_400 - 200 - used - syncItemBytes('last', ''));
    await fakeBrowser.storage.sync.set(filler);
    const { user } = await renderOptions();
    expect((await screen.findByText(/^Sync storage: /)).textContent).toBe(
      'Sync storage: 99.8 of 100 KB used · about 1 more keyword fits',
    );
    expect(screen.getByText(/^Sync storage is nearly full/).textContent).toMatch(/only about 1 more keyword fits/);
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await user.click(input());
    await user.paste(long);
    await user.keyboard('{Enter}');
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^“a very long .* 99” would need 0\.3 KB more of the browser's sync storage, and 0\.2 KB of its 100\.0 KB is free\. Remove keywords you no longer need first\. Nothing was saved, and what you typed is still here\.$/,
    );
    expect(set).not.toHaveBeenCalled();
    expect(input().value).toBe(long);
  });

  it('says plainly when sync storage is not available', async () => {
    const { user } = await renderOptions();
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('"browser.storage.sync" is undefined'));
    await user.type(input(), 'reward model{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The browser\'s sync storage is not available ("browser.storage.sync" is undefined). Nothing was saved, and what you typed is still here.',
    );
  });
});

describe('a page whose keywords cannot be read', () => {
  it('says why instead of showing an empty list', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('Sync storage is disabled by policy'));
    render(<OptionsApp />);
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^Your keywords could not be read from the browser's sync storage \(Sync storage is disabled by policy\)\. Nothing was changed/,
    );
  });
});
