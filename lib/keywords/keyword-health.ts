import type { AppDB } from '../db/app-db';
import type { CheckLogRecord } from '../db/schema';

/** What the options page shows about one keyword's checks. */
export interface KeywordHealth {
  keywordId: string;
  lastCheckAt?: number;
  lastSuccessAt?: number;
  lastError?: string;
  papersStored: number;
  /** This keyword's share of today's arXiv requests (see `requestsByKeyword`); may be fractional. */
  requestsToday: number;
}

export interface HealthReport {
  keywords: KeywordHealth[];
  /** Every arXiv request of today's finished checks. */
  requestsToday: number;
  checksToday: number;
}

/** Local midnight of the day containing `now`: "today" as the user reads it. */
export function startOfDay(now: number): number {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/**
 * Each keyword's share of the requests of the given checks. The check log keeps one request
 * count per check, not per keyword, and most checks are one combined OR-query serving many
 * keywords at once; so a check's requests are split evenly among the keywords it checked. The
 * shares add up to the real total, and a keyword checked alone (its first fill) gets all of them.
 */
export function requestsByKeyword(log: readonly CheckLogRecord[]): Map<string, number> {
  const shares = new Map<string, number>();
  for (const check of log) {
    const ids = [...new Set(check.outcomes.map((outcome) => outcome.keywordId))];
    for (const id of ids) shares.set(id, (shares.get(id) ?? 0) + check.requests / ids.length);
  }
  return shares;
}

/** Last success, last error, papers stored and today's requests for each keyword, in order. */
export async function keywordHealth(db: AppDB, keywordIds: readonly string[], now: number): Promise<HealthReport> {
  const [states, today] = await Promise.all([
    db.keywordStates.bulkGet([...keywordIds]),
    db.checkLog.where('startedAt').aboveOrEqual(startOfDay(now)).toArray(),
  ]);
  const counts = await Promise.all(
    keywordIds.map((id) => db.matches.where('[keywordId+listedAt]').between([id, ''], [id, '\uffff']).count()),
  );
  const shares = requestsByKeyword(today);
  return {
    keywords: keywordIds.map((keywordId, index) => {
      const state = states[index];
      return {
        keywordId,
        lastCheckAt: state?.lastCheckAt,
        lastSuccessAt: state?.lastSuccessAt,
        lastError: state?.lastError,
        papersStored: counts[index] ?? 0,
        requestsToday: shares.get(keywordId) ?? 0,
      };
    }),
    requestsToday: today.reduce((sum, check) => sum + check.requests, 0),
    checksToday: today.length,
  };
}
