import fc from 'fast-check';
import { describe, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { commands } from './model/commands';
import { Model } from './model/model';
import { RealSystem } from './model/system';

/**
 * The check engine, driven through random histories: the real database (fake-indexeddb), the
 * real client, coordinator, cycle and schedule, fake alarms and a simulated arXiv that announces
 * papers over simulated days. Invariants are checked after every step (see model/model.ts); at
 * the end arXiv recovers and a few announcements pass, and every paper that became news under
 * the rule must have been announced exactly once.
 *
 * `MODEL_RUNS` and `MODEL_SEED` override the number of histories and the seed; a failure prints
 * the seed, the path and the shrunk history, which replay it.
 */
const RUNS = Number(process.env.MODEL_RUNS ?? 1000);
const SEED =
  process.env.MODEL_SEED === undefined ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(process.env.MODEL_SEED);
const PATH = process.env.MODEL_PATH;
/** The commands' own replay path, printed in the counterexample as replayPath="…". */
const REPLAY = process.env.MODEL_REPLAY;

// Sunday 2026-11-15, noon in New York.
const START = Date.parse('2026-11-15T17:00:00Z');
const DAY = 24 * 3_600_000;

/** A small seeded generator (mulberry32) for the simulated world's own choices. */
function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function history(cmds: Iterable<fc.AsyncCommand<Model, RealSystem>>, random: () => number): Promise<void> {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  vi.setSystemTime(START);
  const real = new RealSystem(random);
  await real.start();
  const model = new Model();
  await fc.asyncModelRun(() => ({ model, real }), cmds);
  // arXiv recovers; the browser stays open through two more announcements and their follow-ups.
  real.world.faults = [];
  await real.release();
  const end = Date.now() + 2 * DAY + 8 * 3_600_000;
  for (let i = 0; i < 80 && Date.now() < end; i++) {
    await real.fireAlarm();
    await model.check(real);
  }
  model.expectComplete(real, Date.now() - 6 * DAY);
  if (process.env.MODEL_STATS) {
    stats.histories++;
    stats.announced += model.announced.size;
    stats.requests += real.world.requests.length;
    stats.stops += real.stops;
    stats.keywords += model.keywords.length;
  }
  real.db.close();
}

const stats = { histories: 0, announced: 0, requests: 0, stops: 0, keywords: 0 };

describe('the check engine under random histories', () => {
  it(`keeps its promise in ${RUNS} histories (seed ${SEED})`, { timeout: 600_000 }, async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.commands(commands, { maxCommands: 40, size: 'medium', ...(REPLAY ? { replayPath: REPLAY } : {}) }),
          fc.integer(),
          async (cmds, worldSeed) => {
            await history(cmds, randomFrom(worldSeed));
          },
        ),
        { numRuns: RUNS, seed: SEED, ...(PATH ? { path: PATH } : {}), endOnFailure: false, verbose: 1 },
      );
    } catch (error) {
      console.error(
        `Replay with MODEL_SEED=${SEED} MODEL_RUNS=${RUNS}, MODEL_PATH=<path> and MODEL_REPLAY=<replayPath> from the report.`,
      );
      throw error;
    } finally {
      if (process.env.MODEL_STATS) console.log(stats);
      vi.useRealTimers();
    }
  });
});
