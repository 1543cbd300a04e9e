import { describe, expect, it } from 'vitest';
import {
  addDays,
  instantAtNewYork,
  newYorkParts,
  newYorkWeekdayName,
  weekdayOf,
} from '../../../lib/schedule/new-york-time';

const utc = (iso: string) => Date.parse(iso);

describe('newYorkParts', () => {
  it('reads summer time as UTC−4 and winter time as UTC−5', () => {
    expect(newYorkParts(utc('2026-07-06T16:30:00Z'))).toEqual({
      year: 2026,
      month: 7,
      day: 6,
      weekday: 1,
      hour: 12,
      minute: 30,
    });
    expect(newYorkParts(utc('2026-01-05T16:30:00Z'))).toMatchObject({ day: 5, hour: 11, minute: 30 });
  });

  it('gives the New York date, not the UTC date, in the evening', () => {
    // Friday 01:00 UTC is still Thursday 20:00 in New York (EST).
    expect(newYorkParts(utc('2026-03-06T01:00:00Z'))).toMatchObject({ month: 3, day: 5, weekday: 4, hour: 20 });
  });

  it('writes midnight as hour 0', () => {
    expect(newYorkParts(utc('2026-03-09T04:00:00Z'))).toMatchObject({ day: 9, weekday: 1, hour: 0, minute: 0 });
  });

  it('names the New York weekday', () => {
    expect(newYorkWeekdayName(utc('2026-03-09T00:00:00Z'))).toBe('Sunday');
  });
});

describe('instantAtNewYork', () => {
  it('resolves 20:00 around the March 2026 change (Sunday 8 March)', () => {
    expect(instantAtNewYork(2026, 3, 5, 20, 0)).toBe(utc('2026-03-06T01:00:00Z')); // Thursday, EST
    expect(instantAtNewYork(2026, 3, 8, 20, 0)).toBe(utc('2026-03-09T00:00:00Z')); // Sunday, EDT
    expect(instantAtNewYork(2026, 3, 9, 20, 0)).toBe(utc('2026-03-10T00:00:00Z'));
  });

  it('resolves 20:00 around the November 2026 change (Sunday 1 November)', () => {
    expect(instantAtNewYork(2026, 10, 29, 20, 0)).toBe(utc('2026-10-30T00:00:00Z')); // Thursday, EDT
    expect(instantAtNewYork(2026, 11, 1, 20, 0)).toBe(utc('2026-11-02T01:00:00Z')); // Sunday, EST
  });

  it('moves a time skipped by the spring change forward by the hour it skips', () => {
    expect(instantAtNewYork(2026, 3, 8, 1, 59)).toBe(utc('2026-03-08T06:59:00Z'));
    expect(instantAtNewYork(2026, 3, 8, 2, 30)).toBe(utc('2026-03-08T07:30:00Z')); // reads 03:30 EDT
    expect(instantAtNewYork(2026, 3, 8, 3, 0)).toBe(utc('2026-03-08T07:00:00Z'));
  });

  it('takes the first of a time that happens twice in the autumn', () => {
    expect(instantAtNewYork(2026, 11, 1, 0, 30)).toBe(utc('2026-11-01T04:30:00Z'));
    expect(instantAtNewYork(2026, 11, 1, 1, 30)).toBe(utc('2026-11-01T05:30:00Z')); // EDT, not EST
    expect(instantAtNewYork(2026, 11, 1, 2, 0)).toBe(utc('2026-11-01T07:00:00Z'));
  });

  it('round-trips every half hour across both change weekends', () => {
    const repeatedHourStart = utc('2026-11-01T06:00:00Z'); // 01:00 EST, the second 01:00
    const repeatedHourEnd = utc('2026-11-01T07:00:00Z');
    for (const start of [utc('2026-03-07T00:00:00Z'), utc('2026-10-31T00:00:00Z')]) {
      for (let t = start; t < start + 3 * 86_400_000; t += 30 * 60_000) {
        const p = newYorkParts(t);
        const back = instantAtNewYork(p.year, p.month, p.day, p.hour, p.minute);
        const inRepeatedHour = t >= repeatedHourStart && t < repeatedHourEnd;
        expect(back).toBe(inRepeatedHour ? t - 3_600_000 : t);
      }
    }
  });
});

describe('calendar arithmetic', () => {
  it('adds days across month and year ends', () => {
    expect(addDays({ year: 2026, month: 12, day: 30 }, 3)).toEqual({ year: 2027, month: 1, day: 2 });
    expect(addDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({ year: 2026, month: 2, day: 28 });
  });

  it('finds the weekday of a date', () => {
    expect(weekdayOf({ year: 2026, month: 3, day: 8 })).toBe(0);
    expect(weekdayOf({ year: 2026, month: 3, day: 6 })).toBe(5);
  });
});
