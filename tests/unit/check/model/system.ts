import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ArxivClient } from '../../../../lib/arxiv/client';
import { storageSpacing } from '../../../../lib/arxiv/spacing-store';
import { clearAllData } from '../../../../lib/check/clear-all-data';
import { createCheckEngine, type CheckEngine } from '../../../../lib/check/coordinator';
import {
  CHECK_ALARM,
  ensureCheckAlarm,
  RETRY_ALARM,
  scheduleNextCheck,
  WATCHDOG_ALARM,
} from '../../../../lib/check/schedule';
import type { AppDB } from '../../../../lib/db/app-db';
import { setRead, setSaved } from '../../../../lib/db/papers';
import { createKeyword, type Keyword } from '../../../../lib/keywords/keyword';
import { restorePaperState } from '../../../../lib/db/backup-papers';
import { keywordsItem } from '../../../../lib/keywords/keyword-store';
import { DEFAULT_SETTINGS, settingsItem, type Settings } from '../../../../lib/settings/settings';
import { freshDb } from '../../helpers';
import { Gate } from '../harness';
import { World, type Fault } from './world';

/** One worker's life: once the browser stopped it, nothing of it runs again. */
interface WorkerLife {
  stopped: boolean;
}

/** Never settles: what a stopped worker waits for. */
const never = <T>() => new Promise<T>(() => undefined);

/**
 * The browser stopping the worker at an await: the n-th call, from when it is armed, to arXiv,
 * notifications, alarms or local storage never returns. Everything the stopped worker would
 * have done after it is lost: the chain that reached it waits forever, and so does any arXiv
 * answer of that worker that comes back later (a held request released by the stop), whatever
 * chain was stopped. A call to the browser's own API that was made is carried out (the browser
 * process has it; only the answer is lost); a request to arXiv that the stop catches never leaves.
 */
class KillSwitch {
  private left = -1;
  private target: WorkerLife | undefined;
  fired = false;
  /** The browser will stop `worker` at the n-th await from now. */
  arm(n: number, worker: WorkerLife): void {
    this.left = n;
    this.target = worker;
    this.fired = false;
  }
  disarm(): void {
    this.left = -1;
    this.target = undefined;
    this.fired = false;
  }
  pass<T>(call: () => Promise<T>, { performed = false } = {}): Promise<T> {
    // A stopped worker's own arXiv answers are lost (see startWorker). Telling its other calls
    // from its successor's by async context hung the model: the database's scheduling carries
    // one worker's context into the other's continuations.
    if (this.left < 0) return call();
    if (this.left-- === 0) {
      this.fired = true;
      this.target!.stopped = true;
      if (performed) {
        try {
          Promise.resolve(call()).catch(() => undefined);
        } catch {
          // The answer is lost either way.
        }
      }
      return never();
    }
    return call();
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The real engine (real database, client, coordinator, schedule) in a simulated browser and world. */
export class RealSystem {
  readonly db: AppDB = freshDb();
  readonly world: World;
  readonly kill = new KillSwitch();
  /** The running worker's life. */
  private life!: WorkerLife;
  engine!: CheckEngine;
  gate = new Gate();
  /** Workers stopped in this history. */
  stops = 0;
  /** A check held at a request (the user acts meanwhile). */
  paused = false;

  constructor(random: () => number) {
    this.world = new World(random);
    const kill = this.kill;
    // Each of these may be the await at which the browser stops the worker.
    const stoppable = [
      [fakeBrowser.notifications, 'create'],
      [fakeBrowser.alarms, 'create'],
      [fakeBrowser.storage.local, 'set'],
    ] as const;
    for (const [api, name] of stoppable) {
      const target = api as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
      const original = target[name]!.bind(api);
      vi.spyOn(target, name).mockImplementation((...args: unknown[]) =>
        kill.pass(() => original(...args), { performed: true }),
      );
    }
    this.startWorker();
  }

  /** A new worker: new client and engine, the same database and storage. */
  private startWorker(): void {
    const gate = new Gate();
    const world = this.world;
    const kill = this.kill;
    const life: WorkerLife = { stopped: false };
    this.life = life;
    const client = new ArxivClient({
      spacing: storageSpacing,
      // The request reaches arXiv at once; a held one is an answer that has not come back yet.
      fetch: async (input) => {
        const answer = await kill.pass(() => world.fetch(String(input)));
        await gate.pass();
        // An answer that comes back after its worker was stopped finds nobody: it is lost.
        if (life.stopped) return never<Response>();
        return answer;
      },
      // Waiting moves the simulated clock.
      sleep: async (ms) => {
        vi.setSystemTime(Date.now() + ms);
      },
    });
    this.gate = gate;
    const engine = createCheckEngine({ db: () => this.db, client: () => client, now: () => Date.now() });
    this.engine = engine;
  }

  async start(): Promise<void> {
    await ensureCheckAlarm();
  }

  /** Waits until the engine is idle, or a check is held at the gate, or the worker was stopped. */
  private async quiet(work: Promise<unknown>): Promise<void> {
    let done = false;
    void work.finally(() => (done = true));
    for (let i = 0; i < 20_000 && !done; i++) {
      if (this.gate.holding || this.kill.fired) break;
      await settle();
    }
    if (!done && !this.gate.holding && !this.kill.fired) throw new Error('The engine did not come to rest.');
    this.paused = this.gate.holding;
  }

  /** Runs something that may start checks; with a check held, it only queues. */
  async act(run: () => Promise<unknown>): Promise<void> {
    const work = run();
    if (this.paused) return;
    await this.quiet(work.then(() => this.engine.whenIdle()));
  }

  /** The user saves the keyword list; with `holdAt`, the fill that follows is held at that request. */
  async setKeywords(keywords: Keyword[], holdAt?: number): Promise<void> {
    if (holdAt !== undefined && !this.paused) this.gate.holdFrom(holdAt);
    await keywordsItem.setValue(keywords);
    await this.act(() => this.engine.keywordsChanged());
    if (!this.paused) this.gate.release();
  }

  async checkNow(holdAt: number | undefined): Promise<void> {
    if (holdAt !== undefined && !this.paused) this.gate.holdFrom(holdAt);
    await this.act(() => this.engine.requestCheck());
    // The check ended before that request: nothing is held later by surprise.
    if (!this.paused) this.gate.release();
  }

  /** Lets a held check go on, and waits for the engine to rest. */
  async release(): Promise<void> {
    this.gate.release();
    this.paused = false;
    await this.quiet(this.engine.whenIdle());
  }

  /** The earliest alarm fires (the clock moves to it when it lies ahead). */
  async fireAlarm(): Promise<void> {
    const alarms = await fakeBrowser.alarms.getAll();
    const first = alarms.sort((a, b) => a.scheduledTime - b.scheduledTime)[0];
    if (!first) return;
    if (first.scheduledTime > Date.now()) vi.setSystemTime(first.scheduledTime);
    await fakeBrowser.alarms.clear(first.name);
    if (first.name === CHECK_ALARM || first.name === RETRY_ALARM) await this.act(() => this.engine.requestCheck());
    else if (first.name === WATCHDOG_ALARM) await this.act(() => this.engine.resume());
  }

  async changeSetting(change: Partial<Settings>): Promise<void> {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()), ...change });
    await scheduleNextCheck(); // what the worker's settings watcher does
  }

  async clearAll(): Promise<void> {
    await clearAllData(this.db);
  }

  async importPapers(ids: readonly string[], flags: { read: boolean; saved: boolean }): Promise<void> {
    const papers = this.world.papers
      .filter((p) => ids.includes(p.id) && p.visibleAt <= Date.now())
      .map((p) => ({
        id: p.id,
        version: 1,
        title: `On ${p.words.join(' and ')}`,
        summary: 'A study.',
        authors: [{ name: 'Ada Lovelace', affiliations: [] }],
        published: new Date(p.published).toISOString(),
        updated: new Date(p.published).toISOString(),
        categories: ['cs.LG'],
        firstSeenAt: 1,
        read: flags.read ? (1 as const) : (0 as const),
        saved: flags.saved ? (1 as const) : (0 as const),
      }));
    await restorePaperState(this.db, papers);
  }

  async markPaper(id: string, flag: 'read' | 'saved'): Promise<boolean> {
    if (!(await this.db.papers.get(id))) return false;
    if (flag === 'read') await setRead(this.db, id, true);
    else await setSaved(this.db, id, true);
    return true;
  }

  queueFault(fault: Fault): void {
    this.world.faults.push(fault);
  }

  /**
   * The browser stops the worker at the n-th await that reaches it from now on (while a held
   * check goes on, or while a check runs), then starts a new one, which resumes.
   */
  async stopWorker(n: number): Promise<void> {
    this.kill.arm(n, this.life);
    if (this.paused) this.gate.release();
    this.paused = false;
    await this.quiet(this.engine.resume());
    if (this.kill.fired) this.stops++;
    this.kill.disarm();
    this.paused = false;
    this.startWorker();
    await this.quiet(this.engine.resume());
  }

  static keyword(word: string): Keyword {
    return createKeyword(word);
  }
}
