import { useId } from 'react';

/** Where an import stands: reading and checking the file (no count yet), then saving papers. */
export type ImportProgressState = { stage: 'checking' } | { stage: 'saving'; done: number; total: number };

/**
 * The spoken form of the progress, in quarter steps: a screen reader hears a few calm updates
 * instead of one per chunk, while the bar and its visible count move with every chunk.
 */
export function announcedProgress(state: ImportProgressState): string {
  if (state.stage === 'checking') return 'Checking the backup…';
  const percent = state.total === 0 ? 100 : Math.floor((state.done / state.total) * 4) * 25;
  return `Saving papers: ${percent}%`;
}

/** A labelled progress bar for a running import, its value announced politely. */
export function ImportProgress({ state }: { state: ImportProgressState }) {
  const barId = useId();
  const label =
    state.stage === 'checking'
      ? 'Checking the backup…'
      : `Saving papers: ${state.done.toLocaleString('en')} of ${state.total.toLocaleString('en')}`;
  return (
    <div className="import-progress">
      <label htmlFor={barId}>{label}</label>
      {/* Without a value the bar is indeterminate: parsing a large file gives no count to show. */}
      {state.stage === 'checking' ? (
        <progress id={barId} />
      ) : (
        <progress id={barId} max={Math.max(state.total, 1)} value={state.total === 0 ? 1 : state.done} />
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcedProgress(state)}
      </p>
    </div>
  );
}
