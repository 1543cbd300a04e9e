import { describe, expect, it } from 'vitest';
import {
  announcesNothingToday,
  isAnnouncementDay,
  nextAnnouncement,
  previousAnnouncement,
} from '../../../lib/schedule/announcements';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

/** The next `count` announcements after `from`, as ISO strings. */
function announcementsAfter(from: number, count: number): string[] {
  const found: string[] = [];
  for (let t = from; found.length < count;) {
    t = nextAnnouncement(t);
    found.push(new Date(t).toISOString());
  }
  return found;
}

describe('a normal Monday', () => {
  const mondayMorning = at('2026-03-16T10:00:00-04:00');

  it("has Sunday's announcement behind it and its own ahead", () => {
    expect(previousAnnouncement(mondayMorning)).toBe(at('2026-03-15T20:00:00-04:00'));
    expect(nextAnnouncement(mondayMorning)).toBe(at('2026-03-16T20:00:00-04:00'));
    expect(isAnnouncementDay(mondayMorning)).toBe(true);
    expect(announcesNothingToday(mondayMorning)).toBe(false);
  });

  it('counts an announcement at exactly now as previous, not next', () => {
    const announcement = at('2026-03-16T20:00:00-04:00');
    expect(previousAnnouncement(announcement)).toBe(announcement);
    expect(nextAnnouncement(announcement)).toBe(at('2026-03-17T20:00:00-04:00'));
  });
});

describe('the weekend', () => {
  it('skips Friday and Saturday after Thursday evening', () => {
    const thursdayNight = at('2026-03-19T21:00:00-04:00');
    expect(previousAnnouncement(thursdayNight)).toBe(at('2026-03-19T20:00:00-04:00'));
    expect(nextAnnouncement(thursdayNight)).toBe(at('2026-03-22T20:00:00-04:00'));
  });

  it("keeps Thursday's announcement as the latest through Sunday afternoon", () => {
    expect(previousAnnouncement(at('2026-03-21T12:00:00-04:00'))).toBe(at('2026-03-19T20:00:00-04:00'));
    expect(previousAnnouncement(at('2026-03-22T19:59:00-04:00'))).toBe(at('2026-03-19T20:00:00-04:00'));
  });

  it('announces nothing on Friday and Saturday, but does on Sunday and Thursday', () => {
    expect(announcesNothingToday(at('2026-03-20T09:00:00-04:00'))).toBe(true); // Friday
    expect(announcesNothingToday(at('2026-03-21T09:00:00-04:00'))).toBe(true); // Saturday
    expect(announcesNothingToday(at('2026-03-22T09:00:00-04:00'))).toBe(false); // Sunday
    expect(announcesNothingToday(at('2026-03-19T09:00:00-04:00'))).toBe(false); // Thursday
  });

  it('goes by the New York day, not the UTC day', () => {
    // Saturday 22:00 in New York is already Sunday in UTC; Thursday 23:00 is already Friday.
    expect(announcesNothingToday(at('2026-03-21T22:00:00-04:00'))).toBe(true);
    expect(announcesNothingToday(at('2026-03-19T23:00:00-04:00'))).toBe(false);
  });
});

describe('the weeks the clocks change', () => {
  it('moves from 01:00 UTC to 00:00 UTC when summer time starts on 8 March 2026', () => {
    expect(announcementsAfter(at('2026-02-28T12:00:00Z'), 6)).toEqual([
      '2026-03-02T01:00:00.000Z', // Sunday 1 March, EST
      '2026-03-03T01:00:00.000Z',
      '2026-03-04T01:00:00.000Z',
      '2026-03-05T01:00:00.000Z',
      '2026-03-06T01:00:00.000Z', // Thursday 5 March, EST
      '2026-03-09T00:00:00.000Z', // Sunday 8 March, EDT
    ]);
  });

  it('moves from 00:00 UTC to 01:00 UTC when summer time ends on 1 November 2026', () => {
    expect(announcementsAfter(at('2026-10-24T12:00:00Z'), 6)).toEqual([
      '2026-10-26T00:00:00.000Z', // Sunday 25 October, EDT
      '2026-10-27T00:00:00.000Z',
      '2026-10-28T00:00:00.000Z',
      '2026-10-29T00:00:00.000Z',
      '2026-10-30T00:00:00.000Z', // Thursday 29 October, EDT
      '2026-11-02T01:00:00.000Z', // Sunday 1 November, EST
    ]);
  });

  it('has a 71-hour weekend gap in March and a 73-hour one in November', () => {
    const march = nextAnnouncement(at('2026-03-06T01:00:00Z')) - at('2026-03-06T01:00:00Z');
    const november = nextAnnouncement(at('2026-10-30T00:00:00Z')) - at('2026-10-30T00:00:00Z');
    expect(march).toBe(71 * HOUR);
    expect(november).toBe(73 * HOUR);
  });
});
