import type { ArxivEntry } from '../arxiv/types';

/** 0/1 instead of booleans because IndexedDB cannot index booleans. */
export type Flag = 0 | 1;

/** One paper, stored once whatever the number of keywords that matched it (keyed by id without version). */
export interface PaperRecord extends ArxivEntry {
  /** When the extension first stored this paper. */
  firstSeenAt: number;
  /** When a newer version than the first one seen arrived. */
  revisedAt?: number;
  read: Flag;
  readAt?: number;
  saved: Flag;
  savedAt?: number;
}

/** A keyword matched a paper; one row per pair. */
export interface MatchRecord {
  keywordId: string;
  paperId: string;
  /** When this keyword first matched the paper. */
  firstSeenAt: number;
  /** Copied from the paper. */
  published: string;
  /**
   * Where the paper sits in the keyword's list (ISO time): its submission date, or, for a paper
   * announced as news, the time it was found, so that a paper held in moderation for days still
   * comes first and is not pruned as "old".
   */
  listedAt: string;
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
  /** When a full pass over the overlap window (moderation holds) last completed for this keyword. */
  lastDeepScanAt?: number;
  /**
   * Every paper submitted since this time has been seen (epoch ms; 0 = all of them). A paper
   * never seen before is news only when it is at least this recent: older ones are simply
   * beyond what the first fill fetched, not new announcements.
   */
  coveredSince?: number;
}

/** Every paper id ever stored, so that a pruned paper coming back is never announced as new. */
export interface SeenRecord {
  id: string;
  firstSeenAt: number;
}

/** One step of a check: the first fill of a keyword, or a combined query for several keywords. */
export interface CycleStep {
  key: string;
  kind: 'first' | 'combined';
  keywordIds: string[];
}

/** The check in progress, stored step by step so that a stopped worker resumes it. */
export interface CycleRecord {
  key: 'current';
  id: string;
  startedAt: number;
  steps: CycleStep[];
  /** Keys of the steps already stored. */
  doneSteps: string[];
  /** Papers never seen before that this check stored (for any keyword). */
  newInCycle: string[];
  /** Papers new to the user, per keyword id, gathered so far. */
  fresh: Record<string, string[]>;
  /** Saved papers that got a new version in this check. */
  revisedSaved: string[];
  outcomes: KeywordOutcomeRecord[];
  requests: number;
  bytes: number;
  finishedAt?: number;
  notified?: boolean;
}

export type KeywordOutcomeKind = 'first' | 'new' | 'unchanged' | 'error' | 'glitch';

export interface KeywordOutcomeRecord {
  keywordId: string;
  kind: KeywordOutcomeKind;
  newCount: number;
  revisedCount: number;
  error?: string;
  /** arXiv asked us to wait this long before asking again. */
  retryAfterMs?: number;
}

/** The log of finished checks. */
export interface CheckLogRecord {
  id?: number;
  startedAt: number;
  finishedAt: number;
  outcomes: KeywordOutcomeRecord[];
  requests: number;
  bytes: number;
}

/** What a click on a notification opens; kept in the database so it survives a worker restart. */
export interface NotificationTargetRecord {
  notificationId: string;
  keywordId?: string;
  paperId?: string;
  createdAt: number;
}
