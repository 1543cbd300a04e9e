import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArxivEntry } from '../../../lib/arxiv/types';
import type { AppDB } from '../../../lib/db/app-db';
import { clearDatabase } from '../../../lib/db/clear';
import { hidePapers, restoreHiddenPapers } from '../../../lib/db/labels';
import { labelOf } from '../../../lib/db/label-rule';
import { readRankingModel, readRankingStatus, resetPersonalisation } from '../../../lib/db/ranking';
import { setSaved, storeMatches } from '../../../lib/db/papers';
import { MIN_POSITIVES } from '../../../lib/ranking/ranker';
import { runRanking } from '../../../lib/ranking/ranking-job';
import { assertModel, histories, modelSettings } from '../../support/model-run';
import { entry, freshDb } from '../helpers';

/**
 * The ranking's stored state under random histories of labels (save, unsave, "Not interested",
 * restore from Hidden), "Reset
 * personalisation", "Clear all data" and trainings, some of which run while a label, a reset or a
 * clear lands. After every step:
 *
 * - scores, the model and the status's training time exist together or not at all;
 * - the status never forgets a reset (a training under way when it landed stores nothing);
 * - right after a reset or a clear nothing is scored;
 * - right after a training that ran alone, the status counts the labels as they are, and every
 *   paper is scored exactly when there are enough positives.
 */
const settings = modelSettings(100);

const TOPICS = [
  'message passing graph neural networks for molecules',
  'quantum error correction with surface codes',
  'diffusion models for image generation',
];
const POOL: ArxivEntry[] = Array.from({ length: 12 }, (_, n) =>
  entry(`2611.${String(n + 1).padStart(5, '0')}`, {
    title: `${TOPICS[n % 3]} ${n}`,
    summary: `We study ${TOPICS[n % 3]} in setting ${n}.`,
    published: new Date(Date.UTC(2026, 10, 1) + n * 3_600_000).toISOString(),
  }),
);

class Model {
  now = 1_000_000;
  /** The last reset's time (0: none since the data was created or cleared). */
  resetAt = 0;
}

interface Real {
  db: AppDB;
}

type Effect = (model: Model, real: Real) => Promise<void>;

const fill = (model: Model, real: Real) => storeMatches(real.db, 'k', POOL, model.now).then(() => undefined);

const save =
  (n: number, on: boolean): Effect =>
  (model, real) =>
    setSaved(real.db, POOL[n]!.id, on, model.now);
const hide =
  (n: number, on: boolean): Effect =>
  async (model, real) =>
    void (await (on ? hidePapers(real.db, [POOL[n]!.id], model.now) : restoreHiddenPapers(real.db, [POOL[n]!.id])));
const reset: Effect = async (model, real) => {
  await resetPersonalisation(real.db, model.now);
  model.resetAt = model.now;
};
const clear: Effect = async (model, real) => {
  await clearDatabase(real.db);
  model.resetAt = 0;
  await fill(model, real); // the next check fills the list again
};
const train: Effect = async (model, real) => void (await runRanking(real.db, model.now));

async function expectConsistent(db: AppDB, model: Model): Promise<void> {
  const [papers, status, stored] = await Promise.all([
    db.papers.toArray(),
    readRankingStatus(db),
    readRankingModel(db),
  ]);
  const scored = papers.filter((p) => p.score !== undefined);
  expect(stored !== undefined, 'a model is stored exactly when the status has a training time').toBe(
    status.trainedAt !== undefined,
  );
  if (scored.length > 0) expect(status.trainedAt, 'scores without a model').toBeDefined();
  expect(status.resetAt, 'the status remembers the last reset').toBe(model.resetAt);
}

class Step implements fc.AsyncCommand<Model, Real> {
  constructor(
    private readonly name: string,
    private readonly effect: Effect,
    private readonly after?: (model: Model, real: Real) => Promise<void>,
  ) {}
  check(): boolean {
    return true;
  }
  async run(model: Model, real: Real): Promise<void> {
    model.now += 60_000;
    await this.effect(model, real);
    await expectConsistent(real.db, model);
    await this.after?.(model, real);
  }
  toString(): string {
    return this.name;
  }
}

const paper = fc.nat(POOL.length - 1);

/** Nothing scored right after a reset or a clear. */
const nothingScored = async (_model: Model, real: Real) => {
  expect(await real.db.papers.filter((p) => p.score !== undefined).count()).toBe(0);
  expect(await readRankingModel(real.db)).toBeUndefined();
};

/** A training that ran alone counts the labels as they are now, and scores all or nothing. */
const trainedNow = async (model: Model, real: Real) => {
  const papers = await real.db.papers.toArray();
  const labels = papers.map((p) => labelOf(p, model.resetAt));
  const positives = labels.filter((l) => l === 1).length;
  const status = await readRankingStatus(real.db);
  expect(status).toMatchObject({ positives, negatives: labels.filter((l) => l === -1).length });
  // Every unread paper is scored (read ones keep what they had, unused); none without a model.
  const unscoredUnread = papers.filter((p) => p.read === 0 && p.score === undefined).length;
  if (positives >= MIN_POSITIVES) expect(unscoredUnread).toBe(0);
  else expect(papers.filter((p) => p.score !== undefined)).toEqual([]);
};

const labelStep = fc.oneof(
  fc
    .record({ n: paper, on: fc.boolean() })
    .map(({ n, on }) => ({ name: `${on ? 'save' : 'unsave'} ${n}`, effect: save(n, on) })),
  fc
    .record({ n: paper, on: fc.boolean() })
    .map(({ n, on }) => ({ name: `${on ? 'not interested in' : 'restore'} ${n}`, effect: hide(n, on) })),
);
const other = fc.constantFrom(
  { name: 'reset personalisation', effect: reset },
  { name: 'clear all data', effect: clear },
);

const commands = [
  labelStep.map(({ name, effect }) => new Step(name, effect)),
  labelStep.map(({ name, effect }) => new Step(name, effect)),
  other.map(({ name, effect }) => new Step(name, effect, nothingScored)),
  fc.constant(new Step('train', train, trainedNow)),
  fc
    .oneof(labelStep, other)
    .map(
      ({ name, effect }) =>
        new Step(`train while: ${name}`, (model, real) =>
          Promise.all([train(model, real), effect(model, real)]).then(),
        ),
    ),
];

describe('the ranking under random histories', () => {
  it(
    `keeps scores, model and status together in ${settings.runs} histories (seed ${settings.seed})`,
    { timeout: settings.timeoutMs },
    async () => {
      await assertModel(
        fc.asyncProperty(histories(commands, settings, { maxCommands: 25 }), async (cmds) => {
          const real = { db: freshDb() };
          try {
            const model = new Model();
            await fill(model, real);
            await fc.asyncModelRun(() => ({ model, real }), cmds);
          } finally {
            real.db.close();
          }
        }),
        settings,
      );
    },
  );
});
