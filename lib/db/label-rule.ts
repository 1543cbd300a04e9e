/**
 * The rule of labels: "Save" is a positive, "Not interested" (a hidden paper) a negative, and a
 * paper is never both. Every write of flags applies it (see read-state.ts), so that the lists, the
 * counters and the matches' copies can rely on it: a hidden paper is read and not saved.
 */
import type { FlagChanges } from './read-state';
import type { ListFlag, PaperRecord } from './schema';

/** Whether the user said "Not interested" in a paper. */
export const isHidden = (paper: Pick<PaperRecord, 'hiddenAt'>) => paper.hiddenAt !== undefined;

/** Where a paper's matches sit in their keywords' lists: 2 when hidden, else its read flag. */
export const listFlag = (paper: PaperRecord): ListFlag => (isHidden(paper) ? 2 : paper.read);

/**
 * The rule of labels, applied to every change of flags: a hidden paper is read and not saved.
 * Hiding a paper marks it read (it leaves "All new" and the unread counts) and unsaves it (a
 * negative cannot also be a positive); marking a hidden paper unread or saving it takes it out
 * of "Hidden", as "Restore" does. Any other change of a hidden paper leaves it hidden.
 */
export function settleFlags(paper: PaperRecord, changes: FlagChanges): FlagChanges {
  if (changes.hiddenAt !== undefined) {
    // An undo puts every flag back as it was, a readAt absent before included.
    const readAt = 'readAt' in changes ? changes.readAt : (paper.readAt ?? changes.hiddenAt);
    return { ...changes, read: 1, readAt, saved: 0, savedAt: undefined };
  }
  const unhides = !('hiddenAt' in changes) && isHidden(paper) && (changes.read === 0 || changes.saved === 1);
  return unhides ? { ...changes, hiddenAt: undefined } : changes;
}

/**
 * The same rule for a whole record (a backup's): a paper both saved and hidden stays saved (what
 * the user keeps wins), and a hidden paper is read.
 */
export function settleRecord(paper: PaperRecord): PaperRecord {
  if (!isHidden(paper)) return paper;
  if (paper.saved === 1) {
    const kept = { ...paper };
    delete kept.hiddenAt;
    return kept;
  }
  return paper.read === 1 ? paper : { ...paper, read: 1, readAt: paper.readAt ?? paper.hiddenAt };
}

/**
 * A paper's label for the ranking: 1 when saved, -1 when marked "Not interested", none when
 * neither. A label given before "Reset personalisation" (`resetAt`) is "forgotten": such a paper
 * teaches the ranking nothing, not even as an unlabelled one.
 */
export function labelOf(paper: PaperRecord, resetAt: number): 1 | -1 | undefined | 'forgotten' {
  const at = isHidden(paper) ? paper.hiddenAt! : paper.saved === 1 ? (paper.savedAt ?? 0) : undefined;
  if (at === undefined) return undefined;
  if (at < resetAt) return 'forgotten';
  return isHidden(paper) ? -1 : 1;
}
