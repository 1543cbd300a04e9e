import 'fake-indexeddb/auto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ArxivClient, type SpacingStore } from '../../lib/arxiv/client';
import { searchUrl } from '../../lib/arxiv/query';
import { runCycle } from '../../lib/check/cycle';
import { newCycle } from '../../lib/check/queue';
import { keywordQuery, planSteps } from '../../lib/check/plan';
import { AppDB } from '../../lib/db/app-db';
import { createKeyword, type Keyword } from '../../lib/keywords/keyword';
import { dateFilter } from '../support/query-filters';
import { feedOf, recordedEntries, type FeedEntry } from './feeds';

export interface EconomyResult {
  requests: number;
  bytes: number;
  wallMs: number;
  /** Part of the wall time spent in the mandatory 3 s spacing (simulated in quick mode). */
  spacingMs: number;
}

/** The title and abstract of an entry, lower case. */
function searchable(entry: FeedEntry): string {
  const field = (name: string) => new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(entry.xml)?.[1] ?? '';
  return `${field('title')} ${field('summary')}`.toLowerCase();
}

/**
 * A local arXiv stand-in on loopback: a query gets the papers whose title or abstract contains a
 * phrase it quotes, newest first, limited by a `submittedDate` filter, paged like the real API.
 */
async function standIn(papers: ReadonlyArray<{ topic: string; entries: FeedEntry[] }>) {
  const server = createServer((req, res) => {
    const params = new URL(req.url ?? '/', 'http://x').searchParams;
    const q = params.get('search_query') ?? '';
    const start = Number(params.get('start') ?? 0);
    const max = Number(params.get('max_results') ?? 10);
    const dates = dateFilter(q);
    // Like arXiv: a quoted phrase matches titles and abstracts that contain it.
    const phrases = [...q.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.toLowerCase());
    const hits = [...new Map(papers.flatMap((p) => p.entries).map((e) => [e.xml, e])).values()]
      .filter((e) => phrases.some((phrase) => searchable(e).includes(phrase)))
      .filter((e) => !dates || (Date.parse(e.published) >= dates.from && Date.parse(e.published) <= dates.to))
      .sort((a, b) => b.published.localeCompare(a.published));
    res.writeHead(200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
    res.end(feedOf(hits.slice(start, start + max), hits.length));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function client(port: number, quick: boolean, spent: { ms: number }) {
  let last = 0;
  const spacing: SpacingStore = {
    getLastRequestAt: async () => last,
    setLastRequestAt: async (t) => void (last = t),
  };
  let offset = 0; // quick mode: simulated waiting moves this clock instead of the real one
  return new ArxivClient({
    spacing,
    now: () => Date.now() + offset,
    fetch: (input, init) => fetch(String(input).replace('https://export.arxiv.org', `http://127.0.0.1:${port}`), init),
    sleep: async (ms) => {
      spent.ms += ms;
      if (quick) offset += ms;
      else await new Promise((r) => setTimeout(r, ms));
    },
  });
}

/** One full check of these keywords at `now`, as the worker runs it; what it cost. */
async function check(db: AppDB, keywords: readonly Keyword[], arxiv: ArxivClient, now: number) {
  const states = new Map((await db.keywordStates.toArray()).map((s) => [s.keywordId, s]));
  const cycle = newCycle('all', 0, planSteps(keywords, states, keywordQuery), now);
  await db.cycles.put(cycle);
  const done = await runCycle(
    { db, client: arxiv, keywords: async () => keywords, papersPerKeyword: 100, now: () => now },
    cycle,
  );
  await db.cycles.delete('current');
  return done;
}

// Wednesday 2026-11-18. 18:00 UTC is 17 h after an announcement: a plain steady check.
const FILL_AT = Date.parse('2026-11-18T15:00:00Z');
const STEADY_AT = Date.parse('2026-11-18T18:00:00Z');
const AFTER_ANNOUNCEMENT = Date.parse('2026-11-19T01:30:00Z');

/**
 * A steady-state check (nothing new) of `count` keywords with this extension's design, and the
 * naive design (one request of 100 results per keyword; skipped when `withNaive` is false),
 * against the same local stand-in.
 */
export async function economy(
  count: number,
  quick: boolean,
  perKeyword = 30,
  withNaive = true,
): Promise<{ ours: EconomyResult; naive: EconomyResult }> {
  // Same-width numbers: the stand-in matches phrases as substrings, and "topic number 1" would
  // otherwise also match "topic number 12". Each keyword has `perKeyword` papers, a minute apart;
  // together they reach back perKeyword × count minutes, all within the week a check reads.
  const digits = String(count - 1).length;
  const keywords = Array.from({ length: count }, (_, i) =>
    createKeyword(`topic number ${String(i).padStart(digits, '0')}`),
  );
  const { server, port } = await standIn(
    keywords.map((k, i) => ({ topic: k.label, entries: recordedEntries(perKeyword, k.label, i * perKeyword) })),
  );
  try {
    const db = new AppDB(`bench-${Date.now()}`);
    await check(db, keywords, client(port, true, { ms: 0 }), FILL_AT); // first fill, not measured

    const spent = { ms: 0 };
    const start = performance.now();
    const cycle = await check(db, keywords, client(port, quick, spent), STEADY_AT);
    const wall = performance.now() - start + (quick ? spent.ms : 0);
    const ours = { requests: cycle.requests, bytes: cycle.bytes, wallMs: wall, spacingMs: spent.ms };

    const naiveSpent = { ms: 0 };
    const naiveClient = client(port, quick, naiveSpent);
    const naiveStart = performance.now();
    const naive: EconomyResult = { requests: 0, bytes: 0, wallMs: 0, spacingMs: 0 };
    for (const k of withNaive ? keywords : []) {
      const result = await naiveClient.fetchFeed(searchUrl(keywordQuery(k)!, { maxResults: 100 }));
      naive.requests += result.stats.requests;
      naive.bytes += result.stats.bytes;
    }
    naive.wallMs = performance.now() - naiveStart + (quick ? naiveSpent.ms : 0);
    naive.spacingMs = naiveSpent.ms;
    db.close();
    return { ours, naive };
  } finally {
    server.close();
  }
}

/**
 * A busy group: two keywords with 1,200 papers in a week. Requests of a steady check, of the
 * check after an announcement that brings a day of new papers (170, one of them held in
 * moderation for three days), and of the next check.
 */
export async function busyGroup(): Promise<{ steady: number; announcement: number; next: number; news: number }> {
  const keywords = [createKeyword('agent'), createKeyword('benchmark')];
  // 600 papers each, one every 16.8 minutes: a week of papers up to Nov 17, 12:00.
  const papers = keywords.map((k, i) => ({
    topic: k.label,
    entries: recordedEntries(600, k.label, i * 5_000, 16.8, Date.parse('2026-11-17T12:00:00Z')),
  }));
  const { server, port } = await standIn(papers);
  try {
    const db = new AppDB(`bench-busy-${Date.now()}`);
    const arxiv = client(port, true, { ms: 0 });
    await check(db, keywords, arxiv, FILL_AT);
    const steady = (await check(db, keywords, arxiv, STEADY_AT)).requests;
    // The announcement: 85 new papers per keyword after Nov 17, 12:00, and one held since Nov 15.
    const dayAfter = Date.parse('2026-11-18T12:00:00Z');
    for (const [i, group] of papers.entries())
      group.entries.unshift(...recordedEntries(85, group.topic, 20_000 + i * 100, 16.8, dayAfter));
    papers[0]!.entries.push(...recordedEntries(1, 'agent', 30_000, 1, Date.parse('2026-11-15T09:00:00Z')));
    const after = await check(db, keywords, arxiv, AFTER_ANNOUNCEMENT);
    const next = (await check(db, keywords, arxiv, AFTER_ANNOUNCEMENT + 3_600_000)).requests;
    db.close();
    return { steady, announcement: after.requests, next, news: new Set(Object.values(after.fresh).flat()).size };
  } finally {
    server.close();
  }
}
