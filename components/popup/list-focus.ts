/**
 * Where the keyboard's focus goes in a list of paper cards when cards come and go: a card that
 * leaves, or a view that closes, would otherwise drop the focus on the page itself.
 */

function cardOf(list: HTMLElement | null, paperId: string | undefined): HTMLElement | undefined {
  return [...(list?.querySelectorAll<HTMLElement>('article.paper') ?? [])].find(
    (element) => element.dataset.paperId === paperId,
  );
}

/** Moves focus to a card and brings it into view (below the sticky tabs, see scroll-padding). */
export function focusCard(list: HTMLElement | null, paperId: string | undefined): void {
  const card = cardOf(list, paperId);
  card?.focus();
  card?.scrollIntoView?.({ block: 'nearest' });
}

/** Whether the keyboard's focus is lost or in the list (not in the search box, say). */
export function focusInList(list: HTMLElement | null): boolean {
  const focused = document.activeElement;
  return !focused || focused === document.body || !focused.isConnected || (list?.contains(focused) ?? false);
}

/**
 * Back from "More like this": the focus returns to the "More like this" button that opened it, on
 * its card; to the first card when that paper has left the list since; to the first button (the
 * toolbar's) when no card is left.
 */
export function focusMoreLikeThis(list: HTMLElement | null, paperId: string): void {
  const card = cardOf(list, paperId);
  const button = card?.querySelector<HTMLElement>('button.more-like-this');
  if (card && button) {
    button.focus();
    card.scrollIntoView?.({ block: 'nearest' });
    return;
  }
  const first = list?.querySelector<HTMLElement>('article.paper');
  if (first) focusCard(list, first.dataset.paperId);
  else list?.querySelector<HTMLElement>('button')?.focus();
}
