/** The check plan: when the next arXiv check should run, and why, in words for the popup. */
import { nextAnnouncement, previousAnnouncement } from './announcements';
import { newYorkWeekdayName } from './new-york-time';
import { parseScheduleSetting, type ScheduleSetting } from './schedule-setting';

/**
 * Checks after each announcement, in minutes. The listing goes out at 20:00 New York time, but the
 * search index the API reads can lag it by minutes to hours:
 * - +15 min: the index usually follows within minutes, so most nights this check finds everything;
 * - +1 h and +3 h: roughly tripling steps cover the slower nights without polling in between;
 * - +6 h: a last net for a badly lagging index; later stragglers are caught by the next night's
 *   checks, whose queries overlap the previous days.
 * Four checks × five announcements is 20 checks a week, against 56 for a plain three-hour interval,
 * which matters because arXiv asks clients not to re-ask what they already know.
 */
export const FOLLOW_UP_DELAYS_MIN: readonly number[] = [15, 60, 180, 360];

/** How far off a check that is due now is placed (Chrome fires alarms no sooner than 30 s anyway). */
export const SOON_DELAY_MIN = 1;

/** When the next check runs, and a short reason shown in the popup. */
export type CheckPlan = { at: number; reason: string };

/** The clock a plan is made against; lastCheckAt is absent before the first check. */
export type CheckClock = { now: number; lastCheckAt?: number };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const FIRST_DELAY_MS = (FOLLOW_UP_DELAYS_MIN[0] ?? 0) * MINUTE_MS;

export const REASON_FIRST_CHECK = 'first check';
export const REASON_MISSED = 'catch-up: an announcement was missed while the browser was closed';
export const REASON_OVERDUE = 'catch-up: the last check is overdue';
export const REASON_FOLLOW_UP = 'follow-up check for papers the index lists late';

/** A usable last-check time: undefined if unknown, and never later than now (the clock may go back). */
function lastCheckBefore(now: number, lastCheckAt: number | undefined): number | undefined {
  if (lastCheckAt === undefined || !Number.isFinite(lastCheckAt)) return undefined;
  return Math.min(lastCheckAt, now);
}

/**
 * True when a catch-up check is due, typically at browser start: an announcement plus the first
 * follow-up delay passed after the last check (or there never was one). In interval mode the user's
 * interval must also have run out, since they chose not to follow announcements.
 */
export function missedAnnouncement(setting: ScheduleSetting, clock: CheckClock): boolean {
  const { now } = clock;
  const lastCheckAt = lastCheckBefore(now, clock.lastCheckAt);
  if (lastCheckAt === undefined) return true;
  const papersListedAt = previousAnnouncement(now - FIRST_DELAY_MS) + FIRST_DELAY_MS;
  if (papersListedAt <= lastCheckAt) return false;
  const normal = parseScheduleSetting(setting);
  return normal.mode === 'follow-arxiv' || lastCheckAt + normal.hours * HOUR_MS <= now;
}

/** The first announcement follow-up strictly after now. */
function nextFollowUp(now: number): CheckPlan {
  for (const announcement of [previousAnnouncement(now), nextAnnouncement(now)]) {
    for (const [index, delay] of FOLLOW_UP_DELAYS_MIN.entries()) {
      const at = announcement + delay * MINUTE_MS;
      if (at <= now) continue;
      const day = newYorkWeekdayName(announcement);
      return { at, reason: index === 0 ? `shortly after ${day}'s arXiv announcement` : REASON_FOLLOW_UP };
    }
  }
  throw new Error(`No follow-up check found after ${now}`);
}

/**
 * The next check for a setting. A first or catch-up check is placed a minute from now; otherwise
 * follow-arxiv picks the next announcement + delay point, and interval mode lastCheckAt + hours.
 */
export function nextCheck(setting: ScheduleSetting, clock: CheckClock): CheckPlan {
  const { now } = clock;
  const soon = now + SOON_DELAY_MIN * MINUTE_MS;
  const lastCheckAt = lastCheckBefore(now, clock.lastCheckAt);
  if (lastCheckAt === undefined) return { at: soon, reason: REASON_FIRST_CHECK };
  const normal = parseScheduleSetting(setting);
  if (missedAnnouncement(normal, { now, lastCheckAt })) return { at: soon, reason: REASON_MISSED };
  if (normal.mode === 'follow-arxiv') return nextFollowUp(now);
  const due = lastCheckAt + normal.hours * HOUR_MS;
  if (due <= now) return { at: soon, reason: REASON_OVERDUE };
  return { at: due, reason: normal.hours === 1 ? 'every hour' : `every ${normal.hours} hours` };
}
