import { useEffect, useRef } from 'react';
import type { SimilarPapersState } from '../../lib/ui/use-similar-papers';
import { ListMessage } from './list-message';

interface SimilarBarProps {
  title: string;
  state: SimilarPapersState;
  /** "Back to the list" (the list puts the focus back where "More like this" was pressed). */
  onBack: () => void;
}

/**
 * The line above "More like this": which paper the list is about, the way back, and, as in the
 * toolbar of a tab, what the last action did with its Undo.
 */
export function SimilarBar({ title, state, onBack }: SimilarBarProps) {
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
      <button type="button" ref={back} onClick={onBack}>
        <span aria-hidden="true">← </span>Back to the list
      </button>
      <ListMessage summary={summary} />
    </div>
  );
}
