import { act, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearDb, listedKeywords, renderOptions, storedKeywords, storeKeywords } from './render-options';

beforeEach(clearDb);

const labels = async () => (await storedKeywords()).map((k) => k.label);

describe('removing a keyword', () => {
  it('hides it at once and stores the removal only when the undo window closes', async () => {
    await storeKeywords('alpha', 'beta');
    const { user } = await renderOptions({ undoMs: 300 });
    await user.click(screen.getByRole('button', { name: 'Remove alpha' }));
    expect(listedKeywords()).toEqual(['beta']);
    expect(screen.getByText('Removed “alpha”.').closest('[role=status]')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Undo' }));
    // Still stored: the worker would delete its papers as soon as it was gone.
    expect(await labels()).toEqual(['alpha', 'beta']);
    await waitFor(async () => expect(await labels()).toEqual(['beta']));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull());
    expect(listedKeywords()).toEqual(['beta']);
  });

  it('brings it back, in its place, with Undo', async () => {
    await storeKeywords('alpha', 'beta', 'gamma');
    const { user } = await renderOptions();
    await user.click(screen.getByRole('button', { name: 'Remove beta' }));
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(listedKeywords()).toEqual(['alpha', 'beta', 'gamma']);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove beta' })));
    expect(await labels()).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('stores the earlier removal when a second keyword is removed', async () => {
    await storeKeywords('alpha', 'beta', 'gamma');
    const { user } = await renderOptions();
    await user.click(screen.getByRole('button', { name: 'Remove alpha' }));
    await user.click(screen.getByRole('button', { name: 'Remove beta' }));
    await waitFor(async () => expect(await labels()).toEqual(['beta', 'gamma']));
    expect(listedKeywords()).toEqual(['gamma']);
    expect(screen.getByText('Removed “beta”.')).toBeTruthy();
  });

  it('stores a pending removal when the page goes away', async () => {
    await storeKeywords('alpha', 'beta');
    const { user, unmount } = await renderOptions();
    await user.click(screen.getByRole('button', { name: 'Remove alpha' }));
    act(() => window.dispatchEvent(new Event('pagehide')));
    await waitFor(async () => expect(await labels()).toEqual(['beta']));
    unmount();
  });

  it('shows the keyword again, with the reason, when the removal cannot be stored', async () => {
    await storeKeywords('alpha', 'beta');
    const { user } = await renderOptions({ undoMs: 50 });
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(
      new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'),
    );
    await user.click(screen.getByRole('button', { name: 'Remove alpha' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The browser limits how often synced data can change; wait a minute, then try again. Nothing was saved, and what you typed is still here.',
    );
    expect(listedKeywords()).toEqual(['alpha', 'beta']);
  });
});

describe('reordering keywords', () => {
  it('moves a keyword up and down with buttons that keep the keyboard focus', async () => {
    await storeKeywords('alpha', 'beta', 'gamma');
    const { user } = await renderOptions();
    expect(screen.getByRole('button', { name: 'Move alpha up' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Move gamma down' })).toHaveProperty('disabled', true);
    screen.getByRole('button', { name: 'Move gamma up' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(listedKeywords()).toEqual(['alpha', 'gamma', 'beta']));
    expect(await labels()).toEqual(['alpha', 'gamma', 'beta']);
    expect(screen.getByText('Moved “gamma” to position 2 of 3.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move gamma up' })));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(listedKeywords()).toEqual(['gamma', 'alpha', 'beta']));
    // At the top "up" is disabled: focus stays in the row, on "down".
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move gamma down' })));
  });

  it('steps over a keyword that is being removed', async () => {
    await storeKeywords('alpha', 'beta', 'gamma');
    const { user } = await renderOptions();
    await user.click(screen.getByRole('button', { name: 'Remove beta' }));
    await user.click(screen.getByRole('button', { name: 'Move gamma up' }));
    await waitFor(() => expect(listedKeywords()).toEqual(['gamma', 'alpha']));
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(listedKeywords()).toEqual(['gamma', 'alpha', 'beta']);
  });
});

describe('switching a keyword off and on', () => {
  it('stores the switch and marks the row paused', async () => {
    await storeKeywords('alpha');
    const { user } = await renderOptions();
    const toggle = screen.getByRole('switch', { name: 'Check alpha' });
    expect(toggle).toHaveProperty('checked', true);
    await user.click(toggle);
    await waitFor(async () => expect((await storedKeywords())[0]?.enabled).toBe(false));
    expect(screen.getByRole('switch', { name: 'Check alpha' })).toHaveProperty('checked', false);
    expect(screen.getByText(/· paused$/)).toBeTruthy();
    await user.click(screen.getByRole('switch', { name: 'Check alpha' }));
    await waitFor(async () => expect((await storedKeywords())[0]?.enabled).toBe(true));
  });

  it('says so in plain words when sync storage is full, and leaves the switch as it was', async () => {
    await storeKeywords('alpha');
    const { user } = await renderOptions();
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await user.click(screen.getByRole('switch', { name: 'Check alpha' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^The browser's sync storage for Daily Papers is full \(100\.0 KB in all\)\. Remove a keyword or two first\./,
    );
    expect(screen.getByRole('switch', { name: 'Check alpha' })).toHaveProperty('checked', true);
    expect((await storedKeywords())[0]?.enabled).toBe(true);
  });
});

describe('adding a keyword while another is being removed', () => {
  it('accepts the removed label again, and then the removal can no longer be undone', async () => {
    await storeKeywords('alpha', 'beta');
    const { user } = await renderOptions();
    await user.click(screen.getByRole('button', { name: 'Remove alpha' }));
    await user.type(screen.getByLabelText('New keyword'), 'Alpha{Enter}');
    await waitFor(() => expect(listedKeywords()).toEqual(['beta', 'Alpha']));
    await waitFor(async () => expect(await labels()).toEqual(['beta', 'Alpha']));
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });
});
