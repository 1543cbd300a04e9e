import { matchesKeyword } from '../arxiv/keyword-match';
import type { ArxivEntry } from '../arxiv/types';
import type { AppDB } from '../db/app-db';
import type { GroupKnowledge } from '../db/known';
import type { CycleStep } from '../db/schema';
import type { Keyword } from '../keywords/keyword';
import { shortHash } from '../keywords/keyword-shards';

/**
 * Which keywords have had their say on a stored paper: the rule that lets a combined query stop
 * at its first page without passing over a paper that is news for one of its keywords.
 *
 * A group's week counts as known when every paper arXiv counts in it is known. But a paper one
 * keyword's search returned may be unknown to another keyword of the group that never saw it:
 * returned by the first keyword's fill, by a check in another group, or while the other keyword
 * was switched off. If the other keyword's rules can claim it, it may be news for it, and the
 * walk must read it. A paper has had every keyword's say when
 * - every keyword of the group has a record of it (its search returned it, or it looked at it);
 * - or it was read in an answer of this very group (its keywords' rules all weighed it), or
 *   weighed since by the rules of those without a record, none claiming it: marked with the
 *   group's signature;
 * - or, stored by a fill, the rules of every other keyword weighed it then, none claiming it:
 *   marked EVERY_KEYWORD. A keyword added or edited later is filled afresh, and its fill covers
 *   the paper itself.
 * A paper that some keyword may claim stays unknown to the group until it is read and filed
 * (asking arXiv when in doubt, see doubts.ts), and so does one that is no longer stored (pruned
 * from a busy keyword's list): its text is gone.
 */

/** The mark of a paper a fill stored that every other keyword's rules weighed, none claiming it. */
export const EVERY_KEYWORD = '*';

/**
 * A combined step's group as a short signature of its keywords and their queries, whatever their
 * order. Papers that every keyword of the group has had its say on are marked with it (see
 * KnownRecord.heard), so a check weighs each such paper once per group, not at every check.
 * Hashed (53 bits) because a group's queries run to 4 KB and the mark sits on stored records.
 */
export function groupSignature(step: Pick<CycleStep, 'keywordIds' | 'queries'>): string {
  const text = [...step.keywordIds]
    .sort()
    .map((id) => `${id}\u0000${step.queries[id] ?? ''}`)
    .join('\u0001');
  return shortHash(text);
}

/**
 * The papers of the group's week that every keyword of the group has had its say on (see the
 * rule above). Papers weighed now without a claim are added to `heard`, with a keyword that knows
 * them, to be marked with the step.
 */
export async function settledPapers(
  db: AppDB,
  group: ReadonlyArray<Keyword | undefined>,
  known: GroupKnowledge,
  heard: Array<{ keywordId: string; paperId: string }>,
): Promise<Set<string>> {
  const partial = [...known.sure].filter(
    (id) =>
      !known.heard.has(id) &&
      new Set([...(known.byPaper.get(id) ?? []), ...(known.asked.get(id) ?? [])]).size < group.length,
  );
  if (partial.length === 0) return known.sure;
  const keywords = group.filter((k): k is Keyword => k !== undefined);
  const settled = new Set(known.sure);
  const papers = await db.papers.bulkGet(partial);
  for (const [index, paper] of papers.entries()) {
    if (!paper) {
      settled.delete(partial[index]!);
      continue;
    }
    const recorded = known.byPaper.get(paper.id) ?? new Set<string>();
    const asked = known.asked.get(paper.id) ?? new Set<string>();
    const others = keywords.filter((keyword) => !recorded.has(keyword.id) && !asked.has(keyword.id));
    if (others.some((keyword) => matchesKeyword(keyword, paper) !== false)) settled.delete(paper.id);
    // The mark goes on a record; a paper only waiting in look-ups is weighed again next time.
    else if (recorded.size > 0) heard.push({ keywordId: [...recorded][0]!, paperId: paper.id });
  }
  return settled;
}

/**
 * After a combined step is stored: marks with the group's signature what its keywords have all
 * had their say on, the papers it read and filed and those weighed without a claim. Nothing is
 * marked when a keyword of the step no longer asks what it asked (switched off, edited or removed
 * meanwhile: its claims were not recorded), and no paper that waits in a look-up for a keyword of
 * the group (until arXiv answers, the look-up holds it for that keyword; should the answer never
 * count, the paper must be weighed again).
 */
export async function markHeard(
  db: AppDB,
  step: CycleStep,
  current: readonly string[],
  filed: ReadonlyMap<string, { entries: readonly ArxivEntry[] }>,
  weighed: ReadonlyArray<{ keywordId: string; paperId: string }>,
): Promise<void> {
  if (step.keywordIds.length < 2 || current.length < step.keywordIds.length) return;
  const heard = groupSignature(step);
  const waiting = new Set(
    (await db.lookups.toArray())
      .filter((lookup) => step.keywordIds.some((id) => id in lookup.pending))
      .map((lookup) => lookup.paperId),
  );
  const marks = [
    ...[...filed].flatMap(([keywordId, { entries }]) => entries.map((entry) => ({ keywordId, paperId: entry.id }))),
    ...weighed,
  ].filter((mark) => !waiting.has(mark.paperId));
  await db.known.bulkUpdate(
    marks.map(({ keywordId, paperId }) => ({ key: [keywordId, paperId] as [string, string], changes: { heard } })),
  );
}

/**
 * The papers of a keyword's fill, submitted at or after `since`, that every other keyword's rules
 * weighed without a claim, or that every claiming keyword already knows: to be marked
 * EVERY_KEYWORD (see the rule above).
 */
export async function heardByEveryKeyword(
  db: AppDB,
  keywords: readonly Keyword[],
  keywordId: string,
  entries: readonly ArxivEntry[],
  since: string,
): Promise<string[]> {
  const recent = entries.filter((entry) => entry.published >= since);
  if (recent.length === 0) return [];
  const others = keywords.filter((k) => k.id !== keywordId);
  const holders = new Map<string, Set<string>>();
  const rows = await db.known
    .where('paperId')
    .anyOf(recent.map((entry) => entry.id))
    .toArray();
  for (const row of rows) holders.set(row.paperId, (holders.get(row.paperId) ?? new Set()).add(row.keywordId));
  return recent
    .filter((entry) =>
      others.every((k) => holders.get(entry.id)?.has(k.id) === true || matchesKeyword(k, entry) === false),
    )
    .map((entry) => entry.id);
}
