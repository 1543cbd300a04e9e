import type { ArxivEntry } from '../../../lib/arxiv/types';
import { dateFilter } from '../../support/query-filters';
import { atomFeed } from '../../unit/helpers';
import type { StandInReply } from './arxiv-stand-in';

/** One request as arXiv would read it. */
export interface AskedRequest {
  query: string;
  start: number;
  maxResults: number;
  idList?: string;
}

/** A request the world keeps in flight until the test lets it go (optionally with another answer). */
export interface Hold {
  /** Resolves when the held request has arrived. */
  arrived: Promise<AskedRequest>;
  release(reply?: StandInReply): void;
}

const FIELD_TEXT: Record<string, (e: ArxivEntry) => string> = {
  ti: (e) => e.title,
  abs: (e) => e.summary,
  au: (e) => e.authors.map((a) => a.name).join(' '),
  all: (e) => [e.title, e.summary, e.comment ?? '', ...e.authors.map((a) => a.name)].join(' '),
};

/** Decodes a request URL into what arXiv reads from it. */
export function askedOf(url: string | URL): AskedRequest {
  const params = new URL(url).searchParams;
  const idList = params.get('id_list') ?? undefined;
  return {
    query: params.get('search_query') ?? '',
    start: Number(params.get('start') ?? 0),
    maxResults: Number(params.get('max_results') ?? 10),
    ...(idList ? { idList } : {}),
  };
}

/**
 * The `field:"phrase"` alternatives of a query that is an OR of quoted phrases (optionally
 * limited by a submittedDate filter), or undefined for anything else: this world answers only
 * what it can answer exactly, and a query it cannot read fails the test loudly.
 */
function phrasesOf(query: string): Array<{ field: string; phrase: string }> | undefined {
  const bare = query.replace(/ AND submittedDate:\[\d{12} TO \d{12}\]$/, '');
  const phrases = [...bare.matchAll(/\b(ti|abs|au|all):"([^"]+)"/g)].map((m) => ({ field: m[1]!, phrase: m[2]! }));
  const rest = bare.replace(/\b(ti|abs|au|all):"[^"]+"/g, '').replace(/\bOR\b|[()\s]/g, '');
  return phrases.length > 0 && rest === '' ? phrases : undefined;
}

/**
 * A small arXiv over a set of papers, for the check engine's end-to-end tests: a search_query
 * that ORs quoted phrases gets every paper whose field contains one of them (case-insensitive),
 * limited by `submittedDate:[… TO …]`, newest submission first, paged with start/max_results,
 * with the true totalResults; `id_list` gets the latest version of the listed papers. Its answers
 * do not depend on the clock: the tests choose the submission dates.
 */
export class ArxivWorld {
  private readonly papers = new Map<string, ArxivEntry>();
  private holds: Array<{ gate: Promise<StandInReply | undefined>; arrive: (asked: AskedRequest) => void }> = [];

  /** Adds papers (or replaces them: a new version keeps its id). */
  add(...entries: ArxivEntry[]): void {
    for (const entry of entries) this.papers.set(entry.id, entry);
  }

  /** Keeps the next request in flight until `release` is called. */
  holdNext(): Hold {
    let arrive!: (asked: AskedRequest) => void;
    let release!: (reply?: StandInReply) => void;
    const arrived = new Promise<AskedRequest>((resolve) => (arrive = resolve));
    const gate = new Promise<StandInReply | undefined>((resolve) => (release = resolve));
    this.holds.push({ gate, arrive });
    return { arrived, release };
  }

  /** The stand-in's responder: pass it to `ArxivStandIn.serve`. */
  readonly respond = async (url: URL): Promise<StandInReply> => {
    const asked = askedOf(url);
    const hold = this.holds.shift();
    if (hold) {
      hold.arrive(asked);
      const reply = await hold.gate;
      if (reply) return reply;
    }
    return this.answer(asked);
  };

  private answer(asked: AskedRequest): StandInReply {
    if (asked.idList !== undefined) {
      const ids = asked.idList.split(',');
      return { body: atomFeed(ids.flatMap((id) => this.papers.get(id) ?? [])) };
    }
    const phrases = phrasesOf(asked.query);
    if (!phrases) return { status: 400, body: `The arXiv world cannot answer ${asked.query}` };
    const dates = dateFilter(asked.query);
    const hits = [...this.papers.values()]
      .filter((e) =>
        phrases.some(({ field, phrase }) => FIELD_TEXT[field]!(e).toLowerCase().includes(phrase.toLowerCase())),
      )
      .filter((e) => !dates || (Date.parse(e.published) >= dates.from && Date.parse(e.published) <= dates.to))
      .sort((a, b) => b.published.localeCompare(a.published));
    return { body: atomFeed(hits.slice(asked.start, asked.start + asked.maxResults), hits.length) };
  }
}

/** ISO time (whole seconds) `hours` before `from`. */
export function hoursBefore(from: number, hours: number): string {
  return new Date(from - hours * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `count` papers on a topic, one an hour back from `newestHoursAgo` hours before `now`, ids from `base`. */
export function papersOn(topic: string, count: number, now: number, newestHoursAgo: number, base: number) {
  return Array.from({ length: count }, (_, i): ArxivEntry => {
    const at = hoursBefore(now, newestHoursAgo + i);
    return {
      id: `2611.${String(base + i).padStart(5, '0')}`,
      version: 1,
      title: `A study of ${topic} number ${base + i}`,
      summary: `We look at ${topic} closely.`,
      authors: [{ name: 'Ada Lovelace', affiliations: [] }],
      published: at,
      updated: at,
      categories: ['cs.LG'],
      primaryCategory: 'cs.LG',
    };
  });
}
