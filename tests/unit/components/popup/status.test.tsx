import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb } from '../../../../lib/db/app-db';
import { paper, renderPopup, storeKeywords, storePapers, storeSchedule, storeStatus } from './render-popup';

const FRIDAY = Date.parse('2026-11-20T15:00:00Z'); // 10:00 in New York
const MONDAY = Date.parse('2026-11-23T15:00:00Z');

afterEach(() => {
  vi.useRealTimers();
});

function notices(): string[] {
  return screen.queryAllByRole('listitem').map((item) => item.textContent ?? '');
}

describe('status header', () => {
  it('says when the last check was, what it found and when the next one runs', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(MONDAY);
    await storeKeywords('graphs');
    await storeStatus({ finishedAt: MONDAY - 5 * 60_000, lastNewCount: 3 });
    await storeSchedule({ nextCheckAt: MONDAY + 3 * 3_600_000, nextCheckReason: 'every 6 hours' });
    await renderPopup();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Last checked 5 min ago · 3 new'));
    expect(screen.getByRole('status').getAttribute('data-finished-at')).toBe(String(MONDAY - 5 * 60_000));
    expect(screen.getByText('Next check in 3 h (every 6 hours)')).toBeTruthy();
  });

  it('shows the progress of a running check and disables "Check now"', async () => {
    await storeKeywords('graphs');
    await storeStatus({ running: true, done: 1, total: 7, current: 'graphs' });
    await renderPopup();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Checking “graphs” (2 of 7)…'));
    expect(screen.getByRole('progressbar', { name: 'Check progress' }).getAttribute('value')).toBe('1');
    expect((screen.getByRole('button', { name: 'Check now' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says calmly that arXiv announces nothing on a Friday', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(FRIDAY);
    await storeKeywords('graphs');
    await renderPopup();
    await waitFor(() => expect(notices().join()).toMatch(/^arXiv announces nothing on Fridays and Saturdays/));
  });

  it('says nothing of the kind on a Monday', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(MONDAY);
    await storeKeywords('graphs');
    await renderPopup();
    await screen.findByRole('tab', { name: /^graphs/ });
    expect(notices().join()).not.toMatch(/Fridays/);
  });

  it('explains in a line which keyword failed and why', async () => {
    const [graphs, quantum] = await storeKeywords('graphs', 'quantum');
    await storePapers(graphs!, [paper('2611.00001', 1)]);
    await getDb().keywordStates.put({
      keywordId: quantum!.id,
      initialized: true,
      lastTotal: 0,
      lastError: 'arXiv did not answer within 25 s.',
    });
    await renderPopup();
    await waitFor(() =>
      expect(notices()).toEqual(['“quantum” could not be checked: arXiv did not answer within 25 s.']),
    );
  });

  it('says once that arXiv failed when every keyword failed the same way', async () => {
    const keywords = await storeKeywords('graphs', 'quantum');
    for (const k of keywords) {
      await getDb().keywordStates.put({
        keywordId: k.id,
        initialized: false,
        lastTotal: 0,
        lastError: 'arXiv answered with HTTP 503.',
      });
    }
    await renderPopup();
    await waitFor(() => expect(notices()).toHaveLength(1));
    expect(notices()[0]).toMatch(/^The last check failed for every keyword: arXiv answered with HTTP 503\./);
    // The keyword's own list says why it is empty.
    expect(await screen.findByText(/^The first check of this keyword failed/)).toBeTruthy();
  });

  it('says when the browser goes offline, and stops saying it when it is back', async () => {
    await storeKeywords('graphs');
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    await renderPopup();
    await screen.findByRole('tab', { name: /^graphs/ });
    expect(notices().join()).not.toMatch(/offline/);
    online.mockReturnValue(false);
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(notices().join()).toMatch(/^You are offline\./);
    expect((screen.getByRole('button', { name: 'Check now' }) as HTMLButtonElement).disabled).toBe(true);
    online.mockReturnValue(true);
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(notices().join()).not.toMatch(/offline/);
  });

  it('knows it is offline from the start', async () => {
    await storeKeywords('graphs');
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await renderPopup();
    await waitFor(() => expect(notices().join()).toMatch(/^You are offline\./));
  });

  it('asks the worker for a check with "Check now"', async () => {
    await storeKeywords('graphs');
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const { user } = await renderPopup();
    await user.click(screen.getByRole('button', { name: 'Check now' }));
    expect(send).toHaveBeenCalledOnce();
    expect(JSON.stringify(send.mock.calls[0])).toContain('checkNow');
  });
});
