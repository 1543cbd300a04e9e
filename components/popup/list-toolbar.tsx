import type { ListPage, PaperListSource } from '../../lib/db/paper-queries';
import { markAllRead } from '../../lib/ui/paper-actions';
import { usePopupStore } from '../../lib/ui/popup-store';
import { tabSource } from '../../lib/ui/popup-view';
import { ListMessage } from './list-message';

/** Which list a tab shows ("new" is "All new"). */
export type ListKind = PaperListSource['kind'];

interface ListToolbarProps {
  tab: string;
  kind: ListKind;
  page: ListPage;
  query: string;
  unread: number;
  count?: number;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** One line about the list ("12 unread · 80 papers", "3 matches"). */
export function listSummary({ kind, page, query, unread, count }: Omit<ListToolbarProps, 'tab'>): string {
  const shown = page.papers.length;
  if (shown === 0) return '';
  if (query) return `${page.hasMore ? 'More than ' : ''}${plural(shown, 'match', 'matches')}`;
  if (kind === 'saved') return count === undefined ? '' : plural(count, 'saved paper');
  if (kind === 'hidden') return count === undefined ? '' : plural(count, 'hidden paper');
  if (kind === 'new') return count === undefined ? '' : `${plural(count, 'unread paper')} across your keywords`;
  if (kind === 'forYou') return 'Unread papers, best first';
  return `${unread.toLocaleString('en')} unread · ${plural(page.total ?? shown, 'paper')}`;
}

/**
 * The line above the list: what it holds, "Mark all read", and "Undo" right after it or after
 * "Not interested" and "Restore".
 */
export function ListToolbar({ tab, kind, page, query, unread, count }: ListToolbarProps) {
  const undo = usePopupStore((s) => s.undo);
  const canMarkAll = !undo && !query && (kind === 'keyword' || kind === 'new') && unread > 0;
  return (
    <div className="list-toolbar">
      <ListMessage summary={listSummary({ kind, page, query, unread, count })} />
      {canMarkAll && (
        <button type="button" onClick={() => void markAllRead(tabSource(tab))}>
          Mark all read
        </button>
      )}
    </div>
  );
}
