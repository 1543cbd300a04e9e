import { waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '../../../../lib/db/app-db';
import { findCard, paper, renderPopup, storeKeywords, storePapers } from './render-popup';

async function library() {
  const [graphs] = await storeKeywords('graphs');
  await storePapers(graphs!, [
    paper('2611.00001', 1, {
      title: 'Accepted graphs',
      comment: 'Accepted at ICLR 2026 as an oral presentation. Code: https://github.com/org/graphs.',
      summary: 'We study graphs. Weights at https://huggingface.co/org/graphs-base and http://evil.example/x.',
    }),
    paper('2611.00002', 2, { title: 'Submitted graphs', comment: 'Submitted to ICML 2026, 9 pages' }),
    paper('2611.00003', 3, { title: 'Published graphs', journalRef: 'Phys. Rev. B 74, 024520 (2006)' }),
  ]);
}

describe('venue and code at a glance', () => {
  it('shows the venue badge and the code links of an accepted paper', async () => {
    await library();
    await renderPopup();
    const card = await findCard('Accepted graphs');
    expect(card.getByText('ICLR 2026 (oral)').textContent).toBe('Venue: ICLR 2026 (oral)');
    const code = card.getByRole('link', { name: 'Code: github.com/org/graphs' });
    expect(code.getAttribute('href')).toBe('https://github.com/org/graphs');
    expect(code.textContent).toBe('github.com/org/graphs');
    expect(code.getAttribute('target')).toBe('_blank');
    expect(code.getAttribute('rel')).toBe('noopener noreferrer');
    const model = card.getByRole('link', { name: 'Model: huggingface.co/org/graphs-base' });
    expect(model.getAttribute('href')).toBe('https://huggingface.co/org/graphs-base');
    // The other host in the abstract is never a link.
    const hrefs = card.getAllByRole('link').map((link) => link.getAttribute('href'));
    expect(hrefs.filter((href) => !/^https:\/\/(arxiv\.org|doi\.org)\//.test(href ?? ''))).toEqual([
      'https://github.com/org/graphs',
      'https://huggingface.co/org/graphs-base',
    ]);
  });

  it('shows no badge for a submitted paper, and the journal of a published one', async () => {
    await library();
    await renderPopup();
    await findCard('Submitted graphs');
    // Neither badge nor code link: the line is left out.
    expect(document.querySelector('[data-paper-id="2611.00002"] .paper-glance')).toBeNull();
    const published = await findCard('Published graphs');
    expect(published.getByText('Phys. Rev. B (2006)')).toBeTruthy();
  });

  it('opens a code link in a new tab and marks the paper read, as the arXiv links do', async () => {
    await library();
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const { user } = await renderPopup();
    await user.click((await findCard('Accepted graphs')).getByRole('link', { name: 'Code: github.com/org/graphs' }));
    await waitFor(() =>
      expect(open).toHaveBeenCalledWith('https://github.com/org/graphs', '_blank', 'noopener,noreferrer'),
    );
    expect((await getDb().papers.get('2611.00001'))?.read).toBe(1);
  });
});
