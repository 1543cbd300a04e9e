import type { Keyword } from '../../lib/keywords/keyword';

interface KeywordTabsProps {
  keywords: readonly Keyword[];
  selectedId: string;
  unread: ReadonlyMap<string, number>;
  onSelect: (id: string) => void;
}

/** One tab per keyword, with its unread count. */
export function KeywordTabs({ keywords, selectedId, unread, onSelect }: KeywordTabsProps) {
  return (
    <nav className="keyword-tabs" role="tablist" aria-label="Keywords">
      {keywords.map((keyword) => {
        const count = unread.get(keyword.id) ?? 0;
        return (
          <button
            key={keyword.id}
            type="button"
            role="tab"
            aria-selected={keyword.id === selectedId}
            aria-label={count > 0 ? `${keyword.label}, ${count} unread` : keyword.label}
            className="keyword-tab"
            onClick={() => onSelect(keyword.id)}
          >
            <span className="keyword-tab-text">{keyword.label}</span>
            {count > 0 && <span className="keyword-tab-count">{count}</span>}
          </button>
        );
      })}
    </nav>
  );
}
