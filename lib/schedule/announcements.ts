/**
 * When arXiv announces new submissions: Sunday to Thursday at 20:00 New York time, nothing on
 * Friday and Saturday. See https://info.arxiv.org/help/availability.html
 *
 * arXiv also skips a few holidays a year. They are published only shortly before, so the schedule
 * does not know them: on such a day it checks and finds nothing new, which costs a few requests and
 * never gives a wrong result.
 */
import { addDays, instantAtNewYork, newYorkParts, weekdayOf, type CalendarDate } from './new-york-time';

/** The New York hour of every announcement. */
export const ANNOUNCEMENT_HOUR = 20;

/** Announcement weekdays, 0 = Sunday … 4 = Thursday. */
const ANNOUNCEMENT_WEEKDAYS: ReadonlySet<number> = new Set([0, 1, 2, 3, 4]);

/** A week is enough to find an announcement in either direction. */
const SEARCH_DAYS = 7;

/** The announcement instant on a New York date, or undefined on Friday and Saturday. */
export function announcementOn(date: CalendarDate): number | undefined {
  if (!ANNOUNCEMENT_WEEKDAYS.has(weekdayOf(date))) return undefined;
  return instantAtNewYork(date.year, date.month, date.day, ANNOUNCEMENT_HOUR, 0);
}

/** True when arXiv announces on the current New York day (Sunday to Thursday). */
export function isAnnouncementDay(now: number): boolean {
  return ANNOUNCEMENT_WEEKDAYS.has(newYorkParts(now).weekday);
}

/** True on Friday and Saturday in New York, when the popup says "arXiv announces nothing today". */
export function announcesNothingToday(now: number): boolean {
  return !isAnnouncementDay(now);
}

/** The latest announcement instant at or before `now`. */
export function previousAnnouncement(now: number): number {
  const today = newYorkParts(now);
  for (let back = 0; back <= SEARCH_DAYS; back++) {
    const at = announcementOn(addDays(today, -back));
    if (at !== undefined && at <= now) return at;
  }
  throw new Error(`No arXiv announcement found before ${now}`);
}

/** The first announcement instant strictly after `now`. */
export function nextAnnouncement(now: number): number {
  const today = newYorkParts(now);
  for (let ahead = 0; ahead <= SEARCH_DAYS; ahead++) {
    const at = announcementOn(addDays(today, ahead));
    if (at !== undefined && at > now) return at;
  }
  throw new Error(`No arXiv announcement found after ${now}`);
}
