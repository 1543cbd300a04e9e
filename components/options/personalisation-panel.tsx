import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb } from '../../lib/db/app-db';
import { readRankingStatus, resetPersonalisation, type RankingStatus } from '../../lib/db/ranking';
import { labelsChanged } from '../../lib/ranking/labels-changed';
import { MIN_POSITIVES } from '../../lib/ranking/ranker';
import { describeStorageError } from '../../lib/settings/sync-storage';
import { ConfirmAction } from './confirm-action';
import { OutcomeLine, type Outcome } from './outcome-line';

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
  }

  return (
    <div className="data-block">
      <h3>Personalisation</h3>
      {status && <p>{rankingSummary(status)}</p>}
      <ConfirmAction
        id="reset-ranking"
        startLabel="Reset personalisation…"
        question={
          <>
            Forget what For you has learned? Papers saved or marked Not interested until now stop counting for the
            ranking. They stay saved or hidden (hidden papers can be restored from Hidden in the popup).
          </>
        }
        confirmLabel="Reset personalisation"
        onStart={() => setMessage(undefined)}
        onConfirm={reset}
      />
      <OutcomeLine outcome={message} />
    </div>
  );
}
