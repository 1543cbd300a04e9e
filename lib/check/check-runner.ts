import { ArxivClient } from '../arxiv/client';
import { storageSpacing } from '../arxiv/spacing-store';
import { getDb } from '../db/app-db';
import { removeKeywordData } from '../db/papers';
import { keywordsItem } from '../keywords/keyword-store';
import { refreshBadge } from '../notify/badge';
import { notifyNews } from '../notify/notifications';
import { checkStatusItem } from './check-status';
import { runCheck } from './run-check';

let client: ArxivClient | undefined;
let running: Promise<void> | undefined;
let pendingAll = false;
const pendingIds = new Set<string>();

/** The worker's single arXiv client: every request of the extension goes through its queue. */
export function getClient(): ArxivClient {
  client ??= new ArxivClient({ spacing: storageSpacing });
  return client;
}

/**
 * Asks for a check of some keywords (all when no ids are given). Requests that arrive while a
 * check runs join it instead of starting a second one: an alarm and a click make one cycle.
 */
export function requestCheck(keywordIds?: readonly string[]): Promise<void> {
  if (keywordIds) for (const id of keywordIds) pendingIds.add(id);
  else pendingAll = true;
  running ??= drain().finally(() => {
    running = undefined;
  });
  return running;
}

/** Resolves when no check is running (at once when none is). */
export function whenIdle(): Promise<void> {
  return running ?? Promise.resolve();
}

async function drain(): Promise<void> {
  while (pendingAll || pendingIds.size > 0) {
    const keywords = await keywordsItem.getValue();
    const chosen = pendingAll ? keywords : keywords.filter((k) => pendingIds.has(k.id));
    pendingAll = false;
    pendingIds.clear();
    await checkAndReport(chosen);
  }
}

async function checkAndReport(keywords: Awaited<ReturnType<typeof keywordsItem.getValue>>): Promise<void> {
  const db = getDb();
  const startedAt = Date.now();
  await checkStatusItem.setValue({ running: true, done: 0, total: keywords.length, startedAt });
  try {
    const summary = await runCheck(keywords, {
      db,
      client: getClient(),
      onProgress: (done, current) =>
        checkStatusItem.setValue({ running: true, done, total: keywords.length, current: current?.label, startedAt }),
    });
    await forgetRemovedKeywords();
    await notifyNews(summary.news, summary.totalNew);
    await checkStatusItem.setValue({
      running: false,
      done: keywords.length,
      total: keywords.length,
      startedAt,
      finishedAt: Date.now(),
      lastNewCount: summary.totalNew,
      requests: summary.requests,
      bytes: summary.bytes,
    });
  } catch (error) {
    console.error('Check failed', error);
    await checkStatusItem.setValue({
      running: false,
      done: 0,
      total: keywords.length,
      startedAt,
      finishedAt: Date.now(),
    });
  } finally {
    await refreshBadge(db);
  }
}

/** Removes the stored data of keywords the user deleted (also if the worker missed the change). */
export async function forgetRemovedKeywords(): Promise<void> {
  const db = getDb();
  const current = new Set((await keywordsItem.getValue()).map((k) => k.id));
  const known = await db.keywordStates.toCollection().primaryKeys();
  for (const id of known) if (!current.has(id)) await removeKeywordData(db, id);
}
