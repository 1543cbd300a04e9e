import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectTitles, flag, paper, renderPopup, storeKeywords, storePapers } from './render-popup';

async function library() {
  const [graphs, quantum] = await storeKeywords('graphs', 'quantum');
  await storePapers(graphs!, [
    paper('2611.00001', 1, { title: 'Spectral graph sparsification' }),
    paper('2611.00002', 2, { authors: [{ name: 'Erwin Schrödinger', affiliations: [] }] }),
    paper('2611.00003', 3, { summary: 'We bound the mixing time of random walks.' }),
  ]);
  await storePapers(quantum!, [paper('2611.00004', 4, { title: 'Random circuits and mixing' })]);
}

describe('search', () => {
  it('filters the tab by title, authors and abstract as you type', async () => {
    await library();
    const { user } = await renderPopup();
    await expectTitles(['Spectral graph sparsification', 'Paper 2611.00002', 'Paper 2611.00003']);
    const box = screen.getByRole('searchbox', { name: 'Search papers' });
    await user.type(box, 'SPARSIF');
    await expectTitles(['Spectral graph sparsification']);
    await user.clear(box);
    // Accents do not matter: "schrodinger" finds "Schrödinger".
    await user.type(box, 'schrodinger');
    await expectTitles(['Paper 2611.00002']);
    await user.clear(box);
    await user.type(box, 'mixing');
    // Within the tab: the other keyword's "Random circuits and mixing" is not listed.
    await expectTitles(['Paper 2611.00003']);
  });

  it('needs every word, in any order', async () => {
    await library();
    const { user } = await renderPopup();
    await user.type(screen.getByRole('searchbox', { name: 'Search papers' }), 'walks random');
    await expectTitles(['Paper 2611.00003']);
    await user.type(screen.getByRole('searchbox', { name: 'Search papers' }), ' nowhere');
    await expectTitles([]);
    expect(screen.getByText(/No paper in “graphs” has “walks random nowhere”/)).toBeTruthy();
  });

  it('searches across keywords in "All new", among the unread papers', async () => {
    await library();
    await flag(['2611.00003'], { read: 1 });
    const { user } = await renderPopup('?keyword=new');
    await user.type(screen.getByRole('searchbox', { name: 'Search papers' }), 'mixing');
    await expectTitles(['Random circuits and mixing']);
  });

  it('lists the best matches first: title hits above abstract hits, then the newest', async () => {
    const [walks] = await storeKeywords('walks');
    await storePapers(walks!, [
      paper('2611.00011', 1, { summary: 'Random walks mix fast.' }),
      paper('2611.00012', 5, { title: 'Random walks on graphs' }),
      paper('2611.00013', 3, { title: 'Random walks in cubes' }),
    ]);
    const { user } = await renderPopup();
    await expectTitles(['Paper 2611.00011', 'Random walks in cubes', 'Random walks on graphs']);
    await user.type(screen.getByRole('searchbox', { name: 'Search papers' }), 'random walk');
    await expectTitles(['Random walks in cubes', 'Random walks on graphs', 'Paper 2611.00011']);
  });

  it('clears with Escape', async () => {
    await library();
    const { user } = await renderPopup();
    const box = screen.getByRole('searchbox', { name: 'Search papers' });
    await user.type(box, 'sparsif');
    await expectTitles(['Spectral graph sparsification']);
    await user.keyboard('{Escape}');
    expect((box as HTMLInputElement).value).toBe('');
    await expectTitles(['Spectral graph sparsification', 'Paper 2611.00002', 'Paper 2611.00003']);
  });
});
