import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ArxivClient } from '../../../lib/arxiv/client';
import { createCheckEngine, type CheckEngine } from '../../../lib/check/coordinator';
import type { AppDB } from '../../../lib/db/app-db';
import type { Keyword } from '../../../lib/keywords/keyword';
import { keywordsItem } from '../../../lib/keywords/keyword-store';
import { entry, freshDb } from '../helpers';
import { FakeArxiv, series } from './fake-arxiv';
import { createKeyword } from '../../../lib/keywords/keyword';
import { expect, vi } from 'vitest';

/**
 * Holds requests on their way to arXiv: `holdFrom(n)` lets n more requests through and holds the
 * ones after until `release()`. A request held forever stands for a worker stopped meanwhile.
 */
export class Gate {
  private waiting: Array<() => void> = [];
  private allowed = Infinity;
  holdFrom(n = 0): void {
    this.allowed = n;
  }
  /** Whether a request is held now. */
  get holding(): boolean {
    return this.waiting.length > 0;
  }
  release(): void {
    this.allowed = Infinity;
    for (const go of this.waiting.splice(0)) go();
  }
  async pass(): Promise<void> {
    if (this.allowed > 0) {
      this.allowed--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
}

/**
 * The real check engine on a fresh database, with a fake arXiv, a settable clock and the fake
 * browser (storage, alarms, notifications). `restart()` stands for the browser stopping the
 * worker: a new engine takes over the same database, the old one is left hanging.
 */
export function engineHarness(start: number) {
  const db: AppDB = freshDb();
  const arxiv = new FakeArxiv();
  const clock = { now: start };
  /** Each worker has its own way to arXiv: a stopped worker's held request never arrives. */
  const make = (gate: Gate): CheckEngine => {
    const client: Pick<ArxivClient, 'fetchFeed'> = {
      fetchFeed: async (url) => {
        await gate.pass();
        return arxiv.fetchFeed(url);
      },
    };
    return createCheckEngine({ db: () => db, client: () => client, now: () => clock.now });
  };
  const firstGate = new Gate();
  const created = vi.spyOn(fakeBrowser.notifications, 'create');
  const h = {
    db,
    arxiv,
    gate: firstGate,
    clock,
    engine: make(firstGate),
    async setKeywords(keywords: Keyword[]): Promise<void> {
      await keywordsItem.setValue(keywords);
      await h.engine.keywordsChanged();
    },
    /** A full check (the alarm or "Check now"), run to its end. */
    async check(at?: number): Promise<void> {
      if (at !== undefined) clock.now = at;
      await h.engine.requestCheck();
      await h.engine.whenIdle();
    },
    /** The browser stops the worker (its requests in flight never come back) and starts a new one. */
    restart(): void {
      h.gate = new Gate();
      h.engine = make(h.gate);
    },
    /** The titles of the notifications shown so far. */
    titles(): Array<string | undefined> {
      return created.mock.calls.map((call) => ((call as unknown[])[1] as { title?: string } | undefined)?.title);
    },
    async notifications() {
      return Object.values(await fakeBrowser.notifications.getAll());
    },
    /** What the last finished check announced, per keyword id. */
    async lastNews(): Promise<Record<string, number>> {
      const last = await db.checkLog.orderBy('startedAt').last();
      return Object.fromEntries(
        (last?.outcomes ?? []).filter((o) => o.newCount > 0).map((o) => [o.keywordId, o.newCount]),
      );
    },
  };
  return h;
}

/**
 * Two filled keywords, "graph" and "tensor", three papers each, checked once; and a paper arXiv
 * files under "tensor" for a reason the local rules do not see (e.g. a synonym in its index).
 */
export async function graphAndTensor(h: ReturnType<typeof engineHarness>, oddPublished: string) {
  const [graph, tensor] = [createKeyword('graph'), createKeyword('tensor')];
  h.arxiv.set('graph', series('graph', 3, '2026-11-17T12:00:00Z', 100));
  h.arxiv.set('tensor', series('tensor', 3, '2026-11-17T12:00:00Z', 200));
  await h.setKeywords([graph, tensor]);
  await h.check();
  const odd = entry('2611.07777', { title: 'Nothing obvious', summary: 'Nothing obvious.', published: oddPublished });
  return { graph, tensor, odd };
}

/** Every table of the database is empty but for the data epoch, which "Clear all data" moved on. */
export async function expectCleared(db: AppDB): Promise<void> {
  const counts = Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.count()])));
  expect(counts).toEqual(Object.fromEntries(db.tables.map((t) => [t.name, t.name === 'meta' ? 1 : 0])));
  expect(await db.meta.toArray()).toEqual([{ key: 'epoch', value: 1 }]);
}
