import 'fake-indexeddb/auto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ArxivClient, type SpacingStore } from '../../lib/arxiv/client';
import { searchUrl } from '../../lib/arxiv/query';
import { runCycle } from '../../lib/check/cycle';
import { keywordQuery } from '../../lib/check/plan';
import { AppDB } from '../../lib/db/app-db';
import { createKeyword } from '../../lib/keywords/keyword';
import { feedOf, recordedEntries } from './feeds';

export interface EconomyResult {
  requests: number;
  bytes: number;
  wallMs: number;
  /** Part of the wall time spent in the mandatory 3 s spacing (simulated in quick mode). */
  spacingMs: number;
}

/**
 * A local arXiv stand-in on loopback: each keyword's phrase has `perKeyword` papers; a combined
 * query gets the papers of every phrase it quotes, newest first, paged like the real API.
 */
async function standIn(topics: readonly string[], perKeyword: number) {
  const papers = topics.map((t, i) => ({ topic: t, entries: recordedEntries(perKeyword, t, i * 1000) }));
  const server = createServer((req, res) => {
    const params = new URL(req.url ?? '/', 'http://x').searchParams;
    const q = params.get('search_query') ?? '';
    const start = Number(params.get('start') ?? 0);
    const max = Number(params.get('max_results') ?? 10);
    const hits = papers
      .filter((p) => q.includes(`"${p.topic}"`))
      .flatMap((p) => p.entries)
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

/**
 * A steady-state check (nothing new) of `count` keywords with this extension's design, and the
 * naive design (one request of 100 results per keyword), against the same local stand-in.
 */
export async function economy(count: number, quick: boolean): Promise<{ ours: EconomyResult; naive: EconomyResult }> {
  const keywords = Array.from({ length: count }, (_, i) => createKeyword(`topic number ${i}`));
  const { server, port } = await standIn(
    keywords.map((k) => k.label),
    30,
  );
  try {
    const db = new AppDB(`bench-${Date.now()}`);
    // 17 h after an announcement: a plain steady-state check, no deep scan due.
    const now = () => Date.parse('2026-11-18T18:00:00Z');
    const deps = { db, keywords, queryOf: keywordQuery, papersPerKeyword: 100, now };
    await runCycle({ ...deps, client: client(port, true, { ms: 0 }) }); // first fill, not measured
    await db.cycles.delete('current');

    const spent = { ms: 0 };
    const start = performance.now();
    const cycle = await runCycle({ ...deps, client: client(port, quick, spent) });
    const wall = performance.now() - start + (quick ? spent.ms : 0);
    const ours = { requests: cycle.requests, bytes: cycle.bytes, wallMs: wall, spacingMs: spent.ms };

    const naiveSpent = { ms: 0 };
    const naiveClient = client(port, quick, naiveSpent);
    const naiveStart = performance.now();
    const naive: EconomyResult = { requests: 0, bytes: 0, wallMs: 0, spacingMs: 0 };
    for (const k of keywords) {
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
