import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, settingsItem } from '../../../../lib/settings/settings';
import { clearDb, renderOptions } from './render-options';

beforeEach(async () => {
  await clearDb();
  delete document.documentElement.dataset.theme;
});

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('settings', () => {
  it('starts from the defaults', async () => {
    await renderOptions();
    expect(screen.getByLabelText('After each arXiv announcement (recommended)')).toHaveProperty('checked', true);
    expect(field('Hours between checks').disabled).toBe(true);
    expect(screen.getByLabelText('Show a notification when new papers arrive')).toHaveProperty('checked', true);
    expect(field('Papers kept per keyword').value).toBe('100');
    expect((screen.getByLabelText('Theme') as HTMLSelectElement).value).toBe('system');
  });

  it('clamps papers kept per keyword to 10–1000 and says so', async () => {
    const { user } = await renderOptions();
    await user.clear(field('Papers kept per keyword'));
    await user.type(field('Papers kept per keyword'), '5000');
    await user.tab();
    await waitFor(async () => expect((await settingsItem.getValue()).papersPerKeyword).toBe(1000));
    expect(screen.getByText('Papers kept per keyword must be from 10 to 1000, so it was set to 1000.')).toBeTruthy();
    expect(field('Papers kept per keyword').value).toBe('1000');
    await user.clear(field('Papers kept per keyword'));
    await user.type(field('Papers kept per keyword'), '3{Enter}');
    await waitFor(async () => expect((await settingsItem.getValue()).papersPerKeyword).toBe(10));
    expect(screen.getByText('Papers kept per keyword must be from 10 to 1000, so it was set to 10.')).toBeTruthy();
    await user.clear(field('Papers kept per keyword'));
    await user.type(field('Papers kept per keyword'), '250{Enter}');
    await waitFor(async () => expect((await settingsItem.getValue()).papersPerKeyword).toBe(250));
    expect(screen.queryByText(/must be from 10 to 1000/)).toBeNull();
  });

  it('refuses an empty number and keeps the stored one', async () => {
    const { user } = await renderOptions();
    await user.clear(field('Papers kept per keyword'));
    await user.tab();
    expect(screen.getByText('Type a whole number from 10 to 1000.')).toBeTruthy();
    expect((await settingsItem.getValue()).papersPerKeyword).toBe(DEFAULT_SETTINGS.papersPerKeyword);
  });

  it('switches to a fixed interval of 1–24 hours and back to arXiv’s announcements', async () => {
    const { user } = await renderOptions();
    await user.click(screen.getByLabelText('At a fixed interval'));
    await waitFor(async () => expect((await settingsItem.getValue()).schedule).toEqual({ mode: 'interval', hours: 6 }));
    await waitFor(() => expect(field('Hours between checks').disabled).toBe(false));
    await user.clear(field('Hours between checks'));
    await user.type(field('Hours between checks'), '36{Enter}');
    await waitFor(async () =>
      expect((await settingsItem.getValue()).schedule).toEqual({ mode: 'interval', hours: 24 }),
    );
    expect(screen.getByText('Hours between checks must be from 1 to 24, so it was set to 24.')).toBeTruthy();
    await user.clear(field('Hours between checks'));
    await user.type(field('Hours between checks'), '0{Enter}');
    await waitFor(async () => expect((await settingsItem.getValue()).schedule).toEqual({ mode: 'interval', hours: 1 }));
    await user.click(screen.getByLabelText('After each arXiv announcement (recommended)'));
    await waitFor(async () => expect((await settingsItem.getValue()).schedule).toEqual({ mode: 'follow-arxiv' }));
  });

  it('switches notifications off', async () => {
    const { user } = await renderOptions();
    await user.click(screen.getByLabelText('Show a notification when new papers arrive'));
    await waitFor(async () => expect((await settingsItem.getValue()).notifications).toBe(false));
    expect(screen.getByLabelText('Show a notification when new papers arrive')).toHaveProperty('checked', false);
  });

  it('applies the theme to the page at once', async () => {
    const { user } = await renderOptions();
    await user.selectOptions(screen.getByLabelText('Theme'), 'dark');
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect((await settingsItem.getValue()).theme).toBe('dark');
    await user.selectOptions(screen.getByLabelText('Theme'), 'system');
    await waitFor(() => expect(document.documentElement.dataset.theme).toBeUndefined());
  });

  it('keeps the typed number and says why when sync storage refuses it', async () => {
    const { user } = await renderOptions();
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await user.clear(field('Papers kept per keyword'));
    await user.type(field('Papers kept per keyword'), '300{Enter}');
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^The browser's sync storage for Daily Papers is full \(100\.0 KB in all\)\..* Nothing was saved, and what you typed is still here\.$/,
    );
    expect(field('Papers kept per keyword').value).toBe('300');
    expect((await settingsItem.getValue()).papersPerKeyword).toBe(100);
  });
});
