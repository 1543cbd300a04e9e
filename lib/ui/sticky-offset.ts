/**
 * A ref callback for a sticky bar: publishes its height as `--sticky-offset` on the root element,
 * so that the page's scroll-padding keeps a focused paper from hiding under the bar (which grows
 * when many keywords wrap). Returns React's cleanup for when the bar goes away.
 */
export function trackStickyOffset(element: HTMLElement | null): (() => void) | undefined {
  if (!element || typeof ResizeObserver === 'undefined') return undefined;
  const root = document.documentElement;
  const observer = new ResizeObserver(() => root.style.setProperty('--sticky-offset', `${element.offsetHeight}px`));
  observer.observe(element);
  return () => {
    observer.disconnect();
    root.style.removeProperty('--sticky-offset');
  };
}
