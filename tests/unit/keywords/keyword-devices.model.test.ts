import fc from 'fast-check';
import { assertModel, histories, modelSettings } from '../../support/model-run';
import { describe, expect, it } from 'vitest';
import { createKeyword, type Keyword } from '../../../lib/keywords/keyword';
import { syncUsage } from '../../../lib/keywords/keyword-room';
import { createKeywordStore, moveInList } from '../../../lib/keywords/keyword-store';
import { StorageWriteError, syncItemBytes } from '../../../lib/settings/sync-storage';
import { Device, SharedSync } from './sync-quota';

/**
 * Two devices editing the same synced keywords: random histories of adds, imports, edits,
 * removals and moves, each device acting on what it saw at its last refresh. After every step the
 * list is never torn (each keyword is exactly its last written version, none twice, none lost but
 * those removed), a device that had seen every change gets exactly the list it made, in its
 * order, a refused change changes nothing and says why, and Chrome's quotas hold.
 *
 * `MODEL_RUNS` and `MODEL_SEED` override the number of histories and the seed.
 */
const settings = modelSettings(50, 300_000);

type Store = ReturnType<typeof createKeywordStore>;

interface Real {
  shared: SharedSync;
  devices: Array<{ area: Device; store: Store; seen: number }>;
  /** Accepted changes so far: a device whose `seen` equals it has seen them all. */
  changes: number;
  nextId: number;
}

/** Every live keyword as last written. */
type Model = Map<string, Keyword>;

/** What a change does, computed from the device's view. */
interface Plan {
  run: (store: Store) => Promise<void>;
  /** The list the device means to leave. */
  next: Keyword[];
  written: Keyword[];
  removed: string[];
}

type Planner = (view: Keyword[], real: Real) => Plan;

function fresh(real: Real): Promise<Keyword[]> {
  const observer = new Device(real.shared);
  observer.refresh();
  return createKeywordStore(() => observer).getKeywords();
}

/** Deep equality, compared as JSON first: hundreds of keywords per step make `toEqual` alone slow. */
function same(actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
}

class Refresh implements fc.AsyncCommand<Model, Real> {
  constructor(readonly device: number) {}
  check = () => true;
  async run(_model: Model, real: Real): Promise<void> {
    real.devices[this.device]!.area.refresh();
    real.devices[this.device]!.seen = real.changes;
  }
  toString = () => `refresh ${this.device}`;
}

class Change implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly device: number,
    readonly name: string,
    readonly plan: Planner,
  ) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const device = real.devices[this.device]!;
    const sawAll = device.seen === real.changes;
    const before = JSON.stringify(real.shared.data);
    const plan = this.plan(await device.store.getKeywords(), real);
    try {
      await plan.run(device.store);
    } catch (error) {
      // Refused before anything was written, with the reason in plain words.
      expect(error instanceof StorageWriteError || /removed meanwhile/.test(String(error)), String(error)).toBe(true);
      expect(JSON.stringify(real.shared.data)).toBe(before);
      return;
    }
    real.changes++;
    if (sawAll) device.seen = real.changes;
    for (const keyword of plan.written) model.set(keyword.id, keyword);
    for (const id of plan.removed) model.delete(id);
    const after = await fresh(real);
    if (sawAll) same(after, plan.next);
    expect(after.map((k) => k.id).sort()).toEqual([...model.keys()].sort());
    same(
      after,
      after.map((k) => model.get(k.id)),
    );
    for (const [key, value] of Object.entries(real.shared.data)) {
      expect(syncItemBytes(key, value)).toBeLessThanOrEqual(8_192);
    }
    expect(syncUsage(real.shared.data).bytes).toBeLessThanOrEqual(102_400);
    expect(syncUsage(real.shared.data).items).toBeLessThanOrEqual(512);
  }
  toString = () => `${this.name} on ${this.device}`;
}

const device = fc.constantFrom(0, 1);
// Mostly long labels, so that the 100 KB quota is reached before the 512 items.
const label = fc.oneof(fc.integer({ min: 150, max: 200 }), fc.integer({ min: 1, max: 200 }));

function newKeywords(real: Real, lengths: number[]): Keyword[] {
  return lengths.map((length) => {
    const id = `k${real.nextId++}`;
    // Few distinct creation times, so that the order's repair meets ties broken by id.
    return {
      ...createKeyword(`${id} ${'x'.repeat(length)}`.slice(0, Math.max(length, id.length)), real.nextId % 3),
      id,
    };
  });
}

const commands = [
  device.map((d) => new Refresh(d)),
  fc.tuple(device, fc.array(label, { minLength: 1, maxLength: 120, size: 'max' })).map(
    ([d, lengths]) =>
      new Change(d, `import ${lengths.length}`, (view, real) => {
        const added = newKeywords(real, lengths);
        return { run: (s) => s.addKeywords(added), next: [...view, ...added], written: added, removed: [] };
      }),
  ),
  fc.tuple(device, fc.nat(), fc.boolean()).map(
    ([d, pick, words]) =>
      new Change(d, `edit #${pick}`, (view) => {
        const target = view[pick % Math.max(1, view.length)];
        if (!target) return { run: async () => undefined, next: view, written: [], removed: [] };
        const edited: Keyword = {
          ...target,
          label: `${target.label.slice(0, 190)} e${pick}`,
          terms: [...target.terms, { text: `t${pick}`, mode: words ? 'words' : 'phrase' }],
          enabled: !target.enabled,
        };
        const next = view.map((k) => (k.id === edited.id ? edited : k));
        return { run: (s) => s.updateKeyword(edited), next, written: [edited], removed: [] };
      }),
  ),
  fc.tuple(device, fc.nat()).map(
    ([d, pick]) =>
      new Change(d, `remove #${pick}`, (view) => {
        const target = view[pick % Math.max(1, view.length)];
        if (!target) return { run: async () => undefined, next: view, written: [], removed: [] };
        const next = view.filter((k) => k.id !== target.id);
        return { run: (s) => s.removeKeyword(target.id), next, written: [], removed: [target.id] };
      }),
  ),
  fc.tuple(device, fc.nat(), fc.integer({ min: -3, max: 3 })).map(
    ([d, pick, offset]) =>
      new Change(d, `move #${pick} by ${offset}`, (view) => {
        const target = view[pick % Math.max(1, view.length)];
        if (!target) return { run: async () => undefined, next: view, written: [], removed: [] };
        const next = [...moveInList(view, target.id, offset)];
        return { run: (s) => s.moveKeyword(target.id, offset), next, written: [], removed: [] };
      }),
  ),
];

describe('keywords edited on two devices at once', () => {
  it(
    `are never torn, lost or over quota in ${settings.runs} histories (seed ${settings.seed})`,
    { timeout: settings.timeoutMs },
    async () => {
      await assertModel(
        fc.asyncProperty(histories(commands, settings, { maxCommands: 40, size: 'max' }), async (cmds) => {
          const shared = new SharedSync();
          const devices = [0, 1].map(() => {
            const area = new Device(shared);
            return { area, store: createKeywordStore(() => area), seen: 0 };
          });
          await fc.asyncModelRun(() => ({ model: new Map(), real: { shared, devices, changes: 0, nextId: 0 } }), cmds);
        }),
        settings,
      );
    },
  );
});
