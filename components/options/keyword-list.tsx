import { useState } from 'react';
import type { Keyword } from '../../lib/keywords/keyword';
import { moveInList, moveKeyword, updateKeyword } from '../../lib/keywords/keyword-store';
import { describeStorageError } from '../../lib/settings/sync-storage';
import { focusLater } from './focus';
import { KeywordRow, rowControlId } from './keyword-row';
import { UndoToast } from './undo-toast';
import type { PendingDelete } from './use-pending-delete';

interface KeywordListProps {
  /** Every stored keyword, including one whose removal can still be undone. */
  keywords: readonly Keyword[];
  deletion: PendingDelete;
  /** What went wrong last (storage full or unavailable), shown above the list. */
  error?: string;
  onError: (message: string | undefined) => void;
}

/** The user's keywords: switch on or off, reorder, edit in place, remove with undo. */
export function KeywordList({ keywords, deletion, error, onError: setError }: KeywordListProps) {
  const [editingId, setEditingId] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  const { pending, visible, remove, undo } = deletion;

  async function run(action: () => Promise<void>): Promise<boolean> {
    try {
      await action();
      setError(undefined);
      return true;
    } catch (failure) {
      setError(describeStorageError(failure, 'your keywords'));
      return false;
    }
  }

  async function move(keyword: Keyword, offset: number) {
    const control = rowControlId(keyword.id, offset < 0 ? 'up' : 'down');
    const other = rowControlId(keyword.id, offset < 0 ? 'down' : 'up');
    const hidden = new Set(keywords.filter((k) => !visible.includes(k)).map((k) => k.id));
    if (!(await run(() => moveKeyword(keyword.id, offset, hidden)))) return;
    const position = moveInList(visible, keyword.id, offset).indexOf(keyword) + 1;
    setAnnouncement(`Moved “${keyword.label}” to position ${position} of ${visible.length}.`);
    // At either end the button pressed is disabled: keep focus in the row with the other one.
    focusLater(control, other);
  }

  function closeEditor(keyword: Keyword) {
    setEditingId(undefined);
    focusLater(rowControlId(keyword.id, 'edit'));
  }

  if (visible.length === 0 && !pending && !error) return null;
  return (
    <>
      {error && (
        <p className="banner-error" role="alert">
          {error}
        </p>
      )}
      {visible.length > 0 && (
        <ul className="keyword-list" aria-label="Your keywords">
          {visible.map((keyword, index) => (
            <KeywordRow
              key={keyword.id}
              keyword={keyword}
              index={index}
              count={visible.length}
              editing={editingId === keyword.id}
              others={keywords.filter((k) => k.id !== keyword.id)}
              onToggleEnabled={() => void run(() => updateKeyword({ ...keyword, enabled: !keyword.enabled }))}
              onMove={(offset) => void move(keyword, offset)}
              onEdit={() => setEditingId(keyword.id)}
              onCloseEditor={() => closeEditor(keyword)}
              onSave={async (edited) => {
                await updateKeyword(edited);
                setError(undefined);
                closeEditor(edited);
              }}
              onRemove={() => {
                if (editingId === keyword.id) setEditingId(undefined);
                remove(keyword);
              }}
            />
          ))}
        </ul>
      )}
      {pending && (
        <UndoToast
          label={pending.label}
          onUndo={() => {
            undo();
            focusLater(rowControlId(pending.id, 'remove'));
          }}
        />
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </>
  );
}
