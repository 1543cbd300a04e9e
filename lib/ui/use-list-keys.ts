import { useEffect, useRef } from 'react';

/** What the keyboard can do in a list of papers. */
export interface ListKeyActions {
  move: (delta: 1 | -1) => void;
  open: () => void;
  toggleSave: () => void;
  toggleRead: () => void;
  /** "Not interested", or "Restore" in "Hidden". */
  hiddenAction: () => void;
  toggleAbstract: () => void;
  copyBibtex: () => void;
  focusSearch: () => void;
}

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * Reader shortcuts on the whole page: j/k or ↓/↑ move between papers, Enter or o opens one,
 * s saves, r toggles read, x says "Not interested" (restores in "Hidden"), e shows the
 * abstract, c copies BibTeX, / searches. Keys typed into a field, and Enter on a link or
 * button, keep their usual meaning.
 */
export function useListKeys(actions: ListKeyActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTextField(event.target)) return;
      const onControl = event.target instanceof Element && event.target.closest('a, button, [role="tab"]') !== null;
      const a = latest.current;
      const handlers: Record<string, (() => void) | undefined> = {
        j: () => a.move(1),
        ArrowDown: () => a.move(1),
        k: () => a.move(-1),
        ArrowUp: () => a.move(-1),
        Enter: onControl ? undefined : a.open,
        o: a.open,
        s: a.toggleSave,
        r: a.toggleRead,
        x: a.hiddenAction,
        e: a.toggleAbstract,
        c: a.copyBibtex,
        '/': a.focusSearch,
      };
      const handler = handlers[event.key];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
