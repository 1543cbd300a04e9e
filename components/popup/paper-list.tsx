import { useEffect, useMemo, useRef } from 'react';
import { abstractUrl } from '../../lib/arxiv/ids';
import type { RankingStatus } from '../../lib/db/ranking';
import type { KeywordStateRecord } from '../../lib/db/schema';
import type { Keyword } from '../../lib/keywords/keyword';
import { highlighterFor } from '../../lib/ui/highlight';
import { hidePaper, openPaper, restorePaper, togglePaperRead, togglePaperSaved } from '../../lib/ui/paper-actions';
import { usePopupStore } from '../../lib/ui/popup-store';
import { tabSource } from '../../lib/ui/popup-view';
import { useListKeys } from '../../lib/ui/use-list-keys';
import type { PaperPageState } from '../../lib/ui/use-paper-page';
import { useSimilarPapers } from '../../lib/ui/use-similar-papers';
import { coldStartMessage, ListEmpty } from './list-empty';
import { focusCard, focusInList, focusMoreLikeThis } from './list-focus';
import { ListToolbar } from './list-toolbar';
import { PaperCard } from './paper-card';
import { copyPaperBibtex } from './paper-buttons';
import { SimilarBar } from './similar-bar';
import { SortSwitch } from './sort-switch';

interface PaperListProps {
  tab: string;
  /** The visible page, loaded by the app as early as it can. */
  pageState: PaperPageState;
  keywords: readonly Keyword[];
  states: readonly KeywordStateRecord[];
  /** Unread papers in this tab's list (for the toolbar). */
  unread: number;
  /** Papers in the list, when the counts know it ("All new", "Saved"). */
  count?: number;
  /** Whether the counts have loaded (the rest of the page waits for them, see below). */
  countsReady: boolean;
  online: boolean;
  /** What the ranking knows, for the "For you" list's empty state. */
  ranking?: RankingStatus;
}

/** Cards in the popup's first frame: more than fit in its 600 px. */
const FIRST_FRAME_CARDS = 8;

function showMoreLabel(total: number | undefined, shown: number): string {
  return total === undefined || total <= shown
    ? 'Show more'
    : `Show more (${(total - shown).toLocaleString('en')} left)`;
}

/** The papers of the selected tab, a page at a time, with reader keys. */
export function PaperList(props: PaperListProps) {
  const { tab, pageState, keywords, states, unread, count, countsReady, online, ranking } = props;
  const { page, shownQuery } = pageState;
  const listRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<number | undefined>(undefined);
  const expanded = usePopupStore((s) => s.expanded);
  const activeId = usePopupStore((s) => s.activeId);
  const store = usePopupStore.getState;
  const keyword = keywords.find((k) => k.id === tab);
  const kind = tabSource(tab).kind;
  const highlights = useMemo(() => highlighterFor(keywords), [keywords]);
  const similarTo = usePopupStore((s) => s.similarTo);
  const similar = useSimilarPapers(similarTo?.id);
  const sort = usePopupStore((s) => s.sort);
  // "More like this" shows its papers in place of the tab's, with the same cards and keys.
  const papers = (similarTo ? similar.papers : page?.papers) ?? [];
  const active = papers.find((p) => p.id === activeId) ?? papers[0];

  // First frame: the cards that fit in the popup. Then the counts, which read every unread id and
  // can take a while, and with them the rest of the page (below the fold, so nothing moves).
  const firstPageShown = usePopupStore((s) => s.firstPageShown);
  useEffect(() => {
    if (!page || firstPageShown) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => store().setFirstPageShown());
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [page, firstPageShown, store]);
  const shown = firstPageShown && countsReady ? papers : papers.slice(0, FIRST_FRAME_CARDS);

  useEffect(() => {
    const wanted = pendingFocus.current;
    if (wanted === undefined || shown.length <= wanted) return;
    pendingFocus.current = undefined;
    focusCard(listRef.current, shown[wanted]?.id);
  }, [shown]);

  // The card the keyboard was on left the list ("Not interested", "Restore"): the focus moves on
  // to the card that took its place, or to the toolbar's Undo when none is left.
  const shownBefore = useRef<string[]>([]);
  useEffect(() => {
    const before = shownBefore.current;
    shownBefore.current = shown.map((p) => p.id);
    const index = activeId === undefined ? -1 : before.indexOf(activeId);
    if (index < 0 || shownBefore.current.includes(activeId!) || !focusInList(listRef.current)) return;
    const next = shown[Math.min(index, shown.length - 1)];
    if (next) focusCard(listRef.current, next.id);
    else listRef.current?.querySelector<HTMLElement>('.list-toolbar button')?.focus();
  }, [shown, activeId]);

  // The tab decides, not the paper's stored state: "Hidden" only restores, every other list (and
  // "More like this", which lists no hidden paper) only hides. A second quick press then cannot
  // undo the first before the list has redrawn.
  const hiddenAction = kind === 'hidden' && !similarTo ? 'restore' : 'hide';
  const doHiddenAction = (paperId: string) => {
    store().setActive(paperId);
    void (hiddenAction === 'restore' ? restorePaper(paperId) : hidePaper(paperId));
  };

  // Back from "More like this": once the tab's cards are back, to the card it was opened from.
  const backTo = useRef<string | undefined>(undefined);
  useEffect(() => {
    const paperId = backTo.current;
    if (paperId === undefined || similarTo || !page) return;
    backTo.current = undefined;
    focusMoreLikeThis(listRef.current, paperId);
  }, [similarTo, page]);
  const back = () => {
    backTo.current = similarTo?.id;
    store().showSimilar(undefined);
  };

  useListKeys({
    move: (delta) => {
      const index = active ? papers.indexOf(active) : -1;
      const next = activeId === undefined ? 0 : index + delta;
      if (next >= papers.length && page?.hasMore && !similarTo) {
        // Past the last paper: load the next page and move on once it is there.
        pendingFocus.current = next;
        store().showMore();
        return;
      }
      focusCard(listRef.current, papers[Math.max(0, Math.min(next, papers.length - 1))]?.id);
    },
    open: () => active && void openPaper(active, abstractUrl(active.id)),
    toggleSave: () => active && void togglePaperSaved(active.id),
    toggleRead: () => active && void togglePaperRead(active.id),
    hiddenAction: () => active && doHiddenAction(active.id),
    toggleAbstract: () => active && store().toggleExpanded(active.id),
    copyBibtex: () => active && void copyPaperBibtex(active),
    focusSearch: () => document.querySelector<HTMLInputElement>('input[type="search"]')?.focus(),
  });

  if (!page) return <div className="paper-list" aria-busy="true" />;
  const state = states.find((s) => s.keywordId === tab);
  // In the user's order of keywords.
  const labelsOf = (paperId: string) =>
    kind === 'keyword' || similarTo
      ? undefined
      : keywords.filter((k) => page.keywordIds[paperId]?.includes(k.id)).map((k) => k.label);
  // The ranking's reason is shown where the list is in its order.
  const ranked = !similarTo && !shownQuery && (kind === 'forYou' || (kind === 'keyword' && sort === 'forYou'));
  const cards = shown.map((paper) => (
    <PaperCard
      key={paper.id}
      paper={paper}
      pattern={highlights(kind === 'keyword' ? [tab] : (page.keywordIds[paper.id] ?? []))}
      keywordLabels={labelsOf(paper.id)}
      why={ranked ? paper.scoreWhy : undefined}
      expanded={expanded[paper.id] ?? false}
      tabbable={paper === active}
      onToggleAbstract={() => store().toggleExpanded(paper.id)}
      hiddenAction={hiddenAction}
      onHiddenAction={() => doHiddenAction(paper.id)}
      onFocus={() => store().setActive(paper.id)}
    />
  ));
  if (similarTo) {
    return (
      <div className="paper-list" ref={listRef}>
        <SimilarBar title={similarTo.title} state={similar} onBack={back} />
        {cards}
      </div>
    );
  }
  return (
    // data-search names the search these papers answer, so that a finished search can be told
    // from one still running (the search benchmark waits for it).
    <div className="paper-list" ref={listRef} data-search={shownQuery}>
      <ListToolbar tab={tab} kind={kind} page={page} query={shownQuery} unread={unread} count={count} />
      {kind === 'keyword' && !shownQuery && <SortSwitch />}
      {/* Sorted "For you" with nothing to rank by yet: say so rather than sort by date in silence. */}
      {kind === 'keyword' && !shownQuery && sort === 'forYou' && papers.length > 0 && coldStartMessage(ranking) && (
        <p className="sort-hint">{coldStartMessage(ranking)}</p>
      )}
      {papers.length === 0 ? (
        <ListEmpty kind={kind} keyword={keyword} state={state} query={shownQuery} online={online} ranking={ranking} />
      ) : (
        cards
      )}
      {page.hasMore && (
        <button type="button" className="show-more" onClick={() => store().showMore()}>
          {showMoreLabel(page.total ?? (shownQuery ? undefined : count), papers.length)}
        </button>
      )}
    </div>
  );
}
