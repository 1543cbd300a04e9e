import { afterEach, describe, expect, it } from 'vitest';
import {
  FOLLOW_UP_DELAYS_MIN,
  missedAnnouncement,
  nextCheck,
  REASON_FIRST_CHECK,
  REASON_FOLLOW_UP,
  REASON_MISSED,
  REASON_OVERDUE,
} from '../../../lib/schedule/next-check';
import type { ScheduleSetting } from '../../../lib/schedule/schedule-setting';

const at = (iso: string) => Date.parse(iso);
const MIN = 60_000;
const HOUR = 60 * MIN;
const followArxiv: ScheduleSetting = { mode: 'follow-arxiv' };
const every = (hours: number): ScheduleSetting => ({ mode: 'interval', hours });

describe('following arXiv', () => {
  it('plans the first follow-up after tonight’s announcement on a normal Monday', () => {
    const now = at('2026-03-16T12:00:00-04:00');
    expect(nextCheck(followArxiv, { now, lastCheckAt: now - HOUR })).toEqual({
      at: at('2026-03-16T20:15:00-04:00'),
      reason: "shortly after Monday's arXiv announcement",
    });
  });

  it('runs each follow-up, skips Friday and Saturday, and follows the March clock change', () => {
    const announcements = ['2026-03-02T01:00:00Z', '2026-03-03T01:00:00Z', '2026-03-04T01:00:00Z'];
    announcements.push('2026-03-05T01:00:00Z', '2026-03-06T01:00:00Z', '2026-03-09T00:00:00Z');
    const expected = announcements.flatMap((a) => FOLLOW_UP_DELAYS_MIN.map((d) => at(a) + d * MIN));
    expect(FOLLOW_UP_DELAYS_MIN).toEqual([15, 60, 180, 360]);

    let now = at('2026-03-01T12:00:00-05:00');
    const planned: number[] = [];
    while (planned.length < expected.length) {
      const plan = nextCheck(followArxiv, { now, lastCheckAt: now });
      planned.push(plan.at);
      now = plan.at; // the check runs on time
    }
    expect(planned.map((t) => new Date(t).toISOString())).toEqual(expected.map((t) => new Date(t).toISOString()));
  });

  it('labels the first check after an announcement and the later ones differently', () => {
    const announcement = at('2026-03-16T20:00:00-04:00');
    const clock = (now: number) => ({ now, lastCheckAt: now });
    expect(nextCheck(followArxiv, clock(announcement)).reason).toBe("shortly after Monday's arXiv announcement");
    expect(nextCheck(followArxiv, clock(announcement + 15 * MIN))).toEqual({
      at: announcement + HOUR,
      reason: REASON_FOLLOW_UP,
    });
  });

  it("waits from Thursday's last follow-up until Sunday's announcement", () => {
    const fridayMorning = at('2026-03-20T03:00:00-04:00');
    expect(nextCheck(followArxiv, { now: fridayMorning, lastCheckAt: fridayMorning })).toEqual({
      at: at('2026-03-22T20:15:00-04:00'),
      reason: "shortly after Sunday's arXiv announcement",
    });
  });

  it('checks in a minute when it has never checked', () => {
    const now = at('2026-03-16T12:00:00-04:00');
    expect(nextCheck(followArxiv, { now })).toEqual({ at: now + MIN, reason: REASON_FIRST_CHECK });
  });
});

describe('missed announcements', () => {
  const mondayMorning = at('2026-03-16T10:00:00-04:00');
  const tuesdayMorning = at('2026-03-17T09:00:00-04:00');

  it('catches up when the browser was closed over an announcement', () => {
    const clock = { now: tuesdayMorning, lastCheckAt: mondayMorning };
    expect(missedAnnouncement(followArxiv, clock)).toBe(true);
    expect(nextCheck(followArxiv, clock)).toEqual({ at: tuesdayMorning + MIN, reason: REASON_MISSED });
  });

  it('catches up when the last check came before the papers were listed', () => {
    const clock = { now: at('2026-03-16T22:00:00-04:00'), lastCheckAt: at('2026-03-16T20:05:00-04:00') };
    expect(missedAnnouncement(followArxiv, clock)).toBe(true);
  });

  it('does not catch up when nothing was announced while the browser was closed', () => {
    const overWeekend = { now: at('2026-03-22T12:00:00-04:00'), lastCheckAt: at('2026-03-19T23:30:00-04:00') };
    expect(missedAnnouncement(followArxiv, overWeekend)).toBe(false);
    expect(nextCheck(followArxiv, overWeekend).at).toBe(at('2026-03-22T20:15:00-04:00'));
    const sameDay = { now: at('2026-03-16T19:00:00-04:00'), lastCheckAt: mondayMorning };
    expect(missedAnnouncement(followArxiv, sameDay)).toBe(false);
  });

  it('does not catch up before the first follow-up delay has passed', () => {
    const clock = { now: at('2026-03-16T20:10:00-04:00'), lastCheckAt: at('2026-03-16T19:00:00-04:00') };
    expect(missedAnnouncement(followArxiv, clock)).toBe(false);
    expect(nextCheck(followArxiv, clock).at).toBe(at('2026-03-16T20:15:00-04:00'));
  });

  it('treats a last check in the future (clock turned back) as just done', () => {
    const clock = { now: mondayMorning, lastCheckAt: mondayMorning + 48 * HOUR };
    expect(missedAnnouncement(followArxiv, clock)).toBe(false);
    expect(nextCheck(every(6), clock)).toEqual({ at: mondayMorning + 6 * HOUR, reason: 'every 6 hours' });
  });
});

describe('fixed interval', () => {
  const now = at('2026-03-16T12:00:00-04:00');

  it('checks every 1 and every 24 hours after the last check', () => {
    expect(nextCheck(every(1), { now, lastCheckAt: now - 20 * MIN })).toEqual({
      at: now + 40 * MIN,
      reason: 'every hour',
    });
    expect(nextCheck(every(24), { now, lastCheckAt: now - 2 * HOUR })).toEqual({
      at: now + 22 * HOUR,
      reason: 'every 24 hours',
    });
  });

  it('clamps 0 to 1 hour and 25 to 24 hours, and treats NaN as following arXiv', () => {
    const lastCheckAt = now - 20 * MIN;
    expect(nextCheck(every(0), { now, lastCheckAt }).at).toBe(lastCheckAt + HOUR);
    expect(nextCheck(every(25), { now, lastCheckAt }).at).toBe(lastCheckAt + 24 * HOUR);
    expect(nextCheck(every(NaN), { now, lastCheckAt }).at).toBe(at('2026-03-16T20:15:00-04:00'));
  });

  it('waits for its interval even when an announcement has passed', () => {
    const clock = { now: at('2026-03-16T22:00:00-04:00'), lastCheckAt: at('2026-03-16T19:00:00-04:00') };
    expect(missedAnnouncement(every(24), clock)).toBe(false);
    expect(nextCheck(every(24), clock).at).toBe(at('2026-03-17T19:00:00-04:00'));
  });

  it('catches up when overdue, saying whether an announcement was missed', () => {
    const overAnnouncement = { now: at('2026-03-17T10:00:00-04:00'), lastCheckAt: at('2026-03-16T10:00:00-04:00') };
    expect(missedAnnouncement(every(6), overAnnouncement)).toBe(true);
    expect(nextCheck(every(6), overAnnouncement).reason).toBe(REASON_MISSED);
    const overSaturday = { now: at('2026-03-21T10:00:00-04:00'), lastCheckAt: at('2026-03-20T10:00:00-04:00') };
    expect(missedAnnouncement(every(6), overSaturday)).toBe(false);
    expect(nextCheck(every(6), overSaturday)).toEqual({ at: overSaturday.now + MIN, reason: REASON_OVERDUE });
  });
});

describe('independence from the machine time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it('plans the same instants whatever TZ the process runs in', () => {
    const now = at('2026-03-19T23:30:00-04:00'); // Thursday night in New York, Friday in Tokyo
    const offsets: number[] = [];
    for (const zone of ['Asia/Tokyo', 'Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
      process.env.TZ = zone;
      offsets.push(new Date(now).getTimezoneOffset());
      expect(nextCheck(followArxiv, { now, lastCheckAt: now }).at).toBe(at('2026-03-20T02:00:00-04:00'));
      expect(nextCheck(followArxiv, { now: now + 3 * HOUR, lastCheckAt: now }).at).toBe(
        at('2026-03-22T20:15:00-04:00'),
      );
    }
    expect(new Set(offsets).size).toBe(4); // the zones really changed
  });
});
