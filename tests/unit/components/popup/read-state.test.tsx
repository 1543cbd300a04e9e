import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb } from '../../../../lib/db/app-db';
import { card, expectTitles, findCard, paper, renderPopup, storeKeywords, storePapers, tabName } from './render-popup';

const readFlag = async (id: string) => (await getDb().papers.get(id))?.read;
const badge = () => fakeBrowser.action.getBadgeText({});

async function library() {
  const [graphs] = await storeKeywords('graphs');
  await storePapers(graphs!, [paper('2611.00001', 1), paper('2611.00002', 2), paper('2611.00003', 3)]);
}

describe('read state', () => {
  it('marks a paper read and unread again, and updates the badge', async () => {
    await library();
    const { user } = await renderPopup();
    await user.click((await findCard('Paper 2611.00002')).getByRole('button', { name: 'Mark read' }));
    await waitFor(async () => expect(await readFlag('2611.00002')).toBe(1));
    await waitFor(async () => expect(await badge()).toBe('2'));
    // It stays where it was while the popup is open, shown as read.
    await expectTitles(['Paper 2611.00001', 'Paper 2611.00002', 'Paper 2611.00003']);
    await waitFor(() => expect(screen.getByRole('article', { name: 'Paper 2611.00002' }).className).toBe('paper'));
    await user.click(card('Paper 2611.00002').getByRole('button', { name: 'Mark unread' }));
    await waitFor(async () => expect(await readFlag('2611.00002')).toBe(0));
    await waitFor(async () => expect(await badge()).toBe('3'));
  });

  it('marks a paper read when its title, abstract page or PDF is opened', async () => {
    await library();
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const { user } = await renderPopup();
    await user.click(await screen.findByRole('link', { name: 'Paper 2611.00001' }));
    await waitFor(() =>
      expect(open).toHaveBeenCalledWith('https://arxiv.org/abs/2611.00001', '_blank', 'noopener,noreferrer'),
    );
    expect(await readFlag('2611.00001')).toBe(1);
    await user.click(card('Paper 2611.00002').getByRole('link', { name: 'PDF' }));
    await waitFor(() =>
      expect(open).toHaveBeenCalledWith('https://arxiv.org/pdf/2611.00002', '_blank', 'noopener,noreferrer'),
    );
    expect(await readFlag('2611.00002')).toBe(1);
    await user.click(card('Paper 2611.00003').getByRole('link', { name: 'arXiv abstract page' }));
    await waitFor(async () => expect(await readFlag('2611.00003')).toBe(1));
    await waitFor(async () => expect(await badge()).toBe(''));
  });

  it('marks a whole keyword read, and takes it back with Undo', async () => {
    const [graphs, other] = await storeKeywords('graphs', 'other');
    await storePapers(graphs!, [paper('2611.00001', 1), paper('2611.00002', 2), paper('2611.00003', 3)]);
    await storePapers(other!, [paper('2611.00009', 9)]);
    const { user } = await renderPopup();
    await waitFor(() => expect(tabName(/^graphs/)).toBe('graphs, 3 unread'));
    await user.click(screen.getByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(tabName(/^graphs/)).toBe('graphs'));
    // Only this keyword's papers: the other keyword keeps its unread paper.
    expect(tabName(/^other/)).toBe('other, 1 unread');
    expect(screen.getByText('Marked 3 papers read.')).toBeTruthy();
    await waitFor(async () => expect(await badge()).toBe('1'));
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(tabName(/^graphs/)).toBe('graphs, 3 unread'));
    await waitFor(async () => expect(await badge()).toBe('4'));
  });
});
