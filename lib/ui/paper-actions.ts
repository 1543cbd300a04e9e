/**
 * What the popup's buttons and keys do to a paper. Reading and saving pin the paper's previous
 * flags (so it stays where it is until the popup is reopened); "Not interested" and "Restore" move
 * it out of the list at once, with an Undo. Every change of the unread count refreshes the badge.
 */
import { getDb } from '../db/app-db';
import { hidePapers, markedReadUndo, restoreHiddenPapers, undoFlagChanges } from '../db/labels';
import { markListRead, type PaperListSource } from '../db/paper-queries';
import { setRead, setSaved } from '../db/papers';
import type { PaperRecord } from '../db/schema';
import { paperToBibtex } from '../export/bibtex';
import { labelsChanged } from '../ranking/labels-changed';
import { refreshBadge } from '../notify/badge';
import { usePopupStore, type UndoableAction } from './popup-store';

const papersText = (count: number) => (count === 1 ? '1 paper' : `${count.toLocaleString('en')} papers`);

function pin(paper: PaperRecord, changed: 'read' | 'saved'): void {
  usePopupStore.getState().pin(paper.id, {
    read: paper.read,
    saved: paper.saved,
    readChanged: changed === 'read',
    savedChanged: changed === 'saved',
  });
}

async function updateBadge(): Promise<void> {
  try {
    await refreshBadge(getDb());
  } catch (error) {
    // The badge is a convenience; a failure must not undo or block the read state.
    console.warn('Could not refresh the badge', error);
  }
}

/** Marks a paper read or unread. */
export async function setPaperRead(paper: PaperRecord, read: boolean): Promise<void> {
  pin(paper, 'read');
  await setRead(getDb(), paper.id, read);
  await updateBadge();
  // Marking a hidden paper unread takes it out of Hidden: a label less.
  if (paper.hiddenAt !== undefined) labelsChanged();
}

/**
 * Flips the read flag of a paper as stored now (not as last rendered: a key pressed twice quickly
 * must undo the first press).
 */
export async function togglePaperRead(paperId: string): Promise<void> {
  const paper = await getDb().papers.get(paperId);
  if (paper) await setPaperRead(paper, paper.read === 0);
}

/** Saves or unsaves a paper, from its stored state. */
export async function togglePaperSaved(paperId: string): Promise<void> {
  const paper = await getDb().papers.get(paperId);
  if (!paper) return;
  pin(paper, 'saved');
  await setSaved(getDb(), paper.id, paper.saved === 0);
  labelsChanged();
}

/**
 * Opens a link of a paper in a new tab and marks it read. The write finishes before the tab opens:
 * opening a tab closes the toolbar popup, which would cut off a write still under way. The tab is
 * opened as a link would be (the click's user activation lasts seconds, far longer than the write).
 */
export async function openPaper(paper: PaperRecord, url: string): Promise<void> {
  if (paper.read === 0) await setPaperRead(paper, true);
  window.open(url, '_blank', 'noopener,noreferrer');
}

/** Copies a paper's BibTeX entry; false when the clipboard refused. */
export async function copyBibtex(paper: PaperRecord): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(paperToBibtex(paper));
    return true;
  } catch {
    return false;
  }
}

/** Marks every unread paper of a list read and offers to undo it. */
export async function markAllRead(source: PaperListSource): Promise<void> {
  const ids = await markListRead(getDb(), source);
  await updateBadge();
  const undo: UndoableAction = {
    kind: 'read',
    message: `Marked ${papersText(ids.length)} read.`,
    changes: markedReadUndo(ids),
  };
  usePopupStore.getState().setUndo(ids.length > 0 ? undo : undefined);
}

/** Said when "Not interested" is asked of a saved paper (the x key; saved cards have no button). */
export const SAVED_NOTICE = 'This paper is saved: unsave it first to mark it Not interested.';

/**
 * "Not interested": the paper leaves every list but "Hidden" at once, and the toolbar offers to
 * undo it; papers hidden one after another are undone together. Only ever hides: a paper hidden
 * already is left alone, so that a key pressed twice before the list redraws cannot restore it. A
 * saved paper is left alone too (hidePapers never hides one), with a notice why: a save is what
 * the user keeps, so it must be undone on purpose first.
 */
export async function hidePaper(paperId: string): Promise<void> {
  const db = getDb();
  const paper = await db.papers.get(paperId);
  if (!paper || paper.hiddenAt !== undefined) return;
  const store = usePopupStore.getState();
  if (paper.saved === 1) {
    store.setNotice(SAVED_NOTICE);
    return;
  }
  const changes = await hidePapers(db, [paperId]);
  if (changes.length === 0) return;
  await updateBadge();
  labelsChanged();
  const previous = store.undo?.kind === 'hide' ? store.undo.changes : [];
  const all = [...previous, ...changes];
  usePopupStore.getState().setUndo({ kind: 'hide', message: `Hidden ${papersText(all.length)}.`, changes: all });
}

/**
 * "Restore", in "Hidden": the paper goes back to its lists unread, with an Undo. Only ever
 * restores: a paper not hidden (restored already) is left alone.
 */
export async function restorePaper(paperId: string): Promise<void> {
  const changes = await restoreHiddenPapers(getDb(), [paperId]);
  if (changes.length === 0) return;
  await updateBadge();
  labelsChanged();
  usePopupStore.getState().setUndo({ kind: 'restore', message: `Restored ${papersText(changes.length)}.`, changes });
}

/** Takes back the last "Mark all read", "Not interested" or "Restore" (what the user changed since stays). */
export async function undoLastAction(): Promise<void> {
  const undo = usePopupStore.getState().undo;
  if (!undo) return;
  usePopupStore.getState().setUndo(undefined);
  await undoFlagChanges(getDb(), undo.changes);
  await updateBadge();
  labelsChanged();
}
