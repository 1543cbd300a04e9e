import type { ListSort } from '../../lib/db/paper-queries';
import { usePopupStore } from '../../lib/ui/popup-store';

const SORTS: ReadonlyArray<{ value: ListSort; label: string }> = [
  { value: 'newest', label: 'Newest' },
  { value: 'forYou', label: 'For you' },
];

/** A keyword list's order: by date or by the "For you" ranking (two toggle buttons). */
export function SortSwitch() {
  const sort = usePopupStore((s) => s.sort);
  return (
    <div className="sort-switch" role="group" aria-label="Sort">
      {SORTS.map(({ value, label }) => (
        <button
          key={value}
          type="button"
          aria-pressed={sort === value}
          onClick={() => usePopupStore.getState().setSort(value)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
