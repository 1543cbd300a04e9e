import { nextAnnouncement } from '../../../../lib/schedule/announcements';
import { dateFilter } from '../../../support/query-filters';
import { atomFeed, entry } from '../../helpers';

/** Words keywords search for; a paper's title is made of words from WORDS and OTHER_WORDS. */
export const WORDS = ['alpha', 'beta', 'gamma', 'delta'] as const;
export const OTHER_WORDS = ['zeta', 'omega'] as const;
/**
 * arXiv's index knows things the local rules do not (stems, synonyms): here, a search for "alpha"
 * also returns papers about "zeta". Those papers are what the local matcher cannot claim.
 */
const ALIASES: Record<string, string[]> = { alpha: ['zeta'] };

export interface WorldPaper {
  id: string;
  words: string[];
  published: number;
  /** When arXiv's API starts returning it (announcement + index lag). */
  visibleAt: number;
  /** Later versions, each visible from its own time. */
  revisions: Array<{ version: number; visibleAt: number }>;
}

export type Fault = '503' | '429' | 'empty' | 'truncated' | 'reset' | 'html' | 'timeout';

export interface SentRequest {
  at: number;
  url: string;
  /** arXiv's Retry-After in force when the request arrived. */
  notBefore: number;
}

const HOUR = 3_600_000;

/**
 * A simulated arXiv over simulated days: papers become visible at announcements (with index
 * lag, moderation holds and revisions), queries are answered like the API (quoted words ORed,
 * `submittedDate` filters, `id_list`, paging), faults can be queued, and every request is
 * recorded with its time.
 */
export class World {
  readonly papers: WorldPaper[] = [];
  readonly requests: SentRequest[] = [];
  faults: Fault[] = [];
  notBefore = 0;
  private next = 1;

  constructor(private readonly random: () => number) {}

  /** Whether arXiv's search for `word` returns the paper. */
  static matches(paper: WorldPaper, word: string): boolean {
    return paper.words.includes(word) || (ALIASES[word] ?? []).some((alias) => paper.words.includes(alias));
  }

  /** Papers arXiv will announce next (after `now`), visible a few hours later. */
  announce(now: number, items: ReadonlyArray<{ words: string[]; held: boolean }>): WorldPaper[] {
    const at = nextAnnouncement(now);
    return items.map(({ words, held }) => {
      // A held paper was submitted one to four days before; others in the day before.
      const published = at - (held ? 24 + Math.floor(this.random() * 72) : 1 + Math.floor(this.random() * 20)) * HOUR;
      const paper: WorldPaper = {
        id: `2611.${String(this.next++).padStart(5, '0')}`,
        words,
        published: published - Math.floor(this.random() * 3_600) * 1000,
        visibleAt: at + Math.floor(this.random() * 5 * HOUR),
        revisions: [],
      };
      this.papers.push(paper);
      return paper;
    });
  }

  /** A new version of a paper, announced with the next announcement. */
  revise(paper: WorldPaper, now: number): void {
    const version = (paper.revisions.at(-1)?.version ?? 1) + 1;
    paper.revisions.push({ version, visibleAt: nextAnnouncement(now) + Math.floor(this.random() * 5 * HOUR) });
  }

  visible(now: number): WorldPaper[] {
    return this.papers.filter((p) => p.visibleAt <= now);
  }

  private asEntry(paper: WorldPaper, now: number) {
    const revision = paper.revisions.filter((r) => r.visibleAt <= now).at(-1);
    const published = new Date(paper.published).toISOString();
    return entry(paper.id, {
      version: revision?.version ?? 1,
      title: `On ${paper.words.join(' and ')}`,
      summary: 'A study.',
      published,
      updated: revision ? new Date(revision.visibleAt).toISOString() : published,
    });
  }

  /** The fetch the extension's client uses: arXiv's answer to one request at `Date.now()`. */
  async fetch(url: string): Promise<Response> {
    const now = Date.now();
    this.requests.push({ at: now, url, notBefore: this.notBefore });
    const fault = this.faults.shift();
    if (fault === 'reset') throw new TypeError('Failed to fetch');
    if (fault === 'timeout') throw new DOMException('The operation timed out.', 'TimeoutError');
    if (fault === '503' || fault === '429') {
      const seconds = 60 + Math.floor(this.random() * 1_200);
      this.notBefore = now + seconds * 1000;
      return new Response('busy', { status: Number(fault), headers: { 'Retry-After': String(seconds) } });
    }
    if (fault === 'html') return new Response('<html><body>Down for maintenance</body></html>', { status: 200 });
    const params = new URL(url).searchParams;
    const start = Number(params.get('start') ?? 0);
    const max = Number(params.get('max_results') ?? 10);
    const idList = params.get('id_list');
    let hits: WorldPaper[];
    if (idList) {
      const ids = new Set(idList.split(','));
      hits = this.visible(now).filter((p) => ids.has(p.id));
    } else {
      const query = params.get('search_query') ?? '';
      const words = [...query.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
      const dates = dateFilter(query);
      hits = this.visible(now).filter(
        (p) =>
          words.some((w) => World.matches(p, w)) && (!dates || (p.published >= dates.from && p.published <= dates.to)),
      );
    }
    hits.sort((a, b) => b.published - a.published || (a.id < b.id ? 1 : -1));
    const page = fault === 'empty' ? [] : hits.slice(start, start + max);
    const body = atomFeed(
      page.map((p) => this.asEntry(p, now)),
      hits.length,
    );
    return new Response(fault === 'truncated' ? body.slice(0, Math.floor(body.length / 2)) : body, {
      status: 200,
      headers: { 'Content-Type': 'application/atom+xml' },
    });
  }
}
