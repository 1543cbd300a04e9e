import { create } from 'zustand';
import type { FlagUndo } from '../db/labels';
import type { PinnedState } from '../db/paper-queries';

/** Papers shown at first, and added by each "Show more". */
export const PAGE_SIZE = 30;

/** What an action changed ("Mark all read", "Not interested", "Restore"), so that it can be undone. */
export interface UndoableAction {
  kind: 'read' | 'hide' | 'restore';
  message: string;
  changes: FlagUndo[];
}

/** Short-lived popup state; papers themselves live in IndexedDB. */
interface PopupState {
  /** The tab the user picked in this visit (`new`, `saved` or a keyword id). */
  selectedTab?: string;
  query: string;
  limit: number;
  expanded: Record<string, boolean>;
  /** Papers changed in this visit, with their flags before, so they do not jump away while read. */
  pinned: Record<string, PinnedState>;
  /** Set once the first cards are on screen; the counts, which cost more, are read after that. */
  firstPageShown: boolean;
  /** The paper the keyboard acts on. */
  activeId?: string;
  undo?: UndoableAction;
  /** The last "Copy BibTeX" and whether the clipboard took it, shown for a moment on the card. */
  copied?: { paperId: string; ok: boolean };
  selectTab: (tab: string) => void;
  setQuery: (query: string) => void;
  showMore: () => void;
  toggleExpanded: (paperId: string) => void;
  /** Records a change to a paper (its flags before the first one are kept). */
  pin: (paperId: string, before: PinnedState) => void;
  setActive: (paperId: string | undefined) => void;
  setUndo: (undo: UndoableAction | undefined) => void;
  setCopied: (copied: { paperId: string; ok: boolean } | undefined) => void;
  setFirstPageShown: () => void;
}

const initial = {
  selectedTab: undefined,
  query: '',
  limit: PAGE_SIZE,
  expanded: {},
  pinned: {},
  firstPageShown: false,
  activeId: undefined,
  undo: undefined,
  copied: undefined,
};

export const usePopupStore = create<PopupState>((set) => ({
  ...initial,
  selectTab: (tab) => set({ selectedTab: tab, limit: PAGE_SIZE, activeId: undefined, undo: undefined }),
  setQuery: (query) => set({ query, limit: PAGE_SIZE, activeId: undefined }),
  showMore: () => set((s) => ({ limit: s.limit + PAGE_SIZE })),
  toggleExpanded: (paperId) => set((s) => ({ expanded: { ...s.expanded, [paperId]: !s.expanded[paperId] } })),
  pin: (paperId, change) =>
    set((s) => {
      const known = s.pinned[paperId];
      const merged = known
        ? {
            ...known,
            readChanged: known.readChanged || change.readChanged,
            savedChanged: known.savedChanged || change.savedChanged,
          }
        : change;
      return { pinned: { ...s.pinned, [paperId]: merged } };
    }),
  setActive: (paperId) => set({ activeId: paperId }),
  setUndo: (undo) => set({ undo }),
  setCopied: (copied) => set({ copied }),
  setFirstPageShown: () => set((s) => (s.firstPageShown ? s : { firstPageShown: true })),
}));

/** Back to a fresh popup (tests, and nothing else, need this). */
export function resetPopupStore(): void {
  usePopupStore.setState(initial);
}
