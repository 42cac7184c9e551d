import { describe, expect, it } from 'vitest';
import { readIndianDate, todayIndian, toIndianDate } from './dates.js';

describe('dates as Indian officers write them', () => {
  it('reads the day first, with any of the separators in use', () => {
    for (const text of ['04/03/2026', '4/3/2026', '04-03-2026', '04.03.2026', ' 4/03/2026 '])
      expect(readIndianDate(text)).toEqual({ iso: '2026-03-04' });
    expect(readIndianDate('29/02/2028')).toEqual({ iso: '2028-02-29' });
  });

  it('refuses what is not a day-first date, saying why', () => {
    expect(readIndianDate('03/20/2026')).toEqual({ error: expect.stringContaining('no month 20') });
    expect(readIndianDate('31/02/2026')).toEqual({ error: 'February 2026 has no day 31' });
    expect(readIndianDate('29/02/2026')).toEqual({ error: 'February 2026 has no day 29' });
    expect(readIndianDate('31/04/2026')).toEqual({ error: 'April 2026 has no day 31' });
    expect(readIndianDate('04/03/26')).toEqual({ error: expect.stringContaining('year in full') });
    for (const text of ['2026-03-04', '4 March 2026', '', '00/03/2026'])
      expect(readIndianDate(text)).toHaveProperty('error');
  });

  it('writes an ISO date back day first, and today in local time', () => {
    expect(toIndianDate('2026-09-30')).toBe('30/09/2026');
    expect(toIndianDate(null)).toBe('');
    expect(todayIndian(new Date(2026, 0, 5, 0, 30))).toBe('05/01/2026');
  });
});
