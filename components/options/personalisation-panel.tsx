import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb } from '../../lib/db/app-db';
import { readRankingStatus, resetPersonalisation, type RankingStatus } from '../../lib/db/ranking';
import { labelsChanged } from '../../lib/ranking/labels-changed';
import { MIN_POSITIVES } from '../../lib/ranking/ranker';
import { describeStorageError } from '../../lib/settings/sync-storage';
import { focusLater } from './focus';
import { OutcomeLine, type Outcome } from './outcome-line';

const CANCEL_ID = 'reset-ranking-cancel';
const START_ID = 'reset-ranking-start';

const papers = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'paper' : 'papers'}`;

/** What "For you" has learned from, in a sentence. */
export function rankingSummary(status: RankingStatus): string {
  if (status.positives < MIN_POSITIVES) {
    return `For you starts ranking once you have saved ${MIN_POSITIVES} papers (${status.positives} so far).`;
  }
  const when = status.trainedAt ? ` Last trained ${new Date(status.trainedAt).toLocaleString()}.` : '';
  return (
    `For you learns from the ${papers(status.positives)} you saved and the ${papers(status.negatives)} you ` +
    `marked Not interested, in this browser only.${when}`
  );
}

/** Shows what the ranking learned from and starts it over, after a confirmation. */
export function PersonalisationPanel() {
  const status = useLiveQuery(() => readRankingStatus(getDb()), []);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<Outcome>();

  async function reset() {
    try {
      await resetPersonalisation(getDb());
      // The worker drops what it trained and starts from the labels given from now on.
      labelsChanged();
      setMessage({ ok: true, text: 'Personalisation was reset. Save papers you like to teach For you again.' });
    } catch (error) {
      setMessage({ ok: false, text: `The ranking could not be reset: ${describeStorageError(error, 'this')}` });
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
      <h3>Personalisation</h3>
      {status && <p>{rankingSummary(status)}</p>}
      {!confirming ? (
        <button
          type="button"
          id={START_ID}
          onClick={() => {
            setConfirming(true);
            setMessage(undefined);
            focusLater(CANCEL_ID);
          }}
        >
          Reset personalisation…
        </button>
      ) : (
        <div className="confirm" role="group" aria-labelledby="reset-ranking-question">
          <p id="reset-ranking-question">
            Forget what For you has learned? Papers saved or marked Not interested until now stop counting for the
            ranking. They stay saved or hidden (hidden papers can be restored from Hidden in the popup).
          </p>
          <div className="button-row">
            <button type="button" className="danger" onClick={() => void reset()}>
              Reset personalisation
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
