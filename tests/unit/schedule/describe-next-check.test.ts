import { describe, expect, it } from 'vitest';
import { describeNextCheck } from '../../../lib/schedule/describe-next-check';

const at = (iso: string) => Date.parse(iso);
const MIN = 60_000;
const HOUR = 60 * MIN;
const NEW_YORK = 'America/New_York';
const reason = "shortly after Monday's arXiv announcement";

describe('describeNextCheck', () => {
  const now = at('2026-03-16T12:00:00-04:00');
  const plan = (offset: number) => ({ at: now + offset, reason });

  it('says minutes within the hour', () => {
    expect(describeNextCheck(plan(0), now, NEW_YORK)).toBe(`Next check in a moment (${reason})`);
    expect(describeNextCheck(plan(MIN), now, NEW_YORK)).toBe(`Next check in 1 min (${reason})`);
    expect(describeNextCheck(plan(59 * MIN), now, NEW_YORK)).toBe(`Next check in 59 min (${reason})`);
  });

  it('says rounded hours within twelve hours', () => {
    expect(describeNextCheck(plan(3 * HOUR), now, NEW_YORK)).toBe(`Next check in 3 h (${reason})`);
    expect(describeNextCheck(plan(2 * HOUR + 40 * MIN), now, NEW_YORK)).toBe(`Next check in 3 h (${reason})`);
    expect(describeNextCheck(plan(60 * MIN), now, NEW_YORK)).toBe(`Next check in 1 h (${reason})`);
  });

  it('gives the clock time further ahead, today, tomorrow or on a weekday', () => {
    const earlyMonday = at('2026-03-16T02:00:00-04:00');
    const monday2015 = { at: at('2026-03-16T20:15:00-04:00'), reason };
    expect(describeNextCheck(monday2015, earlyMonday, NEW_YORK)).toBe(`Next check at 20:15 (${reason})`);
    const tuesday0200 = { at: at('2026-03-17T02:00:00-04:00'), reason: 'every 14 hours' };
    expect(describeNextCheck(tuesday0200, now, NEW_YORK)).toBe('Next check tomorrow at 02:00 (every 14 hours)');
  });

  it("speaks in the user's time zone", () => {
    const fridayMorning = at('2026-03-20T03:00:00-04:00');
    const sunday = { at: at('2026-03-22T20:15:00-04:00'), reason: "shortly after Sunday's arXiv announcement" };
    expect(describeNextCheck(sunday, fridayMorning, NEW_YORK)).toBe(
      "Next check on Sunday at 20:15 (shortly after Sunday's arXiv announcement)",
    );
    expect(describeNextCheck(sunday, fridayMorning, 'Asia/Tokyo')).toBe(
      "Next check on Monday at 09:15 (shortly after Sunday's arXiv announcement)",
    );
  });
});
