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
  /**
   * When the user said "Not interested" (version 7). The paper then leaves every list but "Hidden"
   * and is a negative example for the ranking; its matches' listing copy is 2 (see MatchRecord).
   * Written only through lib/db/read-state.ts.
   */
  hiddenAt?: number;
  /**
   * The "For you" ranking's score (version 7), written by the background ranking after each
   * training; absent while there is no model (fewer than three positives).
   */
  score?: number;
  /** Why the ranking scored the paper so: its strongest terms shared with the saved papers. */
  scoreWhy?: string[];
}

/** Where a match sits in its keyword's list: 0 unread, 1 read, 2 hidden ("Not interested"). */
export type ListFlag = Flag | 2;

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
  /**
   * A copy of the paper's read flag (version 5), so that a keyword's unread papers are an index
   * range; 2 when the paper is hidden (version 7), so that it is in neither range. Written only
   * through lib/db/read-state.ts, which keeps it equal to the paper's.
   */
  read: ListFlag;
}

/**
 * A number kept up to date with every change (version 5): unread papers, saved papers, hidden
 * papers (version 7), a keyword's unread papers. Written only through lib/db/read-state.ts.
 */
export interface CounterRecord {
  key: string;
  value: number;
}

/** What the extension knows about a keyword's checks. */
export interface KeywordStateRecord {
  keywordId: string;
  /**
   * The arXiv query this state belongs to. When the keyword's search changes, everything stored
   * for the old query goes and the keyword starts afresh (a new search is a new keyword).
   * Absent in states written before version 3: adopted by the next reconciliation.
   */
  query?: string;
  /** False until the first successful check filled the list (that one never notifies). */
  initialized: boolean;
  /** When the answers of the first fill were fetched: papers arXiv announces later can be news. */
  filledAt?: number;
  /** Fills that came back empty so far: the first is not believed (see store-step.ts). */
  emptyFills?: number;
  lastCheckAt?: number;
  lastSuccessAt?: number;
  /** A plain-language reason, cleared by the next success. */
  lastError?: string;
  /** totalResults of the last successful answer, to recognise spurious empty pages. */
  lastTotal: number;
  /** Version 2's last deep scan (no longer used: every check now reads the week exactly). */
  lastDeepScanAt?: number;
  /**
   * Every paper submitted since this time has been seen (epoch ms; 0 = all of them). A paper
   * never seen before is news only when it is at least this recent: older ones are simply
   * beyond what the first fill fetched, not new announcements.
   */
  coveredSince?: number;
}

/** Version 2's memory of every paper id ever stored (replaced by `known` and `announced`). */
export interface SeenRecord {
  id: string;
  firstSeenAt: number;
}

/**
 * A paper a keyword's search has returned (or that was looked at for it). Kept when the paper is
 * pruned from the list, so that it never comes back as news; removed with the keyword or when its
 * search changes.
 */
export interface KnownRecord {
  keywordId: string;
  paperId: string;
  /** Submission date (ISO), to count what a check's week holds. */
  published: string;
  /**
   * False when the keyword's search may well not return the paper (its rules matched only
   * loosely, or arXiv said no): it is still no news for the keyword, but it does not count among
   * the papers of the keyword's week.
   */
  sure?: false;
  /**
   * A combined query's group (its signature, see groupSignature) every keyword of which has had
   * its say on this paper: read in its answer, or weighed by the local rules without a claim.
   */
  heard?: string;
}

/**
 * A paper the user had read when it was deleted (no keyword listed it any more): if a keyword
 * finds it again, it comes back read. Only the id is kept.
 */
export interface ReadMemoryRecord {
  id: string;
  readAt?: number;
}

/** A paper that was news in a check: it is never announced again, whichever keyword finds it. */
export interface AnnouncedRecord {
  id: string;
  /** The check that announced it. */
  cycleId: string;
  at: number;
}

/**
 * A new paper that a combined query returned but that no keyword's local rules claimed: kept
 * (with its entry) until arXiv has been asked, keyword by keyword, which of them match it.
 */
export interface LookupRecord {
  paperId: string;
  entry: ArxivEntry;
  /** When the combined query fetched it (news needs a keyword filled before this). */
  fetchedAt: number;
  /** Keyword ids still to ask, with the query each had when the paper was fetched. */
  pending: Record<string, string>;
  /** Keyword ids whose own query returned the paper, with that query. */
  matched: Record<string, string>;
  /** Keywords that may match it, but arXiv's answer was too long to tell: listed, never announced. */
  uncertain?: string[];
  /** Keywords whose answer was an empty list (suspect when no keyword claims the paper). */
  emptyFrom?: Record<string, string>;
  /** How often such answers were asked again, and not before when. */
  rounds?: number;
  retryAt?: number;
}

/** Small records of the check engine: the queue of requested checks, the data epoch, cursors. */
export interface MetaRecord {
  key: string;
  value: unknown;
}

/** One step of a check: a keyword's first fill, a combined query, or a look-up of saved papers' versions. */
export interface CycleStep {
  key: string;
  kind: 'first' | 'combined' | 'revisions';
  keywordIds: string[];
  /** The query of each keyword when the step was planned: a step whose keyword changed is not stored. */
  queries: Record<string, string>;
  /** For 'revisions': the saved papers' ids to look up, and whether they are the sweep's last. */
  paperIds?: string[];
  endsSweep?: boolean;
}

/** The check in progress, stored step by step so that a stopped worker resumes it. */
export interface CycleRecord {
  key: 'current';
  id: string;
  /** Every keyword (a full check, which the schedule counts) or only some (a fill after an edit). */
  scope: 'all' | 'some';
  /** The data epoch it started in: after "Clear all data" nothing of it is written. */
  epoch: number;
  startedAt: number;
  steps: CycleStep[];
  /** Keys of the steps already stored. */
  doneSteps: string[];
  /** Papers new to the user, per keyword id, gathered so far. */
  fresh: Record<string, string[]>;
  /** The query each keyword of `fresh` had: news of a search changed since is not announced. */
  freshQueries: Record<string, string>;
  /** Saved papers that got a new version in this check. */
  revisedSaved: string[];
  outcomes: KeywordOutcomeRecord[];
  requests: number;
  bytes: number;
  finishedAt?: number;
  /** Set before the notification is shown: a resumed check never shows it twice. */
  notified?: boolean;
}

export type KeywordOutcomeKind = 'first' | 'new' | 'unchanged' | 'error' | 'glitch';

export interface KeywordOutcomeRecord {
  keywordId: string;
  kind: KeywordOutcomeKind;
  newCount: number;
  revisedCount: number;
  error?: string;
  /** Something the user should know although the check succeeded (e.g. a scan cut at its limit). */
  note?: string;
  /** arXiv asked us to wait this long before asking again. */
  retryAfterMs?: number;
}

/** The log of finished checks. */
export interface CheckLogRecord {
  id?: number;
  startedAt: number;
  finishedAt: number;
  /** Whether the check covered every keyword (the schedule counts only those). */
  scope?: CycleRecord['scope'];
  outcomes: KeywordOutcomeRecord[];
  /** The papers the check announced, per keyword id (absent in entries of older versions). */
  news?: Record<string, string[]>;
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

/**
 * A paper's words in the search index, each listed once under the most important field it occurs
 * in: what must be taken out of the postings when the paper changes or goes.
 */
export interface SearchDocRecord {
  /** The paper's id. */
  id: string;
  /** Words of the title. */
  title: string[];
  /** Words of the authors' names, the id and the comment that are not in the title. */
  meta: string[];
  /** Words of the abstract found nowhere else. */
  body: string[];
}

/**
 * The postings of one word in one block of ids: the papers that have it, as one space-separated string of entries,
 * each the field weight (one digit) followed by the paper id: `3 2611.00001` is written `32611.00001`.
 * One string rather than an array of records: IndexedDB stores and reads it in one piece.
 */
export interface SearchTermRecord {
  /** The word and the block of ids (see rowKey in search-index.ts): `graph 202611.01`. */
  key: string;
  postings: string;
}
