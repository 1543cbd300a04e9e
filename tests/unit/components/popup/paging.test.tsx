import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../../../lib/ui/popup-store';
import { paper, renderPopup, storeKeywords, storePapers } from './render-popup';

const count = () => screen.queryAllByRole('article').length;

async function manyPapers(n: number) {
  const [k] = await storeKeywords('graphs');
  await storePapers(
    k!,
    Array.from({ length: n }, (_, i) => paper(`2611.${String(i + 1).padStart(5, '0')}`, i)),
  );
}

describe('a long list', () => {
  it('renders one page, and the next with "Show more"', async () => {
    await manyPapers(PAGE_SIZE + 5);
    const { user } = await renderPopup();
    await waitFor(() => expect(count()).toBe(PAGE_SIZE));
    await user.click(screen.getByRole('button', { name: 'Show more (5 left)' }));
    await waitFor(() => expect(count()).toBe(PAGE_SIZE + 5));
    expect(screen.queryByRole('button', { name: /^Show more/ })).toBeNull();
  });

  it('loads the next page when j moves past the last paper', async () => {
    await manyPapers(PAGE_SIZE + 1);
    const { user } = await renderPopup();
    await waitFor(() => expect(count()).toBe(PAGE_SIZE));
    await user.keyboard('j'.repeat(PAGE_SIZE + 1));
    await waitFor(() => expect(count()).toBe(PAGE_SIZE + 1));
    // …and moves on to it.
    await waitFor(() => expect(document.activeElement?.getAttribute('data-paper-id')).toBe('2611.00031'));
  });
});
