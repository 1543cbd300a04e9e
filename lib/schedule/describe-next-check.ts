/** The popup's one line about the next check, e.g. "Next check in 3 h (every 6 hours)". */
import type { CheckPlan } from './next-check';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Up to this far ahead a relative time reads best; beyond it, the clock time does. */
const RELATIVE_LIMIT_MIN = 12 * 60;

/** Days since the epoch of the calendar date at an instant in a time zone. */
function dayNumber(instant: number, timeZone: string | undefined): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(field('year'), field('month') - 1, field('day')) / DAY_MS;
}

function clockTime(instant: number, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    instant,
  );
}

function when(at: number, now: number, timeZone: string | undefined): string {
  const minutes = Math.round((at - now) / MINUTE_MS);
  if (minutes < 1) return 'in a moment';
  if (minutes < 60) return `in ${minutes} min`;
  if (minutes < RELATIVE_LIMIT_MIN) return `in ${Math.round(minutes / 60)} h`;
  const time = clockTime(at, timeZone);
  const days = dayNumber(at, timeZone) - dayNumber(now, timeZone);
  if (days === 0) return `at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  const weekday = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long' }).format(at);
  return `on ${weekday} at ${time}`;
}

/**
 * One line for the popup: relative within 12 hours ("in 15 min", "in 3 h"), otherwise the clock
 * time ("at 20:15", "tomorrow at 02:15", "on Sunday at 20:15") in `timeZone`, which defaults to the
 * user's own.
 */
export function describeNextCheck(plan: CheckPlan, now: number, timeZone?: string): string {
  return `Next check ${when(plan.at, now, timeZone)} (${plan.reason})`;
}
