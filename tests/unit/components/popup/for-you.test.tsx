import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '../../../../lib/db/app-db';
import { runRanking } from '../../../../lib/ranking/ranking-job';
import { resetSimilarCache, similarPapers } from '../../../../lib/ranking/similar-papers';
import { resetPopupStore } from '../../../../lib/ui/popup-store';

// The worker's side of the messages, called in place (a page's own messages never reach it here).
vi.mock('../../../../lib/messaging/protocol', () => ({
  onMessage: vi.fn(),
  sendMessage: vi.fn(async (type: string, data?: { paperId: string }) =>
    type === 'similarPapers' ? similarPapers(getDb(), data!.paperId) : undefined,
  ),
}));
import {
  card,
  expectTitles,
  findCard,
  flag,
  paper,
  renderPopup,
  storeKeywords,
  storePapers,
  titles,
} from './render-popup';

const TEXTS = {
  '2611.00001': 'message passing graph neural networks',
  '2611.00002': 'quantum error correction surface codes',
  '2611.00003': 'graph neural networks for molecules with message passing',
  '2611.00004': 'surface codes and quantum decoders',
  '2611.00005': 'message passing on molecular graph networks',
};
const title = (id: keyof typeof TEXTS) => `Learning ${TEXTS[id]}`;

async function library() {
  const [k] = await storeKeywords('learning');
  await storePapers(
    k!,
    Object.entries(TEXTS).map(([id, text], i) =>
      paper(id, i, { title: `Learning ${text}`, summary: `We study ${text}. Results on ${text}.` }),
    ),
  );
}

// The sort is remembered in the page's storage: each test starts from the default.
beforeEach(() => {
  localStorage.removeItem('dailyPapers.sort');
  resetPopupStore();
});

describe('"For you" in the popup', () => {
  it('says what to do before three papers are saved, and ranks nothing', async () => {
    await library();
    await flag(['2611.00001'], { saved: 1 });
    await runRanking(getDb());
    const { user } = await renderPopup();
    await user.click(await screen.findByRole('tab', { name: 'For you' }));
    await screen.findByText(/^For you ranks your unread papers by what you save\. Save 2 more papers you like/);
    expect(screen.queryAllByRole('article')).toEqual([]);
    // A keyword sorted "For you" lists its papers by date meanwhile, and says why.
    await user.click(screen.getByRole('tab', { name: /^learning/ }));
    await user.click(await screen.findByRole('button', { name: 'For you', pressed: false }));
    await screen.findByText(/^For you ranks your unread papers by what you save/);
    expect(titles()).toHaveLength(5);
  });

  it('lists the unread papers best first, each with its reason, and sorts a keyword the same way', async () => {
    await library();
    await flag(['2611.00001', '2611.00003', '2611.00005'], { saved: 1 });
    await flag(['2611.00005'], { read: 1 });
    expect(await runRanking(getDb())).toBe('trained');
    const { user } = await renderPopup();
    await user.click(await screen.findByRole('tab', { name: 'For you' }));
    // The read paper is not in "For you"; the graph papers come before the quantum ones.
    await waitFor(() => expect(titles()).toHaveLength(4));
    const ranked = titles();
    expect(ranked.slice(0, 2).sort()).toEqual([title('2611.00003'), title('2611.00001')].sort());
    expect(ranked.slice(2).sort()).toEqual([title('2611.00002'), title('2611.00004')].sort());
    const why = (await findCard(ranked[0]!)).getByText(/^Like your saved papers: /).textContent!;
    expect(why).toMatch(/message passing|graph|neural networks/);

    // The keyword's list: newest first by default, then best first (unread before read).
    await user.click(screen.getByRole('tab', { name: /^learning/ }));
    await expectTitles([
      title('2611.00001'),
      title('2611.00002'),
      title('2611.00003'),
      title('2611.00004'),
      title('2611.00005'),
    ]);
    await user.click(screen.getByRole('button', { name: 'For you', pressed: false }));
    await expectTitles([...ranked, title('2611.00005')]);
    expect(screen.getByRole('button', { name: 'For you', pressed: true })).toBeTruthy();
    expect(localStorage.getItem('dailyPapers.sort')).toBe('forYou');
    await user.click(screen.getByRole('button', { name: 'Newest' }));
    await waitFor(() =>
      expect(screen.getAllByRole('article')[0]!.getAttribute('aria-label')).toBe(title('2611.00001')),
    );
  });

  it('"More like this" lists the closest stored papers, and Back returns to the list', async () => {
    resetSimilarCache();
    await library();
    const { user } = await renderPopup();
    await user.click((await findCard(title('2611.00002'))).getByRole('button', { name: 'More like this' }));
    await screen.findByText(/papers like “Learning quantum error correction surface codes”/);
    expect(screen.getAllByRole('article')[0]!.getAttribute('aria-label')).toBe(title('2611.00004'));
    expect(screen.queryByRole('article', { name: title('2611.00002') })).toBeNull();
    const back = screen.getByRole('button', { name: /Back to the list/ });
    expect(document.activeElement).toBe(back);

    // "Not interested" here says what it did and offers Undo, as in a tab's list.
    await user.click(card(title('2611.00004')).getByRole('button', { name: 'Not interested' }));
    await waitFor(() => expect(screen.queryByRole('article', { name: title('2611.00004') })).toBeNull());
    expect(screen.getByText('Hidden 1 paper.').getAttribute('aria-live')).toBe('polite');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByRole('article', { name: title('2611.00004') });
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect((await getDb().papers.get('2611.00004'))?.hiddenAt).toBeUndefined();

    await user.click(back);
    await expectTitles([
      title('2611.00001'),
      title('2611.00002'),
      title('2611.00003'),
      title('2611.00004'),
      title('2611.00005'),
    ]);
    // The keyboard is back on the button that opened the view, on its card.
    await waitFor(() =>
      expect(document.activeElement).toBe(card(title('2611.00002')).getByRole('button', { name: 'More like this' })),
    );
    await user.keyboard('j');
    expect(document.activeElement).toBe(screen.getByRole('article', { name: title('2611.00003') }));
  });
});
