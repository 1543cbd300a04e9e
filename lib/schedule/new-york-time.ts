/**
 * New York wall-clock time, the clock arXiv announces by.
 * Every conversion asks Intl (the browser's own time-zone data), so there is no DST table to keep up
 * to date, and the results do not depend on the time zone of the machine running the code.
 */

export const NEW_YORK_TIME_ZONE = 'America/New_York';

/** A calendar date; month is 1–12. */
export type CalendarDate = { year: number; month: number; day: number };

/** Wall-clock time in New York; weekday 0 = Sunday … 6 = Saturday. */
export type NewYorkParts = CalendarDate & { weekday: number; hour: number; minute: number };

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// hourCycle 'h23' rather than hour12: false, which prints midnight as "24" in some engines.
const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: NEW_YORK_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
});

const weekdayName = new Intl.DateTimeFormat('en-US', { timeZone: NEW_YORK_TIME_ZONE, weekday: 'long' });

/** The New York date and time at an instant. Throws a RangeError for an invalid instant. */
export function newYorkParts(instant: number): NewYorkParts {
  const parts = wallClock.formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes): number => {
    const value = parts.find((part) => part.type === type)?.value;
    if (value === undefined) throw new Error(`Intl gave no ${type} for ${instant}`);
    return Number(value);
  };
  const date = { year: field('year'), month: field('month'), day: field('day') };
  return { ...date, weekday: weekdayOf(date), hour: field('hour'), minute: field('minute') };
}

/** The New York weekday name at an instant, e.g. "Sunday". */
export function newYorkWeekdayName(instant: number): string {
  return weekdayName.format(instant);
}

/** Day of the week of a calendar date, 0 = Sunday (pure date arithmetic, no time zone involved). */
export function weekdayOf(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** The calendar date `days` days after (or before, if negative) the given one. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** New York's UTC offset at an instant in ms (e.g. −4 h in summer), read back from Intl. */
function offsetAt(instant: number): number {
  const p = newYorkParts(instant);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return wall - Math.floor(instant / MINUTE_MS) * MINUTE_MS;
}

/**
 * The instant at which New York clocks show the given date and time (month 1–12).
 * On the DST days it resolves like Temporal's "compatible" rule: a time that happens twice in
 * November is the earlier one (still EDT); a time skipped in March is read with the winter offset,
 * so 02:30 becomes 03:30 EDT.
 */
export function instantAtNewYork(year: number, month: number, day: number, hour: number, minute: number): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offsets a day either side are the only candidates: New York changes offset twice a year.
  const before = offsetAt(wall - DAY_MS);
  const after = offsetAt(wall + DAY_MS);
  const matching = [before, after].map((offset) => wall - offset).filter((t) => offsetAt(t) === wall - t);
  return matching.length > 0 ? Math.min(...matching) : wall - before;
}
