/**
 * What every model-based test shares: its settings from the environment, the random histories
 * of commands, and a failure report that says how to replay it.
 *
 * - `MODEL_RUNS`: how many histories (each test has its own default);
 * - `MODEL_SEED`: the seed (random by default, printed in the test's name and on failure);
 * - `MODEL_PATH` and `MODEL_REPLAY`: the `path` and the commands' `replayPath` of a failure's
 *   report, which replay its shrunk history at once;
 * - `MODEL_TIMEOUT`: the test's time limit in ms (each test has its own default). The runner stops
 *   a little before it: a failure still being shrunk is reported as far as it got, with its replay,
 *   rather than lost in a timeout; histories that did not all run in time fail the test.
 */
import fc from 'fast-check';

export interface ModelSettings {
  runs: number;
  seed: number;
  path?: string;
  replayPath?: string;
  /** The test's time limit (ms): pass it to the test runner. */
  timeoutMs: number;
}

/** The settings of a model-based test, `defaultRuns` histories unless MODEL_RUNS says otherwise. */
export function modelSettings(defaultRuns: number, defaultTimeoutMs = 600_000): ModelSettings {
  const env = process.env;
  return {
    runs: Number(env.MODEL_RUNS ?? defaultRuns),
    seed: env.MODEL_SEED === undefined ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(env.MODEL_SEED),
    path: env.MODEL_PATH || undefined,
    replayPath: env.MODEL_REPLAY || undefined,
    timeoutMs: Number(env.MODEL_TIMEOUT ?? defaultTimeoutMs),
  };
}

/** Random histories of `commands`, replaying `settings.replayPath` when one is given. */
export function histories<Model extends object, Real>(
  commands: ReadonlyArray<fc.Arbitrary<fc.AsyncCommand<Model, Real>>>,
  settings: ModelSettings,
  options: Omit<fc.CommandsContraints, 'replayPath'> = {},
): fc.Arbitrary<Iterable<fc.AsyncCommand<Model, Real>>> {
  return fc.commands([...commands], {
    ...options,
    ...(settings.replayPath ? { replayPath: settings.replayPath } : {}),
  });
}

/**
 * Runs a model-based property `settings.runs` times from `settings.seed`; a failure prints how
 * to replay it (fast-check's report, above it, has the path, the shrunk history and its replay path).
 */
export async function assertModel<Ts extends unknown[]>(
  property: fc.IAsyncPropertyWithHooks<Ts>,
  settings: ModelSettings,
): Promise<void> {
  try {
    await fc.assert(property, {
      numRuns: settings.runs,
      seed: settings.seed,
      ...(settings.path ? { path: settings.path } : {}),
      endOnFailure: false,
      verbose: 1,
      interruptAfterTimeLimit: Math.max(1_000, settings.timeoutMs - 60_000),
      markInterruptAsFailure: true,
    });
  } catch (error) {
    console.error(
      `Replay with MODEL_SEED=${settings.seed} MODEL_RUNS=${settings.runs} MODEL_PATH=<path> MODEL_REPLAY=<replayPath>, both from the report.`,
    );
    throw error;
  }
}

/** The product's seeded generator, for simulated worlds and libraries that repeat exactly. */
export { seededRandom } from '../../lib/ranking/seeded-random';
