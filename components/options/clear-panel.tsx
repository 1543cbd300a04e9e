import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb } from '../../lib/db/app-db';
import { clearAllData } from '../../lib/check/clear-all-data';
import { describeStorageError } from '../../lib/settings/sync-storage';
import { ConfirmAction } from './confirm-action';
import { OutcomeLine, type Outcome } from './outcome-line';

/** Deletes everything, after a confirmation that says exactly what goes. */
export function ClearPanel({ keywordCount }: { keywordCount: number }) {
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
  }

  return (
    <div className="data-block">
      <h3>Clear all data</h3>
      <ConfirmAction
        id="clear"
        danger
        startLabel="Clear all data…"
        question={
          <>
            Delete your {keywordCount} {keywordCount === 1 ? 'keyword' : 'keywords'}, your settings and all {papers}{' '}
            stored papers, including the {saved} you saved? This cannot be undone: export a JSON backup first if you may
            want them back.
          </>
        }
        confirmLabel="Delete everything"
        onStart={() => setMessage(undefined)}
        onConfirm={clear}
      />
      <OutcomeLine outcome={message} />
    </div>
  );
}
