import { undoLastAction } from '../../lib/ui/paper-actions';
import { usePopupStore } from '../../lib/ui/popup-store';

/**
 * The message line of a list's toolbar, and "Undo" while the last action can be undone. One live
 * region says, in this order, why a key did nothing, what the last action did, or what the list
 * holds, so that a screen reader hears each change once and in place.
 */
export function ListMessage({ summary }: { summary: string }) {
  const undo = usePopupStore((s) => s.undo);
  const notice = usePopupStore((s) => s.notice);
  return (
    <>
      <p className="list-summary" aria-live="polite">
        {notice ?? undo?.message ?? summary}
      </p>
      {undo && (
        <button type="button" onClick={() => void undoLastAction()}>
          Undo
        </button>
      )}
    </>
  );
}
