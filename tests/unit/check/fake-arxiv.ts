import type { ClientResult } from '../../../lib/arxiv/client';
import type { ArxivEntry, FeedError } from '../../../lib/arxiv/types';
import { dateFilter } from '../../support/query-filters';

/**
 * An in-memory arXiv for check tests: each phrase has its papers; a query (single or combined
 * with OR) gets every paper of every phrase it quotes, newest submission first, paged with
 * start/max_results like the real API, limited by a `submittedDate` filter; `id_list` fetches
 * papers by id. Every request is recorded.
 */
export class FakeArxiv {
  readonly corpus = new Map<string, ArxivEntry[]>();
  readonly requests: Array<{ query: string; start: number; maxResults: number; idList?: string }> = [];
  /** When set, the next requests fail with these errors (one each). */
  failures: FeedError[] = [];
  /** When set, answers are empty (a spurious empty page). */
  empty = false;
  /** When set, pages hold at most this many entries, whatever was asked (a short page). */
  shortPages?: number;

  /** Sets the papers a phrase matches. */
  set(phrase: string, entries: ArxivEntry[]): void {
    this.corpus.set(phrase, entries);
  }

  async fetchFeed(url: string): Promise<ClientResult> {
    const params = new URL(url).searchParams;
    const query = params.get('search_query') ?? '';
    const start = Number(params.get('start') ?? 0);
    const maxResults = Number(params.get('max_results') ?? 10);
    const idList = params.get('id_list') ?? undefined;
    this.requests.push({ query, start, maxResults, ...(idList ? { idList } : {}) });
    const stats = { requests: 1, bytes: 1000 };
    const failure = this.failures.shift();
    if (failure) return { ok: false, error: failure, stats };
    const hits = new Map<string, ArxivEntry>();
    const dates = dateFilter(query);
    const ids = idList ? new Set(idList.split(',')) : undefined;
    for (const [phrase, entries] of this.corpus) {
      if (!ids && !query.includes(`"${phrase}"`)) continue;
      for (const e of entries) {
        if (ids && !ids.has(e.id)) continue;
        const at = Date.parse(e.published);
        if (dates && (at < dates.from || at > dates.to)) continue;
        hits.set(e.id, e);
      }
    }
    const sorted = [...hits.values()].sort((a, b) => b.published.localeCompare(a.published));
    const entries = this.empty ? [] : sorted.slice(start, start + Math.min(maxResults, this.shortPages ?? Infinity));
    const totalResults = this.empty ? 0 : sorted.length;
    return { ok: true, feed: { entries, totalResults, startIndex: start, itemsPerPage: maxResults }, stats };
  }
}

/** `count` entries for a topic, one per hour back from `newest` (ISO), ids from `base`. */
export function series(topic: string, count: number, newest: string, base: number): ArxivEntry[] {
  const top = Date.parse(newest);
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(top - i * 3_600_000).toISOString().replace('.000Z', 'Z');
    const id = `2611.${String(base + i).padStart(5, '0')}`;
    return {
      id,
      version: 1,
      title: `${topic} study number ${base + i}`,
      summary: `We investigate ${topic} in depth.`,
      authors: [{ name: 'Ada Lovelace', affiliations: [] }],
      published: at,
      updated: at,
      categories: ['cs.LG'],
      primaryCategory: 'cs.LG',
    };
  });
}
