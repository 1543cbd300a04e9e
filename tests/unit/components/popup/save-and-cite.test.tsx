import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '../../../../lib/db/app-db';
import { paperToBibtex } from '../../../../lib/export/bibtex';
import { card, expectTitles, findCard, paper, renderPopup, storeKeywords, storePapers, tabName } from './render-popup';

async function library() {
  const [graphs] = await storeKeywords('graphs');
  await storePapers(graphs!, [
    paper('2611.00001', 1, { title: 'Sparks of graphs', authors: [{ name: 'Sébastien Bubeck', affiliations: [] }] }),
    paper('2611.00002', 2),
  ]);
}

describe('saving and citing', () => {
  it('saves a paper, lists it under "Saved", and unsaves it', async () => {
    await library();
    const { user } = await renderPopup();
    const save = (await findCard('Sparks of graphs')).getByRole('button', { name: 'Save' });
    expect(save.getAttribute('aria-pressed')).toBe('false');
    await user.click(save);
    await waitFor(async () => expect((await getDb().papers.get('2611.00001'))?.saved).toBe(1));
    await waitFor(() => expect(tabName(/^Saved/)).toBe('Saved, 1 paper'));
    await user.click(screen.getByRole('tab', { name: /^Saved/ }));
    await expectTitles(['Sparks of graphs']);
    await user.click(card('Sparks of graphs').getByRole('button', { name: 'Saved' }));
    await waitFor(async () => expect((await getDb().papers.get('2611.00001'))?.saved).toBe(0));
    // Unsaved here, it stays listed until the popup is reopened, so it can be saved again.
    await expectTitles(['Sparks of graphs']);
    await waitFor(() =>
      expect(card('Sparks of graphs').getByRole('button', { name: 'Save' }).getAttribute('aria-pressed')).toBe('false'),
    );
  });

  it('copies the BibTeX entry and says so', async () => {
    await library();
    const { user } = await renderPopup();
    const write = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click((await findCard('Sparks of graphs')).getByRole('button', { name: 'Copy BibTeX' }));
    const stored = (await getDb().papers.get('2611.00001'))!;
    expect(write).toHaveBeenCalledWith(paperToBibtex(stored));
    expect(write.mock.calls[0]![0]).toMatch(/^@misc\{bubeck2026sparks,/);
    await waitFor(() =>
      expect(card('Sparks of graphs').getByRole('button', { name: 'Copied' }).textContent).toBe('Copied'),
    );
    expect(card('Sparks of graphs').getByText('BibTeX copied')).toBeTruthy();
  });

  it('says so when the clipboard refuses', async () => {
    await library();
    const { user } = await renderPopup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    await user.click((await findCard('Sparks of graphs')).getByRole('button', { name: 'Copy BibTeX' }));
    await waitFor(() =>
      expect(card('Sparks of graphs').getByRole('button', { name: 'Copy failed' }).textContent).toBe('Copy failed'),
    );
  });
});
