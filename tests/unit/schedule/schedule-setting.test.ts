import { describe, expect, it } from 'vitest';
import { parseScheduleSetting } from '../../../lib/schedule/schedule-setting';

describe('parseScheduleSetting', () => {
  it('keeps valid settings', () => {
    expect(parseScheduleSetting({ mode: 'follow-arxiv' })).toEqual({ mode: 'follow-arxiv' });
    expect(parseScheduleSetting({ mode: 'interval', hours: 1 })).toEqual({ mode: 'interval', hours: 1 });
    expect(parseScheduleSetting({ mode: 'interval', hours: 24 })).toEqual({ mode: 'interval', hours: 24 });
  });

  it('clamps interval hours to 1–24 and rounds them', () => {
    expect(parseScheduleSetting({ mode: 'interval', hours: 0 })).toEqual({ mode: 'interval', hours: 1 });
    expect(parseScheduleSetting({ mode: 'interval', hours: -3 })).toEqual({ mode: 'interval', hours: 1 });
    expect(parseScheduleSetting({ mode: 'interval', hours: 25 })).toEqual({ mode: 'interval', hours: 24 });
    expect(parseScheduleSetting({ mode: 'interval', hours: 2.4 })).toEqual({ mode: 'interval', hours: 2 });
  });

  it('falls back to following arXiv for hours that are not a finite number', () => {
    for (const hours of [NaN, Infinity, '6', undefined, null]) {
      expect(parseScheduleSetting({ mode: 'interval', hours })).toEqual({ mode: 'follow-arxiv' });
    }
  });

  it('falls back to following arXiv for anything else', () => {
    for (const value of [undefined, null, 'interval', 6, [], { mode: 'weekly', hours: 6 }, {}]) {
      expect(parseScheduleSetting(value)).toEqual({ mode: 'follow-arxiv' });
    }
  });

  it('drops stray fields', () => {
    expect(parseScheduleSetting({ mode: 'follow-arxiv', hours: 5 })).toEqual({ mode: 'follow-arxiv' });
  });
});
