import { storage } from 'wxt/utils/storage';

/** What the pages show about checking: progress while running, the outcome afterwards. */
export interface CheckStatus {
  running: boolean;
  /** Steps finished in the running (or last) check. */
  done: number;
  total: number;
  /** Keyword(s) being checked right now. */
  current?: string;
  startedAt?: number;
  finishedAt?: number;
  /** New papers found by the last check. */
  lastNewCount?: number;
  /** arXiv requests and bytes used by the last check. */
  requests?: number;
  bytes?: number;
  /** When the last check of every keyword finished (the schedule counts from it; a fill does not). */
  lastFullCheckAt?: number;
}

export const checkStatusItem = storage.defineItem<CheckStatus>('local:checkStatus', {
  fallback: { running: false, done: 0, total: 0 },
});

/**
 * What the pages show about the schedule. Written only by lib/check/schedule.ts, from the alarms,
 * and kept apart from the check status: that one is reset ("Clear all data", a cancelled check)
 * by other writers, at any moment, and a reset must never hide the next check while its alarm is set.
 */
export interface CheckSchedule {
  /** The next planned check and why: always the earlier of the schedule and retry alarms. */
  nextCheckAt?: number;
  nextCheckReason?: string;
  /** Why the schedule alarm and the retry alarm (while it is set) are where they are. */
  scheduledReason?: string;
  retryReason?: string;
}

export const checkScheduleItem = storage.defineItem<CheckSchedule>('local:checkSchedule', { fallback: {} });
