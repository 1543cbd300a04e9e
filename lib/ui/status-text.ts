/** The popup's status lines, in plain words. */
import type { CheckSchedule, CheckStatus } from '../check/check-status';
import type { KeywordStateRecord } from '../db/schema';
import type { Keyword } from '../keywords/keyword';
import { describeNextCheck } from '../schedule/describe-next-check';
import { timeAgo } from './format';

/** What the last check did, or what the running one is doing ("Checking “x” (2 of 7)…"). */
export function statusLine(status: CheckStatus | undefined, now = Date.now()): string {
  if (!status) return '';
  if (status.running) {
    const step = Math.min(status.done + 1, status.total);
    if (status.total === 0) return 'Starting the check…';
    return status.current
      ? `Checking “${status.current}” (${step} of ${status.total})…`
      : `Checking ${step} of ${status.total}…`;
  }
  if (!status.finishedAt) return 'Not checked yet.';
  const found = status.lastNewCount ? ` · ${status.lastNewCount} new` : '';
  // The page clock ticks every 30 s; a check that just finished must not read "in 1 min".
  return `Last checked ${timeAgo(status.finishedAt, Math.max(now, status.finishedAt))}${found}`;
}

/** "Next check in 3 h (shortly after Monday's arXiv announcement)", when a check is planned and none runs. */
export function nextCheckLine(
  status: CheckStatus | undefined,
  schedule: CheckSchedule | undefined,
  now = Date.now(),
): string | undefined {
  if (!status || status.running || schedule?.nextCheckAt === undefined) return undefined;
  return describeNextCheck({ at: schedule.nextCheckAt, reason: schedule.nextCheckReason ?? 'scheduled' }, now);
}

/** Why checks failed: one line per keyword, or one line when arXiv failed them all the same way. */
export function failureLines(keywords: readonly Keyword[], states: readonly KeywordStateRecord[]): string[] {
  const enabled = keywords.filter((k) => k.enabled);
  const errors = new Map(states.filter((s) => s.lastError).map((s) => [s.keywordId, s.lastError!]));
  const failed = enabled.filter((k) => errors.has(k.id));
  if (failed.length === 0) return [];
  const reasons = new Set(failed.map((k) => errors.get(k.id)));
  if (failed.length > 1 && failed.length === enabled.length && reasons.size === 1) {
    return [
      `The last check failed for every keyword: ${[...reasons][0]} Nothing was changed; the next check will try again.`,
    ];
  }
  return failed.map((k) => `“${k.label}” could not be checked: ${errors.get(k.id)}`);
}
