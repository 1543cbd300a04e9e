/**
 * What the popup's buttons and keys do to a paper. Each change pins the paper's previous flags
 * (so it stays where it is until the popup is reopened) and refreshes the toolbar badge.
 */
import { getDb } from '../db/app-db';
import { markListRead, setReadMany, type PaperListSource } from '../db/paper-queries';
import { setRead, setSaved } from '../db/papers';
import type { PaperRecord } from '../db/schema';
import { paperToBibtex } from '../export/bibtex';
import { refreshBadge } from '../notify/badge';
import { usePopupStore } from './popup-store';

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
  const message = ids.length === 1 ? 'Marked 1 paper read.' : `Marked ${ids.length} papers read.`;
  usePopupStore.getState().setUndo(ids.length > 0 ? { message, paperIds: ids } : undefined);
}

/** Takes back the last "Mark all read". */
export async function undoMarkAllRead(): Promise<void> {
  const undo = usePopupStore.getState().undo;
  if (!undo) return;
  usePopupStore.getState().setUndo(undefined);
  await setReadMany(getDb(), undo.paperIds, false);
  await updateBadge();
}
