import { fireEvent, screen, waitFor } from '@testing-library/react';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb } from '../../../../lib/db/app-db';
import { hidePapers } from '../../../../lib/db/labels';
import { sendMessage } from '../../../../lib/messaging/protocol';
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
  titles,
} from './render-popup';

const stored = (id: string) => getDb().papers.get(id);
const focusedId = () => document.activeElement?.closest('article')?.getAttribute('data-paper-id');
const badge = () => fakeBrowser.action.getBadgeText({});
const hiddenTab = () => screen.queryByRole('tab', { name: /^Hidden/ });

// The worker's side is not here: its messages are recorded (the ranking is told labels changed).
vi.mock('../../../../lib/messaging/protocol', () => ({
  sendMessage: vi.fn(async () => undefined),
  onMessage: vi.fn(),
}));

/**
 * Presses x again the moment the database has taken the first press's change, before the list
 * has read it back and redrawn: the fastest a user can press twice.
 */
function pressAgainOnCommit(): void {
  const again = () => {
    Dexie.on.storagemutated.unsubscribe(again);
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'x' });
  };
  Dexie.on('storagemutated', again);
}

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
    expect(vi.mocked(sendMessage)).toHaveBeenCalledWith('labelsChanged');
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

  it('takes a paper out of a list that kept it after a change in this visit, and out of "Saved" once unsaved', async () => {
    await library();
    await flag(['2611.00001'], { saved: 1 });
    const { user } = await renderPopup();
    await user.click((await findCard('Paper 2611.00003')).getByRole('button', { name: 'Mark read' }));
    await waitFor(() => expect(card('Paper 2611.00003').getByRole('button', { name: 'Mark unread' })).toBeTruthy());
    await user.click(card('Paper 2611.00003').getByRole('button', { name: 'Not interested' }));
    await expectTitles(['Paper 2611.00001', 'Paper 2611.00002']);
    await user.click(screen.getByRole('tab', { name: /^Saved/ }));
    await expectTitles(['Paper 2611.00001']);
    // Unsaved in this visit, the paper stays in "Saved" (as read papers stay), and can now be hidden.
    await user.click(card('Paper 2611.00001').getByRole('button', { name: 'Saved', pressed: true }));
    await user.click(await card('Paper 2611.00001').findByRole('button', { name: 'Not interested' }));
    await expectTitles([]);
    expect(await stored('2611.00001')).toMatchObject({ saved: 0, read: 1 });
    await waitFor(() => expect(tabName(/^Hidden/)).toBe('Hidden, 2 papers'));
  });

  it('only hides outside "Hidden": a second x pressed before the list redraws does not bring the paper back', async () => {
    await library();
    const { user } = await renderPopup();
    await screen.findByRole('article', { name: 'Paper 2611.00003' });
    await user.keyboard('j');
    expect(focusedId()).toBe('2611.00001');
    pressAgainOnCommit();
    await user.keyboard('x');
    await expectTitles(['Paper 2611.00002', 'Paper 2611.00003']);
    await waitFor(() => expect(screen.getByText('Hidden 1 paper.')).toBeTruthy());
    await waitFor(() => expect(tabName(/^Hidden/)).toBe('Hidden, 1 paper'));
    expect((await stored('2611.00001'))?.hiddenAt).toBeDefined();
  });
});

describe('a saved paper', () => {
  it('is not offered "Not interested", and x on it says why and keeps the save', async () => {
    await library();
    await flag(['2611.00002'], { saved: 1 });
    const { user } = await renderPopup();
    expect((await findCard('Paper 2611.00002')).queryByRole('button', { name: 'Not interested' })).toBeNull();
    expect(card('Paper 2611.00001').getByRole('button', { name: 'Not interested' })).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: /^Saved/ }));
    await expectTitles(['Paper 2611.00002']);
    expect(card('Paper 2611.00002').queryByRole('button', { name: 'Not interested' })).toBeNull();
    await user.keyboard('jx');
    const notice = await screen.findByText('This paper is saved: unsave it first to mark it Not interested.');
    expect(notice.getAttribute('aria-live')).toBe('polite');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(titles()).toEqual(['Paper 2611.00002']);
    expect(focusedId()).toBe('2611.00002');
    expect(await stored('2611.00002')).toMatchObject({ saved: 1, read: 0 });
    expect((await stored('2611.00002'))?.hiddenAt).toBeUndefined();
    expect(hiddenTab()).toBeNull();

    // In a keyword's list too; the next paper hidden there replaces the notice with its Undo.
    await user.click(screen.getByRole('tab', { name: /^graphs/ }));
    await expectTitles(['Paper 2611.00001', 'Paper 2611.00002', 'Paper 2611.00003']);
    await user.keyboard('jjx');
    expect(await screen.findByText('This paper is saved: unsave it first to mark it Not interested.')).toBeTruthy();
    await user.keyboard('jx');
    await expectTitles(['Paper 2611.00001', 'Paper 2611.00002']);
    expect(screen.getByText('Hidden 1 paper.')).toBeTruthy();
    expect(screen.queryByText(/unsave it first/)).toBeNull();
    expect(await stored('2611.00002')).toMatchObject({ saved: 1 });
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
    pressAgainOnCommit();
    await user.keyboard('x');
    await expectTitles([]);
    // Restored once only: the second press did not hide it again.
    expect((await stored('2611.00003'))?.hiddenAt).toBeUndefined();
    expect(screen.getByText('Restored 1 paper.')).toBeTruthy();
    // Emptied while shown, the tab stays, and says what it is for.
    await waitFor(() => expect(tabName(/^Hidden/)).toBe('Hidden'));
    expect(screen.getByText(/^No hidden papers\./)).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: /^graphs/ }));
    await expectTitles(['Paper 2611.00001', 'Paper 2611.00002', 'Paper 2611.00003']);
    expect(hiddenTab()).toBeNull();
  });
});
