/**
 * The background job that trains the "For you" ranking and stores every paper's score, so that
 * the popup only reads. It runs in the worker, never on a page's main thread: after each check
 * and, debounced, after the user labels papers (save, "Not interested", their undo, an import, a
 * reset). An alarm backs the debounce: a worker stopped before it trained is woken to train.
 */
import { browser } from 'wxt/browser';
import { getDb, type AppDB } from '../db/app-db';
import { labelOf } from '../db/label-rule';
import { clearRanking, rankingGuard, readLibrary, storeRanking, type RankingStatus } from '../db/ranking';
import type { PaperRecord } from '../db/schema';
import { onMessage } from '../messaging/protocol';
import { rankLibrary, scorePapers, type Label } from './ranker';
import { similarPapers } from './similar-papers';

export const RANKING_ALARM = 'ranking';
/** Labels given in a burst (a few saves in a row) make one training. */
const DEBOUNCE_MS = 1_500;

export type RankingOutcome = 'trained' | 'cold' | 'stale';

/**
 * Trains on the papers as they are now and stores the model, the status and the scores of the
 * unread papers ("stale": a clear or a reset landed meanwhile, and nothing was stored). Papers
 * labelled before a reset are left out of the training. Only unread papers are scored: "For you"
 * ranks what is left to read, and rewriting every read paper after each training would cost the
 * popup its reads at 20,000 papers. Below MIN_POSITIVES positives the scores are removed:
 * nothing is invented.
 */
export async function runRanking(db: AppDB, now = Date.now()): Promise<RankingOutcome> {
  const guard = await rankingGuard(db);
  const papers = await readLibrary(db);
  const labels = new Map<string, Label>();
  const taught: PaperRecord[] = [];
  for (const paper of papers) {
    const label = labelOf(paper, guard.resetAt);
    if (label === 'forgotten') continue;
    taught.push(paper);
    if (label !== undefined) labels.set(paper.id, label);
  }
  const positives = [...labels.values()].filter((label) => label === 1).length;
  const status: RankingStatus = { resetAt: guard.resetAt, positives, negatives: labels.size - positives };
  const ranked = rankLibrary(taught, labels);
  if (!ranked) return (await clearRanking(db, guard, status)) ? 'cold' : 'stale';
  const { model } = ranked;
  const unread = papers.filter((p) => p.read === 0);
  const wanted = new Set(unread.map((p) => p.id));
  const taughtIds = new Set(taught.map((p) => p.id));
  // The taught papers were scored with the training; an unread paper saved before a reset is not.
  const scores = [
    ...ranked.scores.filter((s) => wanted.has(s.id)),
    ...scorePapers(
      model,
      unread.filter((p) => !taughtIds.has(p.id)),
    ),
  ];
  const before = new Map<string, PaperRecord>(unread.map((p) => [p.id, p]));
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
  // Installed or updated: papers stored before (or by an older version) get their scores.
  browser.runtime.onInstalled.addListener(() => requestRanking());
  onMessage('labelsChanged', () => requestRanking());
  onMessage('similarPapers', ({ data }) => similarPapers(getDb(), data.paperId));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RANKING_ALARM) void trainSoon();
  });
}
