import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb } from '../../lib/db/app-db';
import { clearAllData } from '../../lib/check/clear-all-data';
import { describeStorageError } from '../../lib/settings/sync-storage';
import { focusLater } from './focus';
import { OutcomeLine, type Outcome } from './outcome-line';

const CANCEL_ID = 'clear-cancel';
const START_ID = 'clear-start';

/** Deletes everything, after a confirmation that says exactly what goes. */
export function ClearPanel({ keywordCount }: { keywordCount: number }) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<Outcome>();
  const papers = useLiveQuery(() => getDb().papers.count(), [], 0);
  const saved = useLiveQuery(() => getDb().papers.where('saved').equals(1).count(), [], 0);

  async function clear() {
    try {
      await clearAllData(getDb());
      setMessage({ ok: true, text: 'All data was deleted.' });
    } catch (error) {
      setMessage({ ok: false, text: `Not everything could be deleted: ${describeStorageError(error, 'this')}` });
    }
    setConfirming(false);
    focusLater(START_ID);
  }

  function cancel() {
    setConfirming(false);
    // The confirmation goes with the focused Cancel: the keyboard goes back to the button that asked.
    focusLater(START_ID);
  }

  return (
    <div className="data-block">
      <h3>Clear all data</h3>
      {!confirming ? (
        <button
          type="button"
          id={START_ID}
          className="danger"
          onClick={() => {
            setConfirming(true);
            setMessage(undefined);
            // The safe choice has focus, so a stray Enter deletes nothing.
            focusLater(CANCEL_ID);
          }}
        >
          Clear all data…
        </button>
      ) : (
        <div className="confirm" role="group" aria-labelledby="clear-question">
          <p id="clear-question">
            Delete your {keywordCount} {keywordCount === 1 ? 'keyword' : 'keywords'}, your settings and all {papers}{' '}
            stored papers, including the {saved} you saved? This cannot be undone: export a JSON backup first if you may
            want them back.
          </p>
          <div className="button-row">
            <button type="button" className="danger" onClick={() => void clear()}>
              Delete everything
            </button>
            <button type="button" id={CANCEL_ID} onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <OutcomeLine outcome={message} />
    </div>
  );
}
