import fc from 'fast-check';
import { describe, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { commands } from './model/commands';
import { Model } from './model/model';
import { RealSystem } from './model/system';
import { assertModel, histories, modelSettings, seededRandom } from '../../support/model-run';

/**
 * The check engine, driven through random histories: the real database (fake-indexeddb), the
 * real client, coordinator, cycle and schedule, fake alarms and a simulated arXiv that announces
 * papers over simulated days. Invariants are checked after every step (see model/model.ts); at
 * the end arXiv recovers and a few announcements pass, and every paper that became news under
 * the rule must have been announced exactly once.
 *
 * Settings and replay: see tests/support/model-run.ts.
 */
const settings = modelSettings(1000);

// Sunday 2026-11-15, noon in New York.
const START = Date.parse('2026-11-15T17:00:00Z');
const DAY = 24 * 3_600_000;

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
  it(
    `keeps its promise in ${settings.runs} histories (seed ${settings.seed})`,
    { timeout: settings.timeoutMs },
    async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        await assertModel(
          fc.asyncProperty(
            histories(commands, settings, { maxCommands: 40, size: 'medium' }),
            fc.integer(),
            async (cmds, worldSeed) => {
              await history(cmds, seededRandom(worldSeed));
            },
          ),
          settings,
        );
      } finally {
        if (process.env.MODEL_STATS) console.log(stats);
        vi.useRealTimers();
      }
    },
  );
});
