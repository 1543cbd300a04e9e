import { create } from 'zustand';

/** Short-lived popup state; papers themselves live in IndexedDB. */
interface PopupState {
  selectedKeywordId?: string;
  expanded: Record<string, boolean>;
  selectKeyword: (id: string) => void;
  toggleExpanded: (paperId: string) => void;
}

export const usePopupStore = create<PopupState>((set) => ({
  selectedKeywordId: undefined,
  expanded: {},
  selectKeyword: (id) => set({ selectedKeywordId: id }),
  toggleExpanded: (paperId) => set((s) => ({ expanded: { ...s.expanded, [paperId]: !s.expanded[paperId] } })),
}));
