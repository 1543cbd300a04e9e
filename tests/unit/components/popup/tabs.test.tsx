import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyViewMode } from '../../../../lib/ui/popup-view';
import { expectTitles, flag, paper, renderPopup, storeKeywords, storePapers, tabName } from './render-popup';

/** Two keywords sharing one paper: 2611.00002 is matched by both. */
async function twoKeywords() {
  const [graphs, quantum] = await storeKeywords('graphs', 'quantum');
  await storePapers(graphs!, [paper('2611.00001', 1), paper('2611.00002', 2), paper('2611.00003', 3)]);
  await storePapers(quantum!, [paper('2611.00002', 2), paper('2611.00004', 4)]);
  return { graphs: graphs!, quantum: quantum! };
}

describe('lists', () => {
  it('shows a tab per keyword with its unread count, and opens on the first keyword', async () => {
    await twoKeywords();
    await flag(['2611.00003'], { read: 1 });
    await renderPopup();
    await waitFor(() => expect(tabName(/^graphs/)).toBe('graphs, 2 unread'));
    expect(tabName(/^quantum/)).toBe('quantum, 2 unread');
    expect(screen.getByRole('tab', { name: /^graphs/ }).getAttribute('aria-selected')).toBe('true');
    // Unread first, newest first within each group.
    await expectTitles(['Paper 2611.00001', 'Paper 2611.00002', 'Paper 2611.00003']);
  });

  it('lists every unread paper once in "All new", newest first', async () => {
    await twoKeywords();
    await flag(['2611.00001'], { read: 1 });
    const { user } = await renderPopup();
    await waitFor(() => expect(tabName(/^All new/)).toBe('All new, 3 unread'));
    await user.click(screen.getByRole('tab', { name: /^All new/ }));
    // By submission date (2611.00004 is the oldest here), not by id.
    await expectTitles(['Paper 2611.00002', 'Paper 2611.00003', 'Paper 2611.00004']);
    // Papers from several keywords say which keyword found them.
    expect(screen.getByRole('article', { name: 'Paper 2611.00002' }).textContent).toContain('graphs, quantum');
  });

  it('lists only saved papers in "Saved", with their number', async () => {
    await twoKeywords();
    await flag(['2611.00003', '2611.00004'], { saved: 1 });
    const { user } = await renderPopup();
    await waitFor(() => expect(tabName(/^Saved/)).toBe('Saved, 2 papers'));
    await user.click(screen.getByRole('tab', { name: /^Saved/ }));
    await expectTitles(['Paper 2611.00003', 'Paper 2611.00004']);
  });

  it('reopens on the tab shown last', async () => {
    await twoKeywords();
    const first = await renderPopup();
    await first.user.click(await screen.findByRole('tab', { name: /^quantum/ }));
    await expectTitles(['Paper 2611.00002', 'Paper 2611.00004']);
    first.unmount();
    await renderPopup();
    await waitFor(() => expect(screen.getByRole('tab', { selected: true }).textContent).toMatch(/^quantum/));
    await expectTitles(['Paper 2611.00002', 'Paper 2611.00004']);
  });

  it('selects the tab named in the address, as a notification click does', async () => {
    const { quantum } = await twoKeywords();
    await renderPopup(`?view=tab&keyword=${quantum.id}`);
    await expectTitles(['Paper 2611.00002', 'Paper 2611.00004']);
    expect(screen.getByRole('tab', { selected: true }).textContent).toMatch(/^quantum/);
    // The full-tab view has no "Open in tab" button.
    expect(screen.queryByRole('button', { name: 'Open in tab' })).toBeNull();
  });

  it('falls back to the first keyword when the address names a removed one', async () => {
    await twoKeywords();
    await renderPopup('?view=tab&keyword=gone');
    await expectTitles(['Paper 2611.00001', 'Paper 2611.00002', 'Paper 2611.00003']);
  });

  it('lays the page out as a full tab only with view=tab', () => {
    const root = document.createElement('html');
    applyViewMode('?view=tab&keyword=new', root);
    expect(root.dataset.view).toBe('tab');
    applyViewMode('', root);
    expect(root.dataset.view).toBeUndefined();
  });

  it('moves between tabs with the arrow keys', async () => {
    await twoKeywords();
    const { user } = await renderPopup();
    const graphs = await screen.findByRole('tab', { name: /^graphs/ });
    graphs.focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { selected: true }).textContent).toMatch(/^quantum/);
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: /^quantum/ }));
    await user.keyboard('{Home}');
    expect(screen.getByRole('tab', { selected: true }).textContent).toMatch(/^All new/);
  });

  it('opens the same list in a full tab', async () => {
    const { quantum } = await twoKeywords();
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const { user } = await renderPopup(`?keyword=${quantum.id}`);
    await user.click(screen.getByRole('button', { name: 'Open in tab' }));
    await waitFor(() => expect(close).toHaveBeenCalled());
    const urls = (await fakeBrowser.tabs.query({})).map((tab) => tab.url);
    expect(urls).toContain(`chrome-extension://${fakeBrowser.runtime.id}/popup.html?view=tab&keyword=${quantum.id}`);
  });
});
