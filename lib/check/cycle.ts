import type { ArxivClient } from '../arxiv/client';
import type { AppDB } from '../db/app-db';
import type { CycleRecord, CycleStep } from '../db/schema';
import type { Keyword } from '../keywords/keyword';
import { fetchStep } from './fetch-step';
import { checkWrite } from './guard';
import { resolveLookups } from './lookups';
import { keywordQuery } from './plan';
import { storeStep } from './store-step';

export interface CycleDeps {
  db: AppDB;
  client: Pick<ArxivClient, 'fetchFeed'>;
  /** The keywords as they are now: read again before each step is stored. */
  keywords: () => Promise<readonly Keyword[]>;
  papersPerKeyword: number;
  now?: () => number;
  onProgress?: (done: number, total: number, current: string | undefined) => Promise<void> | void;
}

/** Each keyword's query now; undefined for a keyword that was removed or disabled. */
export function queriesNow(keywords: readonly Keyword[]): Map<string, string | undefined> {
  return new Map(keywords.map((k) => [k.id, k.enabled ? keywordQuery(k) : undefined]));
}

/**
 * Runs (or resumes) one check: each step is fetched, then stored with the cycle's progress in one
 * transaction; then the papers that need arXiv's word on their keyword are settled. A worker
 * stopped at any point resumes from the stored record without storing, counting or announcing
 * anything twice. Throws CheckCancelled when the data was cleared meanwhile.
 */
export async function runCycle(deps: CycleDeps, cycle: CycleRecord): Promise<CycleRecord> {
  const now = deps.now ?? Date.now;
  const { db } = deps;
  const labelOf = (keywords: readonly Keyword[], step: CycleStep) =>
    step.kind === 'revisions'
      ? 'saved papers'
      : step.keywordIds
          .map((id) => keywords.find((k) => k.id === id)?.label)
          .filter(Boolean)
          .join(', ');

  for (const step of cycle.steps) {
    if (cycle.doneSteps.includes(step.key)) continue;
    const keywords = await deps.keywords();
    await deps.onProgress?.(cycle.doneSteps.length, cycle.steps.length, labelOf(keywords, step));
    const states = new Map(
      (await db.keywordStates.bulkGet(step.keywordIds)).flatMap((s) => (s ? [[s.keywordId, s] as const] : [])),
    );
    const fetched = await fetchStep(step, {
      db,
      client: deps.client,
      keywords: new Map(keywords.map((k) => [k.id, k])),
      states,
      papersPerKeyword: deps.papersPerKeyword,
      now,
    });
    const keywordsNow = await deps.keywords();
    const context = {
      db,
      keywords: keywordsNow,
      currentQueries: queriesNow(keywordsNow),
      papersPerKeyword: deps.papersPerKeyword,
      now: now(),
    };
    await storeStep(context, cycle, step, fetched);
  }
  const keywordsNow = await deps.keywords();
  await deps.onProgress?.(cycle.steps.length, cycle.steps.length, undefined);
  await resolveLookups(
    {
      db,
      client: deps.client,
      keywords: keywordsNow,
      currentQueries: queriesNow(keywordsNow),
      papersPerKeyword: deps.papersPerKeyword,
      now: now(),
    },
    cycle,
  );
  cycle.finishedAt ??= now();
  await checkWrite(db, cycle.epoch, [db.cycles], () => db.cycles.put(cycle));
  await deps.onProgress?.(cycle.steps.length, cycle.steps.length, undefined);
  return cycle;
}
