import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { assertModel, histories, modelSettings } from '../../support/model-run';
import { describe, expect, it } from 'vitest';
import type { AppDB } from '../../../lib/db/app-db';
import {
  hidePapers,
  markedReadUndo,
  restoreHiddenPapers,
  undoFlagChanges,
  type FlagUndo,
} from '../../../lib/db/labels';
import { markListRead, type PaperListSource } from '../../../lib/db/paper-queries';
import { removeKeywordData, setRead, setSaved, storeMatches } from '../../../lib/db/papers';
import { pruneKeyword } from '../../../lib/db/retention';
import type { PaperRecord } from '../../../lib/db/schema';
import { restorePaperState } from '../../../lib/db/backup-papers';
import { freshDb } from '../helpers';
import { expectConsistent, KEYWORDS, ListModel, POOL } from './lists-model';

/**
 * The lists and unread counts under random histories of everything that writes papers, matches
 * or flags: stores for random keywords (news among them), read and unread, save and unsave,
 * "mark all read" in each list, "Not interested" and "Restore", the toolbar's Undo of the last of
 * these, removed keywords, pruning and backups restored (hidden papers among them). After every
 * step the counts, the lists (at several page sizes, with this visit's pinned papers, and
 * searched) and every match's list copy must equal a naive pass over the tables (see lists-model.ts).
 *
 * `MODEL_RUNS` and `MODEL_SEED` override the number of histories and the seed; a failure prints
 * the seed and the shrunk history, which replay it.
 */
const settings = modelSettings(150);

interface Real {
  db: AppDB;
}

/** One step of a history: a name to print and what it does; the invariants follow every step. */
class Step implements fc.AsyncCommand<ListModel, Real> {
  constructor(
    private readonly name: string,
    private readonly effect: (model: ListModel, real: Real) => Promise<void>,
  ) {}
  check(): boolean {
    return true;
  }
  async run(model: ListModel, real: Real): Promise<void> {
    model.now += 60_000;
    await this.effect(model, real);
    await expectConsistent(real.db, model);
  }
  toString(): string {
    return this.name;
  }
}

const keyword = fc.constantFrom(...KEYWORDS);
const paperId = fc.constantFrom(...POOL.map((p) => p.id));
const someIds = fc.uniqueArray(paperId, { minLength: 1, maxLength: 6 });

const store = fc.record({ k: keyword, ids: someIds, news: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }) }).map(
  ({ k, ids, news }) =>
    new Step(
      `store ${ids.join(' ')} for ${k}, news ${ids.filter((_, i) => news[i]).join(' ') || 'none'}`,
      async (model, real) => {
        const entries = POOL.filter((p) => ids.includes(p.id));
        const fresh = new Set(ids.filter((_, i) => news[i]));
        await storeMatches(real.db, k, entries, model.now, { news: fresh });
      },
    ),
);

/** Reads the stored paper, pins it as the popup does, then changes it (a missing paper: nothing). */
async function change(model: ListModel, real: Real, id: string, flag: 'read' | 'saved', on: boolean) {
  const paper = await real.db.papers.get(id);
  if (paper) model.pin(paper, flag);
  await (flag === 'read' ? setRead : setSaved)(real.db, id, on, model.now);
  if (paper) expect((await real.db.papers.get(id))?.[flag]).toBe(on ? 1 : 0);
}

const flagChange = fc
  .record({ id: paperId, flag: fc.constantFrom('read' as const, 'saved' as const), on: fc.boolean() })
  .map(
    ({ id, flag, on }) =>
      new Step(`${on ? '' : 'un'}${flag === 'read' ? 'read' : 'save'} ${id}`, (model, real) =>
        change(model, real, id, flag, on),
      ),
  );

const source: fc.Arbitrary<PaperListSource> = fc.oneof(
  fc.constant({ kind: 'new' as const }),
  fc.constant({ kind: 'saved' as const }),
  fc.constant({ kind: 'hidden' as const }),
  keyword.map((keywordId) => ({ kind: 'keyword' as const, keywordId })),
);

const markAll = fc.record({ source, undo: fc.boolean() }).map(
  ({ source, undo }) =>
    new Step(
      `mark all read in ${source.kind === 'keyword' ? source.keywordId : source.kind}${undo ? ', then undo' : ''}`,
      async (model, real) => {
        const before = await real.db.papers.toArray();
        const ids = await markListRead(real.db, source, model.now);
        expect((await real.db.papers.bulkGet(ids)).every((p) => p?.read === 1)).toBe(true);
        expect(ids.every((id) => before.find((p) => p.id === id)?.read === 0)).toBe(true);
        await offerUndo(model, real, markedReadUndo(ids));
        if (undo) await undoLast(model, real);
      },
    ),
);

/** A paper's flags (undefined when it is not stored). */
const flagsOf = (p: PaperRecord | undefined) =>
  p && { read: p.read, readAt: p.readAt, saved: p.saved, savedAt: p.savedAt, hiddenAt: p.hiddenAt };

/** Offers the toolbar's Undo of an action, remembering the flags it left. */
async function offerUndo(model: ListModel, real: Real, entries: FlagUndo[]): Promise<void> {
  const papers = await real.db.papers.bulkGet(entries.map((u) => u.id));
  model.undo = { entries, left: papers.map(flagsOf) };
}

/**
 * The toolbar's Undo. A paper whose flags no step changed since the action gets exactly its flags
 * from before back; one hidden or restored since keeps what the user did (a paper hidden after
 * "Mark all read" stays hidden).
 */
async function undoLast(model: ListModel, real: Real): Promise<void> {
  const last = model.undo;
  model.undo = undefined;
  if (!last) return;
  const ids = last.entries.map((u) => u.id);
  const since = (await real.db.papers.bulkGet(ids)).map(flagsOf);
  await undoFlagChanges(real.db, last.entries);
  const after = (await real.db.papers.bulkGet(ids)).map(flagsOf);
  for (const [i, u] of last.entries.entries()) {
    if (since[i] === undefined) continue;
    if (isDeepStrictEqual(since[i], last.left[i]))
      expect(after[i], `${u.id} undone`).toEqual({ ...since[i], ...u.before });
    else if (since[i].hiddenAt !== last.left[i]?.hiddenAt) expect(after[i], `${u.id} left alone`).toEqual(since[i]);
  }
}

const hide = someIds.map(
  (ids) =>
    new Step(`not interested in ${ids.join(' ')}`, async (model, real) => {
      const before = await real.db.papers.bulkGet(ids);
      const undo = await hidePapers(real.db, ids, model.now);
      await offerUndo(model, real, undo);
      // Saved papers are left alone: a save is undone on purpose first.
      const hideable = (i: number) =>
        before[i] !== undefined && before[i].hiddenAt === undefined && before[i].saved !== 1;
      expect(undo.map((u) => u.id).sort()).toEqual(ids.filter((_, i) => hideable(i)).sort());
      for (const [i, paper] of (await real.db.papers.bulkGet(ids)).entries()) {
        if (paper && before[i]?.saved === 1 && before[i].hiddenAt === undefined) expect(paper).toEqual(before[i]);
        else if (paper) expect(paper.hiddenAt).toBeDefined();
      }
    }),
);

const restoreHidden = someIds.map(
  (ids) =>
    new Step(`restore ${ids.join(' ')} from Hidden`, async (model, real) => {
      const before = await real.db.papers.bulkGet(ids);
      await offerUndo(model, real, await restoreHiddenPapers(real.db, ids));
      for (const [i, paper] of (await real.db.papers.bulkGet(ids)).entries()) {
        if (before[i]?.hiddenAt !== undefined) expect([paper?.hiddenAt, paper?.read]).toEqual([undefined, 0]);
      }
    }),
);

const undo = fc.constant(new Step('undo', undoLast));

const remove = keyword.map(
  (k) => new Step(`remove keyword ${k}`, async (_model, real) => removeKeywordData(real.db, k)),
);

const prune = fc
  .record({ k: keyword, keep: fc.nat(4) })
  .map(
    ({ k, keep }) =>
      new Step(`prune ${k} to ${keep}`, async (_model, real) => void (await pruneKeyword(real.db, k, keep))),
  );

const restore = fc
  .array(fc.record({ id: paperId, read: fc.boolean(), saved: fc.boolean(), hidden: fc.boolean() }), {
    minLength: 1,
    maxLength: 5,
  })
  .map(
    (items) =>
      new Step(
        `restore a backup of ${items.map((i) => `${i.id}${i.read ? ' read' : ''}${i.saved ? ' saved' : ''}${i.hidden ? ' hidden' : ''}`).join(', ')}`,
        async (model, real) => {
          // Any flags, as a backup edited by hand could hold (a hidden paper unread or saved too).
          const papers: PaperRecord[] = items.map((item) => ({
            ...POOL.find((p) => p.id === item.id)!,
            firstSeenAt: 1,
            read: item.read ? 1 : 0,
            saved: item.saved ? 1 : 0,
            ...(item.hidden ? { hiddenAt: model.now } : {}),
          }));
          await restorePaperState(real.db, papers);
        },
      ),
  );

const reopen = fc.constant(
  new Step('reopen the popup', async (model) => {
    model.pinned = {};
    model.undo = undefined;
  }),
);

const commands = [
  store,
  store,
  flagChange,
  flagChange,
  markAll,
  hide,
  hide,
  restoreHidden,
  undo,
  remove,
  prune,
  restore,
  reopen,
];

describe('lists and unread counts under random histories', () => {
  it(
    `stay equal to a pass over the tables in ${settings.runs} histories (seed ${settings.seed})`,
    { timeout: settings.timeoutMs },
    async () => {
      await assertModel(
        fc.asyncProperty(histories(commands, settings, { maxCommands: 30 }), async (cmds) => {
          const real = { db: freshDb() };
          try {
            await fc.asyncModelRun(() => ({ model: new ListModel(), real }), cmds);
          } finally {
            real.db.close();
          }
        }),
        settings,
      );
    },
  );
});
