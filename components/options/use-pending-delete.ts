import { useCallback, useEffect, useRef, useState } from 'react';
import type { Keyword } from '../../lib/keywords/keyword';
import { removeKeyword, removeKeywordNow } from '../../lib/keywords/keyword-store';
import { describeStorageError } from '../../lib/settings/sync-storage';
import { focusLater } from './focus';

/** The Keywords heading, where focus goes when the undo toast it was on goes away. */
export const KEYWORDS_HEADING_ID = 'keywords-heading';

/** How long "Undo" is offered after a keyword is removed. */
export const UNDO_WINDOW_MS = 10_000;

/** A removal that can still be taken back, and the list as the page shows it meanwhile. */
export interface PendingDelete {
  pending?: Keyword;
  /** The keywords to show: all stored ones but those being removed. */
  visible: Keyword[];
  remove: (keyword: Keyword) => void;
  undo: () => void;
  /** Stores the pending removal now; Undo is no longer offered. */
  settle: () => Promise<void>;
}

/**
 * Removing a keyword with a chance to undo. The keyword disappears from the page at once, but is
 * only removed from storage when the undo window closes (or another keyword is removed, or the
 * page goes away): the worker deletes a removed keyword's papers straight away, so undoing a
 * removal that had already been stored would bring the keyword back without its read state.
 */
export function usePendingDelete(
  keywords: readonly Keyword[],
  onError: (message: string) => void,
  undoMs: number = UNDO_WINDOW_MS,
): PendingDelete {
  const [pending, setPending] = useState<Keyword>();
  // Ids removed from storage whose removal has not reached this page yet: hidden meanwhile.
  const [removed, setRemoved] = useState<readonly string[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef({ keywords, pending });
  useEffect(() => {
    latest.current = { keywords, pending };
  }, [keywords, pending]);

  const commit = useCallback(
    (keyword: Keyword) => {
      clearTimeout(timer.current);
      // Focus on "Undo" would be lost with the toast: move it somewhere that stays.
      if (document.activeElement?.closest('.toast')) focusLater(KEYWORDS_HEADING_ID);
      setRemoved((ids) => [...ids, keyword.id]);
      setPending((current) => (current?.id === keyword.id ? undefined : current));
      return removeKeyword(keyword.id).catch((error: unknown) => {
        setRemoved((ids) => ids.filter((id) => id !== keyword.id));
        onError(describeStorageError(error, 'your keywords'));
      });
    },
    [onError],
  );

  const remove = useCallback(
    (keyword: Keyword) => {
      const earlier = latest.current.pending;
      if (earlier) void commit(earlier);
      clearTimeout(timer.current);
      setPending(keyword);
      timer.current = setTimeout(() => void commit(keyword), undoMs);
    },
    [commit, undoMs],
  );

  const settle = useCallback(async () => {
    const keyword = latest.current.pending;
    if (keyword) await commit(keyword);
  }, [commit]);

  const undo = useCallback(() => {
    clearTimeout(timer.current);
    setPending(undefined);
  }, []);

  // Leaving the page stores the removal from the list last read: sent at once, without a read first.
  useEffect(() => {
    const flush = () => {
      const { keywords: list, pending: keyword } = latest.current;
      if (!keyword) return;
      clearTimeout(timer.current);
      latest.current = { keywords: list, pending: undefined };
      void removeKeywordNow(keyword.id).catch(() => undefined);
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  const stored = new Set(keywords.map((k) => k.id));
  // Once storage agrees, forget the id: a keyword with it may come back later (from a backup).
  if (removed.some((id) => !stored.has(id))) setRemoved(removed.filter((id) => stored.has(id)));
  const hidden = new Set([...removed.filter((id) => stored.has(id)), ...(pending ? [pending.id] : [])]);
  return { pending, visible: keywords.filter((k) => !hidden.has(k.id)), remove, undo, settle };
}
