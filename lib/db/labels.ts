/**
 * "Not interested" and its way back: hiding papers, restoring them from "Hidden", and undoing a
 * change of flags (these and "Mark all read"). Every write goes through read-state.ts, which
 * applies the rule of labels (label-rule.ts) and keeps the counters and the matches' copies.
 */
import type { AppDB } from './app-db';
import { isHidden } from './label-rule';
import { changePaperFlags, type FlagChanges } from './read-state';
import type { PaperRecord } from './schema';

/**
 * What an action did to one paper: its flags before, and the flags the action wrote. Undoing puts
 * `before` back only while the paper still has every flag of `after` (a key set to undefined
 * there means "absent"), so that an undo never overrides what the user did to the paper since.
 */
export interface FlagUndo {
  id: string;
  before: FlagChanges;
  after: FlagChanges;
}

/** All of a paper's flags, absent ones as explicit undefined (so that putting them back removes them). */
function flagsOf(paper: PaperRecord): FlagChanges {
  const { read, readAt, saved, savedAt, hiddenAt } = paper;
  return { read, readAt, saved, savedAt, hiddenAt };
}

/**
 * Hides papers ("Not interested"): each leaves every list but "Hidden", read (see label-rule.ts).
 * Papers hidden already, or not stored, are left alone, and so are saved ones: a save is what the
 * user keeps, so it is undone on purpose first, never by a hide decided a moment before it (in
 * another window, say). Returns what undoes it.
 */
export async function hidePapers(db: AppDB, ids: readonly string[], now = Date.now()): Promise<FlagUndo[]> {
  const undo: FlagUndo[] = [];
  await changePaperFlags(db, ids, (paper) => {
    if (isHidden(paper) || paper.saved === 1) return undefined;
    const after = { hiddenAt: now };
    undo.push({ id: paper.id, before: flagsOf(paper), after });
    return after;
  });
  return undo;
}

/**
 * Brings hidden papers back ("Restore"): unread, so that the user sees them again in their lists.
 * Papers not hidden are left alone. Returns what undoes it.
 */
export async function restoreHiddenPapers(db: AppDB, ids: readonly string[]): Promise<FlagUndo[]> {
  const undo: FlagUndo[] = [];
  await changePaperFlags(db, ids, (paper) => {
    if (!isHidden(paper)) return undefined;
    const after: FlagChanges = { hiddenAt: undefined, read: 0, readAt: undefined };
    undo.push({ id: paper.id, before: flagsOf(paper), after });
    return after;
  });
  return undo;
}

/** What undoes "Mark all read" of these papers (all unread before it). */
export function markedReadUndo(ids: readonly string[]): FlagUndo[] {
  return ids.map((id) => ({
    id,
    before: { read: 0, readAt: undefined },
    // Hidden since: the paper stays hidden (and so read).
    after: { read: 1, hiddenAt: undefined },
  }));
}

/** Puts back the flags an action changed, on the papers the user has not changed since. */
export async function undoFlagChanges(db: AppDB, undo: readonly FlagUndo[]): Promise<void> {
  const byId = new Map(undo.map((u) => [u.id, u]));
  await changePaperFlags(db, [...byId.keys()], (paper) => {
    const { before, after } = byId.get(paper.id)!;
    const untouched = Object.entries(after).every(([key, value]) => paper[key as keyof FlagChanges] === value);
    return untouched ? before : undefined;
  });
}
