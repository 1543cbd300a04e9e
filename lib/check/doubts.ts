import type { ArxivEntry } from '../arxiv/types';
import type { AppDB } from '../db/app-db';
import { knownElsewhere, markLookedAt } from '../db/known';
import type { CycleRecord, CycleStep, KeywordStateRecord } from '../db/schema';
import type { StepResult } from './fetch-step';
import { newsFor } from './news';
import type { StoreContext } from './store-step';

/**
 * Papers whose keyword only arXiv can tell: the local rules claimed none of them, or filed one
 * under a keyword whose search may not return it. They wait in the `lookups` table, with the
 * entry, until lookups.ts has asked arXiv; nothing hangs on them meanwhile.
 */

/**
 * In a group, the local rules file papers leniently. A paper they file under K that would be news
 * for K, while they matched it only loosely or another keyword's search returned it before, may
 * not be in K's search at all (an older paper, or a near miss): K asks arXiv first (see
 * lookups.ts) instead of announcing it. Returns the entries to store for K now, and those of them
 * K's rules matched only loosely (listed, not counted as surely in K's search).
 */
export async function holdUncertain(
  ctx: StoreContext,
  cycle: CycleRecord,
  step: CycleStep,
  keywordId: string,
  state: KeywordStateRecord | undefined,
  fetched: StepResult,
): Promise<{ entries: ArxivEntry[]; loose: Set<string> }> {
  const entries = fetched.entries.get(keywordId) ?? [];
  const loose = fetched.loose.get(keywordId) ?? new Set<string>();
  if (step.keywordIds.length === 1) return { entries, loose: new Set() }; // its own query: no doubt
  const query = step.queries[keywordId]!;
  const news = await newsFor(
    ctx.db,
    cycle,
    keywordId,
    state,
    query,
    ctx.currentQueries.get(keywordId),
    entries,
    fetched.fetchedAt,
  );
  const doubtful = await knownElsewhere(ctx.db, keywordId, [...news]);
  for (const id of news) if (loose.has(id)) doubtful.add(id);
  for (const entry of entries) {
    if (doubtful.has(entry.id)) await holdForLookup(ctx.db, entry, { [keywordId]: query }, fetched.fetchedAt);
  }
  return { entries: entries.filter((entry) => !doubtful.has(entry.id)), loose };
}

/** Keeps a paper until arXiv has said which of these keywords' searches return it. */
async function holdForLookup(db: AppDB, entry: ArxivEntry, pending: Record<string, string>, fetchedAt: number) {
  const existing = await db.lookups.get(entry.id);
  // A keyword that already answered for this paper is not asked again.
  for (const keywordId of Object.keys(pending)) {
    if (existing && (keywordId in existing.matched || existing.uncertain?.includes(keywordId)))
      delete pending[keywordId];
  }
  if (Object.keys(pending).length === 0 && !existing) return;
  await db.lookups.put({
    paperId: entry.id,
    entry,
    fetchedAt: existing?.fetchedAt ?? fetchedAt,
    pending: { ...existing?.pending, ...pending },
    matched: existing?.matched ?? {},
  });
}

/**
 * Papers of a combined query that no keyword's local rules claimed. For each keyword for which
 * the paper could be news, arXiv is asked later (see lookups.ts); the paper is kept until then.
 * For the others it is only remembered as known: whichever keyword it belongs to, it is no news.
 */
export async function holdUnclaimed(
  ctx: StoreContext,
  cycle: CycleRecord,
  step: CycleStep,
  keywordIds: readonly string[],
  fetched: StepResult,
): Promise<void> {
  const { db } = ctx;
  for (const entry of fetched.unclaimed) {
    const pending: Record<string, string> = {};
    for (const keywordId of keywordIds) {
      const query = step.queries[keywordId]!;
      const state = await db.keywordStates.get(keywordId);
      const news = await newsFor(
        db,
        cycle,
        keywordId,
        state,
        query,
        ctx.currentQueries.get(keywordId),
        [entry],
        fetched.fetchedAt,
      );
      if (news.size > 0) pending[keywordId] = query;
      else await markLookedAt(db, keywordId, [entry]);
    }
    if (Object.keys(pending).length > 0) await holdForLookup(db, entry, pending, fetched.fetchedAt);
  }
}
