import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb } from '../../../../lib/db/app-db';
import { hidePapers } from '../../../../lib/db/labels';
import {
  card,
  expectTitles,
  findCard,
  flag,
  paper,
  renderPopup,
  storeKeywords,
  storePapers,
  tabName,
} from './render-popup';

const stored = (id: string) => getDb().papers.get(id);
const focusedId = () => document.activeElement?.closest('article')?.getAttribute('data-paper-id');
const badge = () => fakeBrowser.action.getBadgeText({});
const hiddenTab = () => screen.queryByRole('tab', { name: /^Hidden/ });

async function library() {
  const [graphs] = await storeKeywords('graphs');
  await storePapers(graphs!, [paper('2611.00001', 1), paper('2611.00002', 2), paper('2611.00003', 3)]);
}

describe('"Not interested"', () => {
  it('takes a paper out of the list at once, shows "Hidden", and is undone', async () => {
    await library();
    const { user } = await renderPopup();
    await waitFor(() => expect(tabName(/^graphs/)).toBe('graphs, 3 unread'));
    expect(hiddenTab()).toBeNull();
    await user.click((await findCard('Paper 2611.00002')).getByRole('button', { name: 'Not interested' }));
    await expectTitles(['Paper 2611.00001', 'Paper 2611.00003']);
    expect(screen.getByText('Hidden 1 paper.').getAttribute('aria-live')).toBe('polite');
    await waitFor(() => expect(tabName(/^Hidden/)).toBe('Hidden, 1 paper'));
    expect(tabName(/^graphs/)).toBe('graphs, 2 unread');
    await waitFor(async () => expect(await badge()).toBe('2'));
    expect(await stored('2611.00002')).toMatchObject({ read: 1, saved: 0 });
    // The keyboard goes on with the card that took its place.
    expect(focusedId()).toBe('2611.00003');

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await expectTitles(['Paper 2611.00001', 'Paper 2611.00002', 'Paper 2611.00003']);
    await waitFor(() => expect(hiddenTab()).toBeNull());
    expect(await stored('2611.00002')).toMatchObject({ read: 0 });
    expect((await stored('2611.00002'))?.hiddenAt).toBeUndefined();
    await waitFor(async () => expect(await badge()).toBe('3'));
  });

  it('is the x key, which moves on to the next paper; papers hidden in a row are undone together', async () => {
    await library();
    const { user } = await renderPopup();
    await screen.findByRole('article', { name: 'Paper 2611.00003' });
    await user.keyboard('j');
    expect(focusedId()).toBe('2611.00001');
    await user.keyboard('x');
    await expectTitles(['Paper 2611.00002', 'Paper 2611.00003']);
    await waitFor(() => expect(focusedId()).toBe('2611.00002'));
    await user.keyboard('jx');
    await expectTitles(['Paper 2611.00002']);
    // The last card went: the one before it takes the focus.
    await waitFor(() => expect(focusedId()).toBe('2611.00002'));
    expect(screen.getByText('Hidden 2 papers.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await expectTitles(['Paper 2611.00001', 'Paper 2611.00002', 'Paper 2611.00003']);
  });

  it('takes a paper out of "Saved" and out of a list that kept it after a change in this visit', async () => {
    await library();
    await flag(['2611.00001'], { saved: 1 });
    const { user } = await renderPopup();
    await user.click((await findCard('Paper 2611.00003')).getByRole('button', { name: 'Mark read' }));
    await waitFor(() => expect(card('Paper 2611.00003').getByRole('button', { name: 'Mark unread' })).toBeTruthy());
    await user.click(card('Paper 2611.00003').getByRole('button', { name: 'Not interested' }));
    await expectTitles(['Paper 2611.00001', 'Paper 2611.00002']);
    await user.click(screen.getByRole('tab', { name: /^Saved/ }));
    await expectTitles(['Paper 2611.00001']);
    await user.click(card('Paper 2611.00001').getByRole('button', { name: 'Not interested' }));
    await expectTitles([]);
    expect(await stored('2611.00001')).toMatchObject({ saved: 0 });
    await waitFor(() => expect(tabName(/^Hidden/)).toBe('Hidden, 2 papers'));
  });
});

describe('the "Hidden" list', () => {
  it('lists hidden papers, most recently hidden first, searchable, and restores them unread', async () => {
    await library();
    await hidePapers(getDb(), ['2611.00003'], 100);
    await hidePapers(getDb(), ['2611.00001'], 200);
    const { user } = await renderPopup();
    await user.click(await screen.findByRole('tab', { name: 'Hidden, 2 papers' }));
    await expectTitles(['Paper 2611.00001', 'Paper 2611.00003']);
    expect(screen.getByText('2 hidden papers')).toBeTruthy();
    // A hidden paper is read; "Restore" is the way back, so it has no "Mark unread".
    expect(card('Paper 2611.00001').queryByRole('button', { name: 'Mark unread' })).toBeNull();

    await user.type(screen.getByRole('searchbox', { name: 'Search papers' }), '2611.00003');
    await expectTitles(['Paper 2611.00003']);
    await user.clear(screen.getByRole('searchbox', { name: 'Search papers' }));
    await expectTitles(['Paper 2611.00001', 'Paper 2611.00003']);

    await user.click(card('Paper 2611.00001').getByRole('button', { name: 'Restore' }));
    await expectTitles(['Paper 2611.00003']);
    expect(screen.getByText('Restored 1 paper.')).toBeTruthy();
    expect(await stored('2611.00001')).toMatchObject({ read: 0 });
    await user.keyboard('x');
    await expectTitles([]);
    // Emptied while shown, the tab stays, and says what it is for.
    await waitFor(() => expect(tabName(/^Hidden/)).toBe('Hidden'));
    expect(screen.getByText(/^No hidden papers\./)).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: /^graphs/ }));
    await expectTitles(['Paper 2611.00001', 'Paper 2611.00002', 'Paper 2611.00003']);
    expect(hiddenTab()).toBeNull();
  });
});
