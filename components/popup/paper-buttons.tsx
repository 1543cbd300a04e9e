import { useEffect } from 'react';
import type { PaperRecord } from '../../lib/db/schema';
import { copyBibtex, togglePaperRead, togglePaperSaved } from '../../lib/ui/paper-actions';
import { usePopupStore } from '../../lib/ui/popup-store';

/** How long "Copied" stays on the button. */
const CONFIRM_MS = 2_000;

/** Copies a paper's BibTeX and shows the outcome on its card (used by the button and the "c" key). */
export async function copyPaperBibtex(paper: PaperRecord): Promise<void> {
  const ok = await copyBibtex(paper);
  usePopupStore.getState().setCopied({ paperId: paper.id, ok });
}

/** What the list lets a card do about "Not interested": hide it, or (in "Hidden") restore it. */
export type HiddenAction = 'hide' | 'restore';

interface PaperButtonsProps {
  paper: PaperRecord;
  hiddenAction: HiddenAction;
  /** Does the hidden action (the list moves the focus on). */
  onHiddenAction: () => void;
}

/** Read, save, "Not interested" (or "Restore") and cite buttons of a paper card. */
export function PaperButtons({ paper, hiddenAction, onHiddenAction }: PaperButtonsProps) {
  const copied = usePopupStore((s) => (s.copied?.paperId === paper.id ? s.copied : undefined));
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => usePopupStore.getState().setCopied(undefined), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [copied]);
  const saved = paper.saved === 1;
  const hidden = paper.hiddenAt !== undefined;
  const copyText = copied ? (copied.ok ? 'Copied' : 'Copy failed') : 'BibTeX';
  return (
    <span className="paper-buttons">
      {/* A hidden paper is read; "Restore" is how it comes back unread. */}
      {!hidden && (
        <button type="button" onClick={() => void togglePaperRead(paper.id)}>
          {paper.read === 0 ? 'Mark read' : 'Mark unread'}
        </button>
      )}
      <button type="button" aria-pressed={saved} onClick={() => void togglePaperSaved(paper.id)}>
        <span aria-hidden="true">{saved ? '★ ' : '☆ '}</span>
        {saved ? 'Saved' : 'Save'}
      </button>
      {/* Hiding unsaves: a saved paper is not offered it (unsaving it first is a choice of its own). */}
      {(hiddenAction === 'restore' || !saved) && (
        <button type="button" onClick={onHiddenAction}>
          {hiddenAction === 'restore' ? 'Restore' : 'Not interested'}
        </button>
      )}
      {/* While it shows the outcome, the button is named by it: a name must contain the visible text (WCAG 2.5.3). */}
      <button type="button" aria-label={copied ? undefined : 'Copy BibTeX'} onClick={() => void copyPaperBibtex(paper)}>
        {copyText}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {copied ? (copied.ok ? 'BibTeX copied' : 'The clipboard refused the BibTeX entry') : ''}
      </span>
    </span>
  );
}
