import type { AppDB } from '../db/app-db';
import type { CycleRecord, CycleStep } from '../db/schema';
import { indexPapers } from '../db/search-index';
import { previousAnnouncement } from '../schedule/announcements';
import type { StepResult } from './fetch-step';

/**
 * New versions of saved papers, whatever their age: lists are read by submission date, so a
 * revision of an old paper never shows up in them. Once per announcement, the saved papers are
 * looked up by id (`id_list`), a few batches per check, continuing where the last check stopped.
 */
export const REVISION_SWEEP_KEY = 'revisionSweep';

/** Saved papers looked up per request for new versions, and requests per check for that. */
export const REVISION_BATCH = 100;
export const REVISION_BATCHES_PER_CHECK = 2;

/** Where the look-up of saved papers' new versions stands (kept between checks). */
export interface RevisionSweep {
  /** The announcement whose revisions were all looked up. */
  doneFor: number;
  /** The last saved paper id looked up in the sweep under way. */
  cursor: string;
}

/** Whether the saved papers still need looking up for the last announcement. */
export function revisionSweepDue(sweep: RevisionSweep, now: number): boolean {
  return sweep.doneFor < previousAnnouncement(now);
}

/**
 * The steps that look up new versions of saved papers, whatever their age: once per
 * announcement, at most a few batches of ids per check, continuing where the last check stopped.
 */
export function planRevisionSteps(savedIds: readonly string[], sweep: RevisionSweep, now: number): CycleStep[] {
  if (!revisionSweepDue(sweep, now)) return [];
  const rest = [...savedIds].sort().filter((id) => id > sweep.cursor);
  const steps: CycleStep[] = [];
  for (let i = 0; steps.length < REVISION_BATCHES_PER_CHECK; i += REVISION_BATCH) {
    const paperIds = rest.slice(i, i + REVISION_BATCH);
    const endsSweep = i + REVISION_BATCH >= rest.length;
    // With nothing (left) to look up, the step only records that the sweep is complete.
    steps.push({
      key: `revisions:${paperIds[0] ?? 'none'}`,
      kind: 'revisions',
      keywordIds: [],
      queries: {},
      paperIds,
      endsSweep,
    });
    if (endsSweep) break;
  }
  return steps;
}

/** New versions of saved papers, and the progress of the sweep. */
export async function storeRevisions(
  ctx: { db: AppDB; now: number },
  cycle: CycleRecord,
  step: CycleStep,
  fetched: StepResult,
) {
  const { db } = ctx;
  for (const entry of fetched.revisions) {
    const paper = await db.papers.get(entry.id);
    if (!paper || entry.version <= paper.version) continue;
    await db.papers.update(entry.id, { ...entry, revisedAt: ctx.now });
    await indexPapers(db, [entry]);
    if (paper.saved === 1) cycle.revisedSaved = [...new Set([...cycle.revisedSaved, paper.id])];
  }
  const ids = step.paperIds ?? [];
  const sweep: RevisionSweep = step.endsSweep
    ? { doneFor: previousAnnouncement(fetched.fetchedAt), cursor: '' }
    : {
        ...(((await db.meta.get(REVISION_SWEEP_KEY))?.value as RevisionSweep | undefined) ?? { doneFor: 0 }),
        cursor: ids.at(-1) ?? '',
      };
  await db.meta.put({ key: REVISION_SWEEP_KEY, value: sweep });
}
