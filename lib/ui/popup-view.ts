import type { ListSort, PaperListSource } from '../db/paper-queries';

/** The lists that are not keywords; keyword ids are UUIDs, so they never collide. */
export const ALL_NEW_TAB = 'new';
export const FOR_YOU_TAB = 'foryou';
export const SAVED_TAB = 'saved';
/** The papers the user is not interested in. */
export const HIDDEN_TAB = 'hidden';

const LAST_TAB_KEY = 'dailyPapers.lastTab';

/**
 * The tab the popup showed last, so that it reopens there. Kept in the page's localStorage (this
 * browser only) because it reads synchronously: the popup starts loading the right list before any
 * asynchronous storage read has answered.
 */
export function readLastTab(): string | undefined {
  try {
    return localStorage.getItem(LAST_TAB_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Remembers the tab the user picked. */
export function rememberTab(tab: string): void {
  try {
    localStorage.setItem(LAST_TAB_KEY, tab);
  } catch {
    // Storage disabled or full: the popup then opens on the first keyword, which is fine.
  }
}

const SORT_KEY = 'dailyPapers.sort';

/** How keyword lists were sorted last (this browser only, read synchronously like the tab). */
export function readListSort(): ListSort {
  try {
    return localStorage.getItem(SORT_KEY) === 'forYou' ? 'forYou' : 'newest';
  } catch {
    return 'newest';
  }
}

/** Remembers the sort the user picked for keyword lists. */
export function rememberListSort(sort: ListSort): void {
  try {
    localStorage.setItem(SORT_KEY, sort);
  } catch {
    // Storage disabled or full: keyword lists then open sorted by date.
  }
}

/** What the page's address asks for: `?view=tab` (a full tab) and `&keyword=<id|new|foryou|saved|hidden>`. */
export interface PopupViewParams {
  asTab: boolean;
  tab?: string;
}

/** Reads the popup's address; notification clicks open `popup.html?view=tab&keyword=…`. */
export function readViewParams(search: string): PopupViewParams {
  const params = new URLSearchParams(search);
  const tab = params.get('keyword')?.trim();
  return { asTab: params.get('view') === 'tab', tab: tab ? tab : undefined };
}

/**
 * Marks the document as a full tab before the first render, so the wide layout never flashes at
 * popup width.
 */
export function applyViewMode(search: string, root: HTMLElement = document.documentElement): void {
  if (readViewParams(search).asTab) root.dataset.view = 'tab';
  else delete root.dataset.view;
}

/**
 * The tab to show: the one picked in this visit, else the address's, else the last one, else the
 * first keyword ("All new" when there is none). An unknown keyword id falls back the same way.
 * Before the keywords have loaded (`undefined`), a keyword tab is taken on trust so that its papers
 * can load meanwhile; undefined means "wait for the keywords".
 */
export function resolveTab(
  keywordIds: readonly string[] | undefined,
  ...candidates: ReadonlyArray<string | null | undefined>
): string | undefined {
  const valid = (tab: string | null | undefined): tab is string =>
    tab === ALL_NEW_TAB ||
    tab === FOR_YOU_TAB ||
    tab === SAVED_TAB ||
    tab === HIDDEN_TAB ||
    (tab != null && (keywordIds?.includes(tab) ?? true));
  const found = candidates.find(valid);
  if (found !== undefined || keywordIds === undefined) return found;
  return keywordIds[0] ?? ALL_NEW_TAB;
}

/** The list a tab shows. */
export function tabSource(tab: string): PaperListSource {
  if (tab === ALL_NEW_TAB) return { kind: 'new' };
  if (tab === FOR_YOU_TAB) return { kind: 'forYou' };
  if (tab === SAVED_TAB) return { kind: 'saved' };
  if (tab === HIDDEN_TAB) return { kind: 'hidden' };
  return { kind: 'keyword', keywordId: tab };
}
