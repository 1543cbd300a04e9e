/** One author of a paper, as arXiv lists them. */
export interface Author {
  name: string;
  affiliations: string[];
}

/** One paper entry from an arXiv Atom feed, normalised and safe to display as text. */
export interface ArxivEntry {
  /** arXiv id without the version suffix, e.g. `2503.20673` or `hep-th/9901001`. */
  id: string;
  /** Version number of this entry (the `vN` suffix); 1 when arXiv omits it. */
  version: number;
  title: string;
  summary: string;
  authors: Author[];
  /** ISO date of version 1. */
  published: string;
  /** ISO date of this version. */
  updated: string;
  categories: string[];
  primaryCategory?: string;
  comment?: string;
  journalRef?: string;
  doi?: string;
}

/** The parts of a feed the extension uses. */
export interface ArxivFeed {
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  entries: ArxivEntry[];
}

/** Why an arXiv answer could not be used. */
export type FeedErrorKind =
  | 'api-error' // arXiv's own error feed (bad query)
  | 'empty-body'
  | 'not-a-feed' // HTML maintenance page or other non-Atom document
  | 'malformed' // broken or truncated XML
  | 'network'
  | 'timeout'
  | 'http'
  | 'rate-limited';

/** A typed failure with a message a researcher can read. */
export interface FeedError {
  kind: FeedErrorKind;
  message: string;
  status?: number;
  /** Set when arXiv asked us to come back later (Retry-After). */
  retryAfterMs?: number;
}

export type FeedResult = { ok: true; feed: ArxivFeed } | { ok: false; error: FeedError };
