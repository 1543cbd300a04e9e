/**
 * The background job that trains the "For you" ranking and stores every paper's score, so that
 * the popup only reads. It runs in the worker, never on a page's main thread: after each check
 * and, debounced, after the user labels papers (save, "Not interested", their undo, an import, a
 * reset). An alarm backs the debounce: a worker stopped before it trained is woken to train.
 */
import { browser } from 'wxt/browser';
import { getDb, type AppDB } from '../db/app-db';
import { clearRanking, labelOf, rankingGuard, storeRanking, type RankingStatus } from '../db/ranking';
import type { PaperRecord } from '../db/schema';
import { onMessage } from '../messaging/protocol';
import { rankLibrary, type Label } from './ranker';
import { similarPapers } from './similar-papers';

export const RANKING_ALARM = 'ranking';
/** Labels given in a burst (a few saves in a row) make one training. */
const DEBOUNCE_MS = 1_500;

export type RankingOutcome = 'trained' | 'cold' | 'stale';

/**
 * Trains on the papers as they are now and stores the model, the status and the scores ("stale":
 * a clear or a reset landed meanwhile, and nothing was stored). Below MIN_POSITIVES positives
 * the scores are removed: nothing is invented.
 */
export async function runRanking(db: AppDB, now = Date.now()): Promise<RankingOutcome> {
  const guard = await rankingGuard(db);
  const papers = await db.papers.toArray();
  const labels = new Map<string, Label>();
  for (const paper of papers) {
    const label = labelOf(paper, guard.resetAt);
    if (label !== undefined) labels.set(paper.id, label);
  }
  const positives = [...labels.values()].filter((label) => label === 1).length;
  const status: RankingStatus = { resetAt: guard.resetAt, positives, negatives: labels.size - positives };
  const ranked = rankLibrary(papers, labels);
  if (!ranked) return (await clearRanking(db, guard, status)) ? 'cold' : 'stale';
  const { model, scores } = ranked;
  const before = new Map<string, PaperRecord>(papers.map((p) => [p.id, p]));
  const stored = await storeRanking(db, guard, { model, status: { ...status, trainedAt: now }, scores }, before);
  return stored ? 'trained' : 'stale';
}

let timer: ReturnType<typeof setTimeout> | undefined;
let running: Promise<void> | undefined;
let again = false;

/** Trains now, or once more after the training under way (which may have read older labels). */
function trainSoon(): Promise<void> {
  again = true;
  running ??= (async () => {
    try {
      while (again) {
        again = false;
        await runRanking(getDb()).catch((error: unknown) => console.error('Ranking failed', error));
      }
      await browser.alarms.clear(RANKING_ALARM);
    } finally {
      running = undefined;
    }
  })();
  return running;
}

/** Asks for a training soon (debounced); the alarm trains if the worker stops before. */
export function requestRanking(): void {
  void browser.alarms.create(RANKING_ALARM, { delayInMinutes: 1 });
  clearTimeout(timer);
  timer = setTimeout(() => void trainSoon(), DEBOUNCE_MS);
}

/** Listens for label changes, the backup alarm and "More like this". */
export function setupRanking(): void {
  onMessage('labelsChanged', () => requestRanking());
  onMessage('similarPapers', ({ data }) => similarPapers(getDb(), data.paperId));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RANKING_ALARM) void trainSoon();
  });
}
