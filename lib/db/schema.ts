import type { Author } from '../arxiv/types';

/** 0/1 instead of booleans because IndexedDB cannot index booleans. */
export type Flag = 0 | 1;

/** One paper, stored once whatever the number of keywords that matched it. */
export interface PaperRecord {
  /** arXiv id without version. */
  id: string;
  version: number;
  title: string;
  summary: string;
  authors: Author[];
  published: string;
  updated: string;
  categories: string[];
  primaryCategory?: string;
  comment?: string;
  journalRef?: string;
  doi?: string;
  /** When the extension first stored this paper. */
  firstSeenAt: number;
  /** When a newer version than the first one seen arrived. */
  revisedAt?: number;
  read: Flag;
  readAt?: number;
  saved: Flag;
}

/** A keyword matched a paper; one row per pair. */
export interface MatchRecord {
  keywordId: string;
  paperId: string;
  /** When this keyword first matched the paper. */
  firstSeenAt: number;
  /** Copied from the paper so a keyword's list can be read newest first from an index. */
  published: string;
}

/** What the extension knows about a keyword's checks. */
export interface KeywordStateRecord {
  keywordId: string;
  /** False until the first successful check filled the list (that one never notifies). */
  initialized: boolean;
  lastCheckAt?: number;
  lastSuccessAt?: number;
  /** A plain-language reason, cleared by the next success. */
  lastError?: string;
  /** totalResults of the last successful answer, to recognise spurious empty pages. */
  lastTotal: number;
}
