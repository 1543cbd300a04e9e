import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupWelcome, welcomeItem } from '../../../../lib/onboarding/welcome';
import { clearDb, listedKeywords, renderOptions, storedKeywords } from './render-options';

beforeEach(clearDb);

describe('first run', () => {
  it('opens the options page with the welcome after installation only', async () => {
    const open = vi.spyOn(fakeBrowser.tabs, 'create');
    setupWelcome();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0', temporary: false });
    expect(open).not.toHaveBeenCalled();
    expect(await welcomeItem.getValue()).toBe(false);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await waitFor(() => expect(open).toHaveBeenCalledOnce());
    expect(open).toHaveBeenCalledWith({ url: 'chrome-extension://test-extension-id/options.html' });
    expect(await welcomeItem.getValue()).toBe(true);
  });

  it('welcomes the user with examples one click away, until dismissed', async () => {
    await welcomeItem.setValue(true);
    const { user } = await renderOptions();
    expect(screen.getByRole('heading', { name: 'Welcome to Daily Papers' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add example keyword quantum error correction in quant-ph' }));
    await waitFor(() => expect(listedKeywords()).toEqual(['quantum error correction']));
    expect((await storedKeywords())[0]).toMatchObject({
      label: 'quantum error correction',
      terms: [{ text: 'quantum error correction', mode: 'phrase' }],
      categories: ['quant-ph'],
      enabled: true,
    });
    const added = screen.getByRole('button', { name: 'quantum error correction in quant-ph (added)' });
    expect(added).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Got it' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Welcome to Daily Papers' })).toBeNull());
    expect(await welcomeItem.getValue()).toBe(false);
  });

  it('offers the examples on an empty list without the welcome, and not twice with it', async () => {
    await renderOptions();
    expect(screen.queryByRole('heading', { name: 'Welcome to Daily Papers' })).toBeNull();
    expect(screen.getByText('No keywords yet.')).toBeTruthy();
    expect(screen.getAllByRole('list', { name: 'Example keywords' })).toHaveLength(1);
    await welcomeItem.setValue(true);
    await screen.findByRole('heading', { name: 'Welcome to Daily Papers' });
    expect(screen.getAllByRole('list', { name: 'Example keywords' })).toHaveLength(1);
  });
});
