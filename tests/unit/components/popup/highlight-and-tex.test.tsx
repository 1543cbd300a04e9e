import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RichText } from '../../../../components/popup/rich-text';
import { createKeyword } from '../../../../lib/keywords/keyword';
import { highlightPattern, keywordTerms } from '../../../../lib/ui/highlight';
import { card, findCard, paper, renderPopup, storeKeywords, storePapers } from './render-popup';

const marks = (root: HTMLElement) => [...root.querySelectorAll('mark')].map((m) => m.textContent);

describe('highlighting the keyword', () => {
  it('marks the selected keyword in titles and abstracts, whatever the case', async () => {
    const [graphs] = await storeKeywords('graph neural');
    await storePapers(graphs!, [
      paper('2611.00001', 1, {
        title: 'Deep Graph Neural networks',
        summary: 'We study GRAPH-NEURAL models and paragraph neural parsing.',
      }),
    ]);
    const { user } = await renderPopup();
    const item = await findCard('Deep Graph Neural networks');
    const title = screen.getByRole('link', { name: 'Deep Graph Neural networks' });
    expect(marks(title)).toEqual(['Graph Neural']);
    await user.click(item.getByRole('button', { name: 'Show abstract' }));
    // A hyphen counts as a space (as on arXiv); "paragraph" does not start with "graph".
    const abstract = document.querySelector('.paper-abstract') as HTMLElement;
    expect(marks(abstract)).toEqual(['GRAPH-NEURAL']);
  });

  it('builds marks as elements: feed text never becomes HTML', () => {
    const { container } = render(
      <RichText text={'<img src=x onerror=alert(1)> graph <b>bold</b>'} pattern={highlightPattern(['graph'])} />,
    );
    expect(container.querySelector('img, b')).toBeNull();
    expect(container.textContent).toBe('<img src=x onerror=alert(1)> graph <b>bold</b>');
    expect(marks(container)).toEqual(['graph']);
  });

  it('highlights nothing for an author keyword, and the words of a raw query', () => {
    expect(keywordTerms({ ...createKeyword('Hinton'), field: 'author' })).toEqual([]);
    expect(keywordTerms({ ...createKeyword('x'), rawQuery: 'ti:"optimal transport" AND abs:sinkhorn' })).toEqual([
      'optimal transport',
      'sinkhorn',
    ]);
  });
});

describe('TeX', () => {
  it('typesets math in titles with KaTeX, loaded on demand', async () => {
    const [k] = await storeKeywords('sorting');
    await storePapers(k!, [paper('2611.00001', 1, { title: 'Sorting in $\\mathcal{O}(n \\log n)$ time' })]);
    await renderPopup();
    const link = await screen.findByRole('link', { name: /^Sorting in/ });
    await waitFor(() => expect(link.querySelector('.katex')).not.toBeNull());
    expect(link.querySelector('.katex-mathml annotation')?.textContent).toBe('\\mathcal{O}(n \\log n)');
    // Prose around the formula is still highlighted text.
    expect(marks(link)).toEqual(['Sorting']);
  });

  it('shows the source as text when a formula cannot be rendered', async () => {
    const [k] = await storeKeywords('bounds');
    await storePapers(k!, [
      paper('2611.00001', 1, { title: 'Broken $\\frac{1}{$ bounds' }),
      paper('2611.00002', 2, { title: 'Linked $\\href{javascript:alert(1)}{x}$ bounds' }),
      paper('2611.00003', 3, { title: 'Good $x^2$ bounds' }),
    ]);
    await renderPopup();
    // Wait for KaTeX on the good one, then check the others fell back to their source.
    await waitFor(() =>
      expect(card('Good $x^2$ bounds').getByRole('link', { name: /^Good/ }).querySelector('.katex')).not.toBeNull(),
    );
    const broken = card('Broken $\\frac{1}{$ bounds').getByRole('link', { name: /^Broken/ });
    expect(broken.querySelector('.katex')).toBeNull();
    expect(broken.textContent).toBe('Broken $\\frac{1}{$ bounds');
    const linked = card('Linked $\\href{javascript:alert(1)}{x}$ bounds').getByRole('link', { name: /^Linked/ });
    expect(linked.querySelector('.katex, a')).toBeNull();
    expect(linked.textContent).toBe('Linked $\\href{javascript:alert(1)}{x}$ bounds');
  });

  it('leaves "$5 and $10" as prose', async () => {
    const [k] = await storeKeywords('costs');
    await storePapers(k!, [
      paper('2611.00001', 1, { title: 'Costs of $5 and $10 per query' }),
      paper('2611.00002', 2, { title: 'Costs of $n^2$ queries' }),
    ]);
    await renderPopup();
    const math = await screen.findByRole('article', { name: 'Costs of $n^2$ queries' });
    await waitFor(() => expect(math.querySelector('.paper-title .katex')).not.toBeNull());
    const prices = screen.getByRole('link', { name: 'Costs of $5 and $10 per query' });
    expect(prices.querySelector('.katex')).toBeNull();
  });
});
