import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { useStorageItem } from '../../../lib/ui/use-storage-item';

const item = storage.defineItem<string>('sync:probe', { fallback: 'fallback' });

function Probe() {
  const value = useStorageItem(item);
  return <p>{value ?? 'unknown'}</p>;
}

describe('useStorageItem', () => {
  it('shows the stored value and follows changes', async () => {
    await item.setValue('first');
    render(<Probe />);
    expect(await screen.findByText('first')).toBeDefined();
    await item.setValue('second');
    expect(await screen.findByText('second')).toBeDefined();
  });

  it('survives storage that cannot be read, without an unhandled rejection', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('Sync storage is disabled by policy'));
    render(<Probe />);
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    expect(screen.getByText('unknown')).toBeDefined();
  });
});
