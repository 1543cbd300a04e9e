import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '../../../../lib/db/app-db';
import { paper, renderPopup, storeKeywords, storePapers } from './render-popup';

const focusedId = () => document.activeElement?.closest('article')?.getAttribute('data-paper-id');
const stored = (id: string) => getDb().papers.get(id);

async function library() {
  const [k] = await storeKeywords('graphs');
  await storePapers(k!, [paper('2611.00001', 1), paper('2611.00002', 2), paper('2611.00003', 3)]);
  const view = await renderPopup();
  await screen.findByRole('article', { name: 'Paper 2611.00003' });
  return view;
}

describe('keyboard', () => {
  it('moves between papers with j/k and the arrow keys', async () => {
    const { user } = await library();
    await user.keyboard('j');
    expect(focusedId()).toBe('2611.00001');
    await user.keyboard('jj');
    expect(focusedId()).toBe('2611.00003');
    await user.keyboard('j');
    expect(focusedId()).toBe('2611.00003');
    await user.keyboard('k');
    expect(focusedId()).toBe('2611.00002');
    await user.keyboard('{ArrowUp}');
    expect(focusedId()).toBe('2611.00001');
    await user.keyboard('{ArrowDown}');
    expect(focusedId()).toBe('2611.00002');
    // The focused card is the one Tab reaches.
    expect(screen.getByRole('article', { name: 'Paper 2611.00002' }).tabIndex).toBe(0);
  });

  it('saves with s and toggles read with r', async () => {
    const { user } = await library();
    await user.keyboard('jjs');
    await waitFor(async () => expect((await stored('2611.00002'))?.saved).toBe(1));
    await user.keyboard('r');
    await waitFor(async () => expect((await stored('2611.00002'))?.read).toBe(1));
    await user.keyboard('r');
    await waitFor(async () => expect((await stored('2611.00002'))?.read).toBe(0));
    await user.keyboard('s');
    await waitFor(async () => expect((await stored('2611.00002'))?.saved).toBe(0));
    expect((await stored('2611.00001'))?.saved).toBe(0);
  });

  it('opens the paper with o or Enter, which marks it read', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const { user } = await library();
    await user.keyboard('j');
    await user.keyboard('o');
    await waitFor(() =>
      expect(open).toHaveBeenCalledWith('https://arxiv.org/abs/2611.00001', '_blank', 'noopener,noreferrer'),
    );
    expect((await stored('2611.00001'))?.read).toBe(1);
    await user.keyboard('j{Enter}');
    await waitFor(() =>
      expect(open).toHaveBeenCalledWith('https://arxiv.org/abs/2611.00002', '_blank', 'noopener,noreferrer'),
    );
  });

  it('shows the abstract with e, and leaves keys typed into the search box alone', async () => {
    const { user } = await library();
    await user.keyboard('je');
    expect(
      screen
        .getByRole('article', { name: 'Paper 2611.00001' })
        .querySelector('.paper-abstract')
        ?.hasAttribute('hidden'),
    ).toBe(false);
    await user.keyboard('/');
    const box = screen.getByRole('searchbox', { name: 'Search papers' });
    expect(document.activeElement).toBe(box);
    await user.keyboard('jks');
    expect((box as HTMLInputElement).value).toBe('jks');
    expect((await stored('2611.00001'))?.saved).toBe(0);
  });
});
