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
  /** The next planned check and why. */
  nextCheckAt?: number;
  nextCheckReason?: string;
}

export const checkStatusItem = storage.defineItem<CheckStatus>('local:checkStatus', {
  fallback: { running: false, done: 0, total: 0 },
});
