import fc from 'fast-check';
import { vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../lib/settings/settings';
import type { Model } from './model';
import { RealSystem } from './system';
import { OTHER_WORDS, WORDS, type Fault } from './world';

type Run = (model: Model, real: RealSystem) => Promise<void>;

/** One step of a history: a name to print, and what it does to the model and the real system. */
class Step implements fc.AsyncCommand<Model, RealSystem> {
  constructor(
    private readonly name: string,
    private readonly effect: Run,
    private readonly allowed: (model: Model) => boolean = () => true,
  ) {}
  check(model: Readonly<Model>): boolean {
    return this.allowed(model as Model);
  }
  async run(model: Model, real: RealSystem): Promise<void> {
    await this.effect(model, real);
    await model.check(real);
  }
  toString(): string {
    return this.name;
  }
}

const word = fc.constantFrom(...WORDS);
const paperWords = fc.uniqueArray(fc.constantFrom(...WORDS, ...OTHER_WORDS), { minLength: 1, maxLength: 3 });

async function setKeywords(model: Model, real: RealSystem, holdAt?: number): Promise<void> {
  await real.setKeywords(
    model.keywords.map((k) => k.keyword),
    holdAt,
  );
}

/** Sometimes the check that a change starts is held at one of its requests, so that the user acts meanwhile. */
const hold = fc.option(fc.nat(2), { nil: undefined, freq: 2 });
const held = (holdAt: number | undefined) => (holdAt === undefined ? '' : `, its check held at request ${holdAt}`);

const addKeyword = word.map(
  (w) =>
    new Step(
      `add “${w}”`,
      async (model, real) => {
        const keyword = RealSystem.keyword(w);
        model.keywords.push({ keyword, word: w, searchSince: Date.now() });
        await setKeywords(model, real);
      },
      (model) => model.keywords.length < 4 && !model.keywords.some((k) => k.word === w),
    ),
);

const announce = fc
  .array(fc.record({ words: paperWords, held: fc.boolean() }), { minLength: 1, maxLength: 6 })
  .map(
    (items) =>
      new Step(
        `arXiv will announce ${items.map((i) => `${i.words.join('+')}${i.held ? ' (held)' : ''}`).join(', ')}`,
        async (_, real) => void real.world.announce(Date.now(), items),
      ),
  );

const fireAlarm = fc.constant(new Step('the next alarm fires', (_, real) => real.fireAlarm()));

/**
 * Everything a user, the browser and arXiv do, as fast-check commands. Adding keywords, arXiv's
 * announcements and alarms come up more often: most histories need them to say anything.
 */
export const commands = [
  addKeyword,
  addKeyword,
  announce,
  announce,
  announce,
  fireAlarm,
  fireAlarm,
  fireAlarm,
  fc.tuple(fc.nat(3), word, hold).map(
    ([i, w, holdAt]) =>
      new Step(
        `edit keyword ${i} to “${w}”${held(holdAt)}`,
        async (model, real) => {
          const k = model.keywords[i % model.keywords.length]!;
          if (k.word !== w) Object.assign(k, { word: w, searchSince: Date.now(), filledSeenAt: undefined });
          k.keyword = { ...k.keyword, label: w, terms: [{ text: w, mode: 'phrase' }] };
          await setKeywords(model, real, holdAt);
        },
        (model) => model.keywords.length > 0 && !model.keywords.some((k) => k.word === w),
      ),
  ),
  fc.nat(3).map(
    (i) =>
      new Step(
        `switch keyword ${i} on or off`,
        async (model, real) => {
          const k = model.keywords[i % model.keywords.length]!;
          k.keyword = { ...k.keyword, enabled: !k.keyword.enabled };
          await setKeywords(model, real);
        },
        (model) => model.keywords.length > 0,
      ),
  ),
  fc.nat(3).map(
    (i) =>
      new Step(
        `remove keyword ${i}`,
        async (model, real) => {
          model.keywords.splice(i % model.keywords.length, 1);
          await setKeywords(model, real);
        },
        (model) => model.keywords.length > 0,
      ),
  ),
  fc
    .constantFrom(
      { theme: 'dark' as const },
      { papersPerKeyword: 10 },
      { papersPerKeyword: DEFAULT_SETTINGS.papersPerKeyword },
      { notifications: false },
      { notifications: true },
      { schedule: { mode: 'interval' as const, hours: 3 } },
      { schedule: { mode: 'follow-arxiv' as const } },
    )
    .map((change) => new Step(`change settings ${JSON.stringify(change)}`, (_, real) => real.changeSetting(change))),
  fc.constant(
    new Step('clear all data', async (model, real) => {
      await real.clearAll();
      model.cleared();
      if (!real.paused) await model.checkCleared(real);
    }),
  ),
  fc.tuple(fc.array(fc.nat(40), { maxLength: 4 }), fc.boolean()).map(
    ([picks, saved]) =>
      new Step(`import a backup of ${picks.length} ${saved ? 'saved' : 'read'} papers`, async (model, real) => {
        const ids = picks.map((n) => `2611.${String(n + 1).padStart(5, '0')}`);
        await real.importPapers(ids, { read: !saved, saved });
        for (const id of ids) if (await real.db.papers.get(id)) (saved ? model.saved : model.read).add(id);
      }),
  ),
  fc.tuple(fc.nat(60), fc.constantFrom('read' as const, 'saved' as const)).map(
    ([n, flag]) =>
      new Step(`mark paper ${n} ${flag}`, async (model, real) => {
        const id = `2611.${String(n + 1).padStart(5, '0')}`;
        if (await real.markPaper(id, flag)) (flag === 'read' ? model.read : model.saved).add(id);
      }),
  ),
  fc
    .option(fc.nat(3), { nil: undefined })
    .map(
      (holdAt) =>
        new Step(holdAt === undefined ? 'check now' : `check now, held at request ${holdAt}`, (_, real) =>
          real.checkNow(holdAt),
        ),
    ),
  fc.constant(new Step('let the held check go on', (_, real) => real.release())),
  fc
    .integer({ min: 1, max: 30 })
    .map((hours) => new Step(`${hours} h pass`, async () => void vi.setSystemTime(Date.now() + hours * 3_600_000))),
  fc
    .constantFrom<Fault>('503', '429', 'empty', 'truncated', 'reset', 'html', 'timeout')
    .map((fault) => new Step(`arXiv fails: ${fault}`, async (_, real) => real.queueFault(fault))),
  // A busy day makes every later check of the history read hundreds of papers: at most one per
  // history, in about a quarter of them.
  fc.nat(3).map(
    (n) =>
      new Step(
        'arXiv will announce a busy day of 500 “beta” papers',
        async (model, real) => {
          model.busyDay = true;
          real.world.announce(Date.now(), Array(500).fill({ words: ['beta'], held: false }));
        },
        (model) => !model.busyDay && n === 0,
      ),
  ),
  fc.nat(40).map(
    (n) =>
      new Step(`arXiv will announce a new version of paper ${n}`, async (_, real) => {
        const paper = real.world.papers[n % Math.max(1, real.world.papers.length)];
        if (paper) real.world.revise(paper, Date.now());
      }),
  ),
  fc.nat(12).map((n) => new Step(`the browser stops the worker at its ${n}th await`, (_, real) => real.stopWorker(n))),
];
