import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { focusMoreLikeThis } from '../../../../components/popup/list-focus';

afterEach(cleanup);

/** A list as the popup renders it: a toolbar button, then cards with their "More like this". */
function renderList(ids: readonly string[]): HTMLElement {
  const { container } = render(
    <div className="paper-list">
      <div className="list-toolbar">
        <button type="button">Mark all read</button>
      </div>
      {ids.map((id) => (
        <article key={id} className="paper" data-paper-id={id} aria-label={id} tabIndex={-1}>
          <button type="button" className="more-like-this">
            More like this
          </button>
        </article>
      ))}
    </div>,
  );
  return container.querySelector<HTMLElement>('.paper-list')!;
}

// "Back to the list" from "More like this" (the component test covers the paper still listed;
// these cover the lists it can come back to when that paper has left meanwhile).
describe('the focus back from "More like this"', () => {
  it('goes to the "More like this" button of the paper it was about', () => {
    const list = renderList(['a', 'b', 'c']);
    focusMoreLikeThis(list, 'b');
    expect(document.activeElement).toBe(list.querySelector('[data-paper-id="b"] button'));
  });

  it('goes to the first card when that paper has left the list', () => {
    const list = renderList(['a', 'c']);
    focusMoreLikeThis(list, 'b');
    expect(document.activeElement).toBe(screen.getByRole('article', { name: 'a' }));
  });

  it('goes to the toolbar when no card is left', () => {
    const list = renderList([]);
    focusMoreLikeThis(list, 'b');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Mark all read' }));
  });
});
