import { usePopupStore } from '../../lib/ui/popup-store';

/** Filters the list as you type; Escape clears it, ↓ goes to the first paper. */
export function SearchBox({ placeholder }: { placeholder: string }) {
  const query = usePopupStore((s) => s.query);
  const setQuery = usePopupStore((s) => s.setQuery);
  return (
    <div className="search-box">
      <input
        type="search"
        aria-label="Search papers"
        placeholder={placeholder}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && query) {
            event.preventDefault();
            setQuery('');
          } else if (event.key === 'ArrowDown') {
            event.preventDefault();
            document.querySelector<HTMLElement>('article.paper')?.focus();
          }
        }}
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}
