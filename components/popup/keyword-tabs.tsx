import { useEffect, type KeyboardEvent } from 'react';
import type { LibrarySummary } from '../../lib/db/paper-queries';
import type { Keyword } from '../../lib/keywords/keyword';
import { ALL_NEW_TAB, FOR_YOU_TAB, HIDDEN_TAB, SAVED_TAB } from '../../lib/ui/popup-view';

interface KeywordTabsProps {
  keywords: readonly Keyword[];
  selected: string;
  summary: LibrarySummary | undefined;
  onSelect: (tab: string) => void;
}

interface TabInfo {
  id: string;
  label: string;
  count: number;
  name: string;
  paused?: boolean;
}

/** The DOM id of a tab, for the panel's aria-labelledby. */
export function tabElementId(tab: string): string {
  return `tab-${tab.replace(/[^\w-]/g, '_')}`;
}

/** A count as the tab shows it ("2,000"): the accessible name must contain the visible text. */
const grouped = (count: number) => count.toLocaleString('en');

/** "Hidden", after "Saved": only while it holds papers or is the tab shown (it may just have been emptied). */
function hiddenTab(summary: LibrarySummary | undefined, selected: string): TabInfo[] {
  const hidden = summary?.hidden ?? 0;
  if (hidden === 0 && selected !== HIDDEN_TAB) return [];
  const name = hidden ? `Hidden, ${grouped(hidden)} ${hidden === 1 ? 'paper' : 'papers'}` : 'Hidden';
  return [{ id: HIDDEN_TAB, label: 'Hidden', count: hidden, name }];
}

function tabsOf(keywords: readonly Keyword[], summary: LibrarySummary | undefined, selected: string): TabInfo[] {
  const unread = summary?.unread ?? 0;
  const saved = summary?.saved ?? 0;
  return [
    {
      id: ALL_NEW_TAB,
      label: 'All new',
      count: unread,
      name: unread ? `All new, ${grouped(unread)} unread` : 'All new',
    },
    // Ranks the same unread papers as "All new": no count of its own.
    { id: FOR_YOU_TAB, label: 'For you', count: 0, name: 'For you' },
    {
      id: SAVED_TAB,
      label: 'Saved',
      count: saved,
      name: saved ? `Saved, ${grouped(saved)} ${saved === 1 ? 'paper' : 'papers'}` : 'Saved',
    },
    ...hiddenTab(summary, selected),
    ...keywords.map((k) => {
      const count = summary?.unreadByKeyword.get(k.id) ?? 0;
      const name = `${k.label}${count ? `, ${grouped(count)} unread` : ''}${k.enabled ? '' : ' (paused)'}`;
      return { id: k.id, label: k.label, count, name, paused: !k.enabled };
    }),
  ];
}

/**
 * "All new", "Saved", "Hidden" (when it holds papers) and a tab per keyword, each with its count. Arrow keys, Home and End move
 * between tabs (the ARIA tabs pattern, selection follows focus).
 */
export function KeywordTabs({ keywords, selected, summary, onSelect }: KeywordTabsProps) {
  const tabs = tabsOf(keywords, summary, selected);
  // The last list that is not a keyword is set apart from the keywords.
  const divider = tabs[tabs.length - keywords.length - 1]?.id;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((t) => t.id === selected);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length]!;
    onSelect(next.id);
    document.getElementById(tabElementId(next.id))?.focus();
  };
  // The chips scroll sideways in the popup: keep the selected one in view.
  useEffect(() => {
    document.getElementById(tabElementId(selected))?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [selected]);
  return (
    <div className="keyword-tabs" role="tablist" aria-label="Lists" onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          id={tabElementId(tab.id)}
          type="button"
          role="tab"
          aria-selected={tab.id === selected}
          aria-controls="paper-panel"
          aria-label={tab.name}
          tabIndex={tab.id === selected ? 0 : -1}
          className={`keyword-tab${tab.id === divider ? ' tab-divider' : ''}${tab.paused ? ' paused' : ''}`}
          onClick={() => onSelect(tab.id)}
        >
          <span className="keyword-tab-text">{tab.label}</span>
          {/* The leading space makes the visible text "All new 13", which the name "All new, 13 unread"
              contains (WCAG 2.5.3); the flex layout drops it. */}
          {tab.count > 0 && <span className="keyword-tab-count"> {grouped(tab.count)}</span>}
        </button>
      ))}
    </div>
  );
}
