import { create } from 'zustand';
import type { FlagUndo } from '../db/labels';
import type { ListSort, PinnedState } from '../db/paper-queries';
import { readListSort, rememberListSort } from './popup-view';

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
  /** Why a key did nothing to the active paper, said in the list's message line until the next action. */
  notice?: string;
  /** How keyword lists are sorted: by date or "For you" (remembered in this browser). */
  sort: ListSort;
  /** "More like this": the paper whose neighbours the list shows instead of the tab's papers. */
  similarTo?: { id: string; title: string };
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
  setNotice: (notice: string | undefined) => void;
  setCopied: (copied: { paperId: string; ok: boolean } | undefined) => void;
  setFirstPageShown: () => void;
  setSort: (sort: ListSort) => void;
  showSimilar: (paper: { id: string; title: string } | undefined) => void;
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
  notice: undefined,
  copied: undefined,
  similarTo: undefined,
};

export const usePopupStore = create<PopupState>((set) => ({
  ...initial,
  sort: readListSort(),
  selectTab: (tab) =>
    set({
      selectedTab: tab,
      limit: PAGE_SIZE,
      activeId: undefined,
      undo: undefined,
      notice: undefined,
      similarTo: undefined,
    }),
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
  // A notice is about the paper it was given for: moving to another one drops it.
  setActive: (paperId) => set((s) => (s.activeId === paperId ? s : { activeId: paperId, notice: undefined })),
  setUndo: (undo) => set({ undo, notice: undefined }),
  setNotice: (notice) => set({ notice }),
  setCopied: (copied) => set({ copied }),
  setFirstPageShown: () => set((s) => (s.firstPageShown ? s : { firstPageShown: true })),
  setSort: (sort) => {
    rememberListSort(sort);
    set({ sort, limit: PAGE_SIZE, activeId: undefined });
  },
  showSimilar: (paper) => set({ similarTo: paper, activeId: undefined, notice: undefined }),
}));

/** Back to a fresh popup (tests, and nothing else, need this). */
export function resetPopupStore(): void {
  usePopupStore.setState({ ...initial, sort: readListSort() });
}
