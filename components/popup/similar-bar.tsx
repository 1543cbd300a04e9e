import { useEffect, useRef } from 'react';
import { usePopupStore } from '../../lib/ui/popup-store';
import type { SimilarPapersState } from '../../lib/ui/use-similar-papers';
import { ListMessage } from './list-message';

interface SimilarBarProps {
  title: string;
  state: SimilarPapersState;
}

/**
 * The line above "More like this": which paper the list is about, the way back, and, as in the
 * toolbar of a tab, what the last action did with its Undo.
 */
export function SimilarBar({ title, state }: SimilarBarProps) {
  // The button that opened this view is gone with its list: focus goes to the way back.
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  const summary = state.message
    ? state.message
    : state.papers === undefined
      ? 'Finding similar papers…'
      : state.papers.length === 0
        ? 'No stored paper is close to this one.'
        : `${state.papers.length} ${state.papers.length === 1 ? 'paper' : 'papers'} like “${title}”`;
  return (
    <div className="list-toolbar similar-bar">
      <button type="button" ref={back} onClick={() => usePopupStore.getState().showSimilar(undefined)}>
        <span aria-hidden="true">← </span>Back to the list
      </button>
      <ListMessage summary={summary} />
    </div>
  );
}
