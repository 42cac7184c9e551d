import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectDateOrder, isoIst, parseDate, parseDateTime, parseTime } from './dates.js';
import { parseAmount, parseDuration } from './numbers.js';

describe('dates as officers write them', () => {
  it.each([
    ['15/04/2026', 'dmy', '2026-04-15'],
    ["'15/04/2026'", 'dmy', '2026-04-15'],
    ['15-04-26', 'dmy', '2026-04-15'],
    ['01-01-2026', 'dmy', '2026-01-01'],
    ['03/04/2026', 'mdy', '2026-03-04'],
    ['15-Apr-2026', 'dmy', '2026-04-15'],
    ['30-APR-2022', 'dmy', '2022-04-30'],
    ['15 Jan 2024', 'dmy', '2024-01-15'],
    ['2026-04-15', 'dmy', '2026-04-15'],
    ['20260415', 'dmy', '2026-04-15'],
    ['17/06/98', 'dmy', '1998-06-17'],
  ] as const)('%s (%s) is %s', (raw, order, iso) => {
    const d = parseDate(raw, order);
    expect(d && `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`).toBe(iso);
  });

  it.each(['31/02/2026', '15/13/2026', '2026', 'yesterday', '15/04/206', '', '32-Jan-2026'])(
    'refuses %j',
    (raw) => expect(parseDate(raw)).toBeUndefined(),
  );

  it.each([
    ['10:12', 10 * 3600 + 12 * 60],
    ['10:12:05', 10 * 3600 + 12 * 60 + 5],
    ['10.12.05', 10 * 3600 + 12 * 60 + 5],
    ['101205', 10 * 3600 + 12 * 60 + 5],
    ['10:12 PM', 22 * 3600 + 12 * 60],
    ['12:05 am', 5 * 60],
    ['12:05 PM', 12 * 3600 + 5 * 60],
    ['9:05:00 a.m.', 9 * 3600 + 5 * 60],
  ])('time %s', (raw, s) => expect(parseTime(raw)).toBe(s));

  it.each(['24:00', '10:60', '13:00 PM', 'noon'])('refuses time %j', (raw) =>
    expect(parseTime(raw)).toBeUndefined(),
  );

  it.each([
    ['15/04/2026', '10:12:00', '2026-04-15T10:12:00+05:30'],
    ['15/04/2026 10:12:00', undefined, '2026-04-15T10:12:00+05:30'],
    ['15-Apr-2026 10:12 PM', undefined, '2026-04-15T22:12:00+05:30'],
    ['202601010000', undefined, '2026-01-01T00:00:00+05:30'],
    ['2026-04-15T04:42:00Z', undefined, '2026-04-15T10:12:00+05:30'],
    ['46127', undefined, '2026-04-15T00:00:00+05:30'],
    ['46127.425', undefined, '2026-04-15T10:12:00+05:30'],
    ['46127', '10:12', '2026-04-15T10:12:00+05:30'],
    ['15/04/2026', '0.425', '2026-04-15T10:12:00+05:30'],
  ])('date-time %s %s', (d, t, iso) => {
    const ms = parseDateTime(d, t);
    expect(ms === undefined ? undefined : isoIst(ms)).toBe(iso);
  });

  it('reads back every IST date-time it writes, in each written form', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2099, 11, 31) }),
        fc.constantFrom('dmy-slash', 'dmy-dash2', 'iso', 'named'),
        (ms0, form) => {
          const ms = Math.floor(ms0 / 1000) * 1000;
          const d = new Date(ms + 330 * 60_000);
          const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
          const p = (n: number) => String(n).padStart(2, '0');
          const time = `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
          const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
          const date =
            form === 'dmy-slash'
              ? `${p(day)}/${p(m)}/${y}`
              : form === 'dmy-dash2'
                ? `${p(day)}-${p(m)}-${String(y).slice(2)}`
                : form === 'iso'
                  ? `${y}-${p(m)}-${p(day)}`
                  : `${p(day)}-${names[m - 1]}-${y}`;
          if (form === 'dmy-dash2' && (y < 2000 || y > 2069)) return;
          expect(parseDateTime(date, time)).toBe(ms);
        },
      ),
    );
  });
});

describe('a date-time read row after row', () => {
  it('gives what a first reading gives, whatever was read before it', () => {
    // Rows in time order are read against the row before (dates.ts midnight): the same spelling in
    // another order, an unreadable one, and the same again must each read as on their own.
    const date = fc.constantFrom(
      '03/04/2026',
      "'03/04/2026'",
      '13/04/2026',
      '04/13/2026',
      '31/02/2026',
      '',
      'x',
    );
    const time = fc.constantFrom('10:12:05', '23:59:59', '24:00:00', '1:2:3 ');
    const order = fc.constantFrom('dmy' as const, 'mdy' as const, 'ymd' as const);
    fc.assert(
      fc.property(fc.array(fc.tuple(date, time, order), { minLength: 1, maxLength: 12 }), (rows) => {
        const inTurn = rows.map(([d, t, o]) => parseDateTime(d, t, o));
        const alone = rows.map(([d, t, o]) => {
          // Another spelling read in between clears what the row before left.
          parseDateTime('1/1/2000', '00:00:00', 'dmy');
          return parseDateTime(d, t, o);
        });
        expect(inTurn).toEqual(alone);
      }),
    );
  });
});

describe('the order of a date column', () => {
  it('is settled by a day above 12', () => {
    expect(detectDateOrder(['03/04/2026', '15/04/2026'])).toEqual({ order: 'dmy', ambiguous: false });
    expect(detectDateOrder(['03/04/2026', '04/15/2026'])).toEqual({ order: 'mdy', ambiguous: false });
  });
  it('is flagged, and read day-first, when every value fits both orders', () => {
    expect(detectDateOrder(['03/04/2026', '05/06/2026'])).toEqual({ order: 'dmy', ambiguous: true });
  });
  it('is not ambiguous when the dates name their month', () => {
    expect(detectDateOrder(['15-Apr-2026', '2026-04-03']).ambiguous).toBe(false);
  });
  it('names two values that contradict each other', () => {
    expect(detectDateOrder(['13/04/2026', '04/13/2026']).conflict).toEqual({
      value: '04/13/2026',
      other: '13/04/2026',
    });
  });
});

describe('amounts and durations', () => {
  it.each([
    ['1,23,456.00', 123456, undefined],
    ['150,000.00', 150000, undefined],
    ['2,000.00Cr', 2000, 'cr'],
    ['150,000.00(Cr)', 150000, 'cr'],
    ['5,000.00 Dr', 5000, 'dr'],
    ['-1,234.50', 1234.5, 'dr'],
    ['(1,234.50)', 1234.5, 'dr'],
    ['₹ 12,34,56,789', 123456789, undefined],
    ['Rs. 499', 499, undefined],
    ['0.5', 0.5, undefined],
  ])('%s', (raw, rupees, side) => expect(parseAmount(raw)).toEqual({ rupees, ...(side ? { side } : {}) }));

  it.each(['1,2,3', '12,34', 'abc', '', '1.234', '1,23,4567'])('refuses amount %j', (raw) =>
    expect(parseAmount(raw)).toBeUndefined(),
  );

  it('reads every amount in either grouping', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), fc.integer({ min: 0, max: 99 }), (r, paise) => {
        const whole = String(r);
        const western = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        const last3 = whole.slice(-3);
        const rest = whole.slice(0, -3);
        const indian = rest ? `${rest.replace(/\B(?=(\d{2})+(?!\d))/g, ',')},${last3}` : last3;
        const tail = `.${String(paise).padStart(2, '0')}`;
        expect(parseAmount(western + tail)?.rupees).toBe(Number(whole + tail));
        expect(parseAmount(indian + tail)?.rupees).toBe(Number(whole + tail));
      }),
    );
  });

  it.each([
    ['62', 62],
    ['62.0', 62],
    ['00:01:02', 62],
    ['1:02', 62],
    ['1:02:03', 3723],
  ])('duration %s', (raw, s) => expect(parseDuration(raw)).toBe(s));
  it.each(['1:61', 'one minute', '-5', ''])('refuses duration %j', (raw) =>
    expect(parseDuration(raw)).toBeUndefined(),
  );
});
