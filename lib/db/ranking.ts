/**
 * What the "For you" ranking keeps in the database: its status (small, read by the pages), the
 * trained model (read by the worker only), and each paper's score and reason on the paper itself,
 * so that the unread papers best first are one index range (`[read+score]`).
 *
 * Every write here is guarded: it happens only if neither "Clear all data" (the data epoch) nor
 * "Reset personalisation" (the reset time) ran since the training started, so a training that
 * was under way never brings back what the user just cleared.
 */
import type { AppDB } from './app-db';
import { currentEpoch } from './epoch';
import type { PaperRecord } from './schema';

const STATUS_KEY = 'ranking';
const MODEL_KEY = 'ranking-model';

/** What the pages show about the ranking. */
export interface RankingStatus {
  /** Labels from before this time do not count ("Reset personalisation"); 0 = never reset. */
  resetAt: number;
  /** Positives and negatives the last training counted. */
  positives: number;
  negatives: number;
  /** When the current scores were written; absent while there is no model. */
  trainedAt?: number;
}

/** The state a training started from: its writes are refused once either has moved on. */
export interface RankingGuard {
  epoch: number;
  resetAt: number;
}

const NO_STATUS: RankingStatus = { resetAt: 0, positives: 0, negatives: 0 };

/** The ranking's status (never reset and never trained when nothing is stored). */
export async function readRankingStatus(db: AppDB): Promise<RankingStatus> {
  return ((await db.meta.get(STATUS_KEY))?.value as RankingStatus | undefined) ?? NO_STATUS;
}

/** The stored model (whatever the worker stored; its shape belongs to lib/ranking). */
export async function readRankingModel<T>(db: AppDB): Promise<T | undefined> {
  return (await db.meta.get(MODEL_KEY))?.value as T | undefined;
}

/** The guard of a training that starts now. */
export async function rankingGuard(db: AppDB): Promise<RankingGuard> {
  return db.transaction('r', db.meta, async () => ({
    epoch: await currentEpoch(db),
    resetAt: (await readRankingStatus(db)).resetAt,
  }));
}

async function guardHolds(db: AppDB, guard: RankingGuard): Promise<boolean> {
  const now = await rankingGuard(db);
  return now.epoch === guard.epoch && now.resetAt === guard.resetAt;
}

/** Papers read per transaction when the worker reads the whole library. */
const READ_CHUNK = 2_000;

/**
 * Every stored paper, read in short transactions of READ_CHUNK papers: one transaction over
 * 20,000 papers takes seconds, and a click's write in the popup would wait for all of it.
 */
export async function readLibrary(db: AppDB): Promise<PaperRecord[]> {
  const papers: PaperRecord[] = [];
  for (;;) {
    const last = papers.at(-1)?.id;
    const chunk = await (last === undefined ? db.papers.orderBy(':id') : db.papers.where(':id').above(last))
      .limit(READ_CHUNK)
      .toArray();
    papers.push(...chunk);
    if (chunk.length < READ_CHUNK) return papers;
  }
}

/** Papers written per transaction: the popup's reads of `papers` wait for a write under way. */
const CHUNK = 500;

export interface ScoreUpdate {
  id: string;
  score: number;
  why: string[];
}

const sameWhy = (a: readonly string[] | undefined, b: readonly string[]) =>
  a !== undefined && a.length === b.length && a.every((term, i) => term === b[i]);

/**
 * Stores a training's model and scores. Only papers whose score or reason changed are written
 * (`before` holds the papers as the training read them), a chunk at a time; a paper deleted
 * meanwhile is skipped. Returns false, having stored nothing more, once the guard fails.
 */
export async function storeRanking(
  db: AppDB,
  guard: RankingGuard,
  result: { model: unknown; status: RankingStatus; scores: readonly ScoreUpdate[] },
  before: ReadonlyMap<string, PaperRecord>,
): Promise<boolean> {
  const changed = result.scores.filter((s) => {
    const old = before.get(s.id);
    return !old || old.score !== s.score || !sameWhy(old.scoreWhy, s.why);
  });
  for (let start = 0; start < changed.length; start += CHUNK) {
    const ok = await db.transaction('rw', db.papers, db.meta, async () => {
      if (!(await guardHolds(db, guard))) return false;
      await db.papers.bulkUpdate(
        changed.slice(start, start + CHUNK).map((s) => ({ key: s.id, changes: { score: s.score, scoreWhy: s.why } })),
      );
      return true;
    });
    if (!ok) return false;
  }
  return db.transaction('rw', db.papers, db.meta, async () => {
    if (!(await guardHolds(db, guard))) return false;
    await db.meta.bulkPut([
      { key: MODEL_KEY, value: result.model },
      { key: STATUS_KEY, value: result.status },
    ]);
    return true;
  });
}

/** Every scored paper's id (scored papers are exactly those in the `[read+score]` index). */
function scored(db: AppDB) {
  return db.papers.where('[read+score]').between([0, -Infinity], [1, Infinity]);
}

/** Removes the model and every score (fewer than three positives: nothing is invented). */
export async function clearRanking(db: AppDB, guard: RankingGuard, status: RankingStatus): Promise<boolean> {
  return db.transaction('rw', db.papers, db.meta, async () => {
    if (!(await guardHolds(db, guard))) return false;
    await scored(db).modify((paper) => {
      delete paper.score;
      delete paper.scoreWhy;
    });
    await db.meta.delete(MODEL_KEY);
    const next: RankingStatus = { resetAt: status.resetAt, positives: status.positives, negatives: status.negatives };
    // A status with nothing in it says what its absence says: an emptied database ("Clear all
    // data") stays empty.
    if (next.resetAt === 0 && next.positives === 0 && next.negatives === 0) await db.meta.delete(STATUS_KEY);
    else await db.meta.put({ key: STATUS_KEY, value: next });
    return true;
  });
}

/**
 * "Reset personalisation": the model and the scores go, and labels given so far stop counting.
 * Nothing the user kept is touched: saved papers stay saved and hidden papers hidden (they can be
 * restored from "Hidden"); they just no longer teach the ranking.
 */
export async function resetPersonalisation(db: AppDB, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.papers, db.meta, async () => {
    await scored(db).modify((paper) => {
      delete paper.score;
      delete paper.scoreWhy;
    });
    await db.meta.delete(MODEL_KEY);
    await db.meta.put({ key: STATUS_KEY, value: { ...NO_STATUS, resetAt: now } satisfies RankingStatus });
  });
}

/**
 * A reset read from a backup (made on another device, or here before): taken over when it is
 * later than this device's own, as if "Reset personalisation" had run then. Returns whether it was.
 */
export async function adoptReset(db: AppDB, resetAt: number): Promise<boolean> {
  return db.transaction('rw', db.papers, db.meta, async () => {
    if (resetAt <= (await readRankingStatus(db)).resetAt) return false;
    await resetPersonalisation(db, resetAt);
    return true;
  });
}
