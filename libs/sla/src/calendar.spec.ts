import fc from 'fast-check';
import { addBusinessMinutes, businessMinutesBetween, isBusinessTime, nextOpening } from './calendar';
import type { CalendarSpec, DateRangeOverride, Interval, WeeklyWindows } from './calendar.types';
import { holidaySet, NATIONAL_HOLIDAYS } from './holidays-data';
import { DEFAULT_OFFICE_WEEKLY, SC03_WEEKLY, STANDARD_DAY_MINUTES, sc03CompletionDeadline } from './profiles';

type Zone = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';
const OFFSET: Record<Zone, string> = { 'Asia/Jakarta': '+07:00', 'Asia/Makassar': '+08:00', 'Asia/Jayapura': '+09:00' };
const ZONES = Object.keys(OFFSET) as Zone[];
const MIN = 60_000;

/** `local('2026-03-13T11:30', 'Asia/Jakarta')`: a wall-clock time in a zone (Indonesia has no DST). */
const local = (s: string, zone: Zone = 'Asia/Jakarta') => new Date(`${s.length === 16 ? `${s}:00` : s}${OFFSET[zone]}`);
const iso = (d: Date) => d.toISOString();
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * MIN);

// Ramadan-style hours: one window, Mon-Thu 08:00-15:00, Fri 08:00-15:30.
const RAMADAN: DateRangeOverride = {
  from: '2026-02-19',
  to: '2026-03-17',
  weekly: { 1: [[480, 900]], 2: [[480, 900]], 3: [[480, 900]], 4: [[480, 900]], 5: [[480, 930]] },
};

function cal(zone: Zone = 'Asia/Jakarta', more: Partial<CalendarSpec> = {}): CalendarSpec {
  return {
    timeZone: zone,
    weekly: DEFAULT_OFFICE_WEEKLY,
    overrides: [],
    holidays: holidaySet(),
    suspensions: [],
    ...more,
  };
}
const sc03 = (zone: Zone = 'Asia/Jakarta') => cal(zone, { weekly: SC03_WEEKLY });

/** The clock must stop (throw, null or Invalid Date), never hand back a real instant. */
function stopped(fn: () => Date): boolean {
  try {
    const d = fn();
    return d === null || d === undefined || Number.isNaN(d.getTime());
  } catch {
    return true;
  }
}

// Seed data must match DOMAIN.md exactly: a missing cuti bersama silently shortens every SLA that week.
describe('holiday seed data', () => {
  it('has the 2025/2026 lists, unique, valid dates', () => {
    const dates = NATIONAL_HOLIDAYS.map((h) => h.date);
    expect(dates).toHaveLength(53);
    expect(new Set(dates).size).toBe(53);
    expect(NATIONAL_HOLIDAYS.filter((h) => h.kind === 'CUTI_BERSAMA')).toHaveLength(19);
    for (const d of dates) expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
    expect(holidaySet(['2026-07-01']).has('2026-07-01')).toBe(true);
  });
});

// The examples from DOMAIN.md and the brief: these are the numbers users will check by hand.
describe('addBusinessMinutes: golden cases', () => {
  it('SC03 Fri 11:30 + 4 service hours -> Mon 08:30', () => {
    expect(iso(addBusinessMinutes(sc03(), local('2026-11-13T11:30'), 240))).toBe(iso(local('2026-11-16T08:30')));
  });
  it('Tue 10:00 + 1 working day -> Wed 10:00 (WITA office)', () => {
    const c = cal('Asia/Makassar');
    expect(STANDARD_DAY_MINUTES).toBe(450);
    expect(iso(addBusinessMinutes(c, local('2026-11-17T10:00', 'Asia/Makassar'), 450))).toBe(
      iso(local('2026-11-18T10:00', 'Asia/Makassar')),
    );
  });
  it('Fri 10:00 + 1 working day -> Mon 10:00', () => {
    expect(iso(addBusinessMinutes(cal(), local('2026-11-20T10:00'), 450))).toBe(iso(local('2026-11-23T10:00')));
  });
  it('skips the Nyepi / Idul Fitri cuti bersama week (Mar 18-24 2026)', () => {
    expect(iso(addBusinessMinutes(cal(), local('2026-03-17T10:00'), 450))).toBe(iso(local('2026-03-25T10:00')));
  });
  it('3 and 5 working days', () => {
    expect(iso(addBusinessMinutes(cal(), local('2026-11-17T10:00'), 3 * 450))).toBe(iso(local('2026-11-20T10:00')));
    expect(iso(addBusinessMinutes(cal(), local('2026-11-16T07:30'), 5 * 450))).toBe(iso(local('2026-11-20T16:30')));
  });
});

// Off-by-one at window edges is where hand-rolled calendars usually break.
describe('addBusinessMinutes / nextOpening: window edges and midnight', () => {
  it('a start in the break counts from 13:00', () => {
    expect(isBusinessTime(cal(), local('2026-11-16T11:59'))).toBe(true);
    expect(isBusinessTime(cal(), local('2026-11-16T12:00'))).toBe(false);
    expect(iso(nextOpening(cal(), local('2026-11-16T12:00')))).toBe(iso(local('2026-11-16T13:00')));
    expect(iso(addBusinessMinutes(cal(), local('2026-11-16T12:00'), 60))).toBe(iso(local('2026-11-16T14:00')));
  });
  it('a result landing exactly on a window end stays there', () => {
    expect(iso(addBusinessMinutes(cal(), local('2026-11-16T07:30'), 270))).toBe(iso(local('2026-11-16T12:00')));
    expect(iso(addBusinessMinutes(cal(), local('2026-11-16T07:30'), 450))).toBe(iso(local('2026-11-16T16:00')));
  });
  it('16:00 Mon-Thu and 16:30 Fri roll to the next working day 07:30', () => {
    expect(iso(addBusinessMinutes(cal(), local('2026-11-16T16:00'), 0))).toBe(iso(local('2026-11-17T07:30')));
    expect(iso(addBusinessMinutes(cal(), local('2026-11-16T16:00'), 30))).toBe(iso(local('2026-11-17T08:00')));
    expect(isBusinessTime(cal(), local('2026-11-20T16:15'))).toBe(true);
    expect(iso(nextOpening(cal(), local('2026-11-20T16:30')))).toBe(iso(local('2026-11-23T07:30')));
  });
  it('a Saturday start counts from Monday', () => {
    expect(iso(addBusinessMinutes(cal(), local('2026-11-21T10:00'), 60))).toBe(iso(local('2026-11-23T08:30')));
  });
  it('Sunday 23:59 local, in every zone', () => {
    for (const z of ZONES) {
      expect(iso(addBusinessMinutes(cal(z), local('2026-11-15T23:59', z), 1))).toBe(iso(local('2026-11-16T07:31', z)));
    }
  });
  it('uses the local date, not the UTC date (WIT 07:30 is 22:30 UTC the day before)', () => {
    // Wed 2025-12-31 16:00 WIT -> Thu Jan 1 is a holiday -> Fri 2026-01-02 07:30 WIT (= Thu 22:30 UTC).
    const z = 'Asia/Jayapura';
    expect(iso(nextOpening(cal(z), local('2025-12-31T16:00', z)))).toBe(iso(local('2026-01-02T07:30', z)));
    expect(isBusinessTime(cal(z), local('2026-01-01T10:00', z))).toBe(false);
  });
  it('inside business time, nextOpening is the instant itself; seconds are truncated', () => {
    expect(iso(nextOpening(cal(), local('2026-11-16T10:00')))).toBe(iso(local('2026-11-16T10:00')));
    expect(iso(addBusinessMinutes(cal(), local('2026-11-16T10:00:45'), 1))).toBe(iso(local('2026-11-16T10:01')));
  });
});

// Ramadan hours are a date-range override: the same start gives a different deadline.
describe('date-range override (Ramadan hours)', () => {
  const ramadan = cal('Asia/Jakarta', { overrides: [RAMADAN] });
  it('changes the result inside the range', () => {
    expect(iso(addBusinessMinutes(cal(), local('2026-03-03T10:00'), 450))).toBe(iso(local('2026-03-04T10:00')));
    expect(iso(addBusinessMinutes(ramadan, local('2026-03-03T10:00'), 450))).toBe(iso(local('2026-03-04T10:30')));
    expect(isBusinessTime(ramadan, local('2026-03-03T12:30'))).toBe(true);
    expect(iso(addBusinessMinutes(ramadan, local('2026-02-20T15:00'), 30))).toBe(iso(local('2026-02-20T15:30')));
  });
  it('is inclusive of its last date, then weekly hours resume', () => {
    // Tue 17 (override) 14:00-15:00 = 60, Mar 18-24 off, Wed 25 default 07:30 + 60.
    expect(iso(addBusinessMinutes(ramadan, local('2026-03-17T14:00'), 120))).toBe(iso(local('2026-03-25T08:30')));
  });
});

// MENUNGGU_PERBAIKAN pauses and declared suspensions move the deadline by the business time they cover.
describe('pauses and suspensions', () => {
  const start = local('2026-11-17T10:00');
  const pause: Interval = { from: local('2026-11-17T14:00'), to: local('2026-11-17T15:00') };
  it('a 60-minute pause inside the window pushes the result 60 minutes', () => {
    expect(iso(addBusinessMinutes(cal(), start, 450, [pause]))).toBe(iso(local('2026-11-18T11:00')));
    expect(isBusinessTime(cal(), local('2026-11-17T14:30'), [pause])).toBe(false);
  });
  it('a suspension behaves like a pause', () => {
    expect(iso(addBusinessMinutes(cal('Asia/Jakarta', { suspensions: [pause] }), start, 450))).toBe(
      iso(local('2026-11-18T11:00')),
    );
  });
  it('a pause over the break only removes business minutes', () => {
    const overBreak: Interval = { from: local('2026-11-17T11:30'), to: local('2026-11-17T13:30') };
    expect(iso(addBusinessMinutes(cal(), start, 450, [overBreak]))).toBe(iso(local('2026-11-18T11:00')));
  });
  it('an open pause stops the clock from its start', () => {
    const open: Interval = { from: local('2026-11-17T14:00'), to: null };
    expect(isBusinessTime(cal(), local('2026-11-17T13:59'), [open])).toBe(true);
    expect(isBusinessTime(cal(), local('2026-11-18T10:00'), [open])).toBe(false);
    expect(iso(addBusinessMinutes(cal(), start, 60, [open]))).toBe(iso(local('2026-11-17T11:00')));
    expect(businessMinutesBetween(cal(), start, local('2026-11-20T16:00'), [open])).toBe(180);
    expect(stopped(() => addBusinessMinutes(cal(), start, 450, [open]))).toBe(true);
    expect(stopped(() => nextOpening(cal(), local('2026-11-17T14:30'), [open]))).toBe(true);
  });
});

// The inverse of addBusinessMinutes: used to explain "minutes used / left" on every deadline.
describe('businessMinutesBetween', () => {
  it('matches the golden cases', () => {
    expect(businessMinutesBetween(sc03(), local('2026-11-13T11:30'), local('2026-11-16T08:30'))).toBe(240);
    expect(businessMinutesBetween(cal(), local('2026-03-17T10:00'), local('2026-03-25T10:00'))).toBe(450);
    expect(
      businessMinutesBetween(cal(), local('2026-11-17T10:00'), local('2026-11-18T11:00'), [
        { from: local('2026-11-17T14:00'), to: local('2026-11-17T15:00') },
      ]),
    ).toBe(450);
  });
  it('a full default week is 37 h 30 min; a break is 0; to <= from is 0', () => {
    expect(businessMinutesBetween(cal(), local('2026-11-16T00:00'), local('2026-11-23T00:00'))).toBe(2250);
    expect(businessMinutesBetween(cal(), local('2026-11-16T12:00'), local('2026-11-16T13:00'))).toBe(0);
    expect(businessMinutesBetween(cal(), local('2026-11-16T11:00'), local('2026-11-16T10:00'))).toBe(0);
  });
});

// PUSINTEK_AKSES completion deadline: a cut-off rule, not a duration.
describe('sc03CompletionDeadline (WIB)', () => {
  const cases: Array<[string, string]> = [
    ['2026-11-16T11:59', '2026-11-16T16:00'], // morning -> 16:00 same day
    ['2026-11-16T12:00', '2026-11-17T12:00'], // the break counts as afternoon
    ['2026-11-16T12:30', '2026-11-17T12:00'],
    ['2026-11-16T15:59', '2026-11-17T12:00'],
    ['2026-11-16T16:00', '2026-11-17T16:00'], // outside hours -> as if 08:00 next working day
    ['2026-11-21T10:00', '2026-11-23T16:00'], // Saturday
    ['2026-11-20T12:30', '2026-11-23T12:00'], // Friday afternoon -> Monday noon
    ['2026-03-17T12:30', '2026-03-25T12:00'], // across the cuti bersama week
  ];
  it.each(cases)('answered %s -> %s', (answered, deadline) => {
    expect(iso(sc03CompletionDeadline(sc03(), local(answered)))).toBe(iso(local(deadline)));
  });
  it('before 08:00 on a working day counts from 08:00 that day (reading "next opening")', () => {
    expect(iso(sc03CompletionDeadline(sc03(), local('2026-11-16T07:00')))).toBe(iso(local('2026-11-16T16:00')));
  });
});

// Invariants over random inputs: catch what the hand-picked cases miss (zones, holidays, overlaps).
describe('properties', () => {
  const RUNS = { numRuns: 300 };
  const t0 = Date.parse('2025-01-01T00:00:00Z');
  const t1 = Date.parse('2026-12-31T00:00:00Z');
  const weeklies: WeeklyWindows[] = [DEFAULT_OFFICE_WEEKLY, SC03_WEEKLY];
  const calArb = fc
    .record({ zone: fc.constantFrom(...ZONES), weekly: fc.constantFrom(...weeklies), ramadan: fc.boolean() })
    .map(({ zone, weekly, ramadan }) => cal(zone, { weekly, overrides: ramadan ? [RAMADAN] : [] }));
  const startArb = fc.integer({ min: t0, max: t1 }).map((t) => new Date(t));
  const pausesArb = (start: Date) =>
    fc.array(
      fc
        .tuple(fc.integer({ min: -3000, max: 15000 }), fc.integer({ min: 1, max: 3000 }))
        .map(([off, len]): Interval => ({ from: plus(start, off), to: plus(start, off + len) })),
      { maxLength: 2 },
    );
  const caseArb = fc.tuple(calArb, startArb).chain(([c, start]) =>
    fc.record({
      c: fc.constant(c),
      start: fc.constant(start),
      n: fc.integer({ min: 0, max: 5000 }),
      pauses: pausesArb(start),
    }),
  );

  it('(a) the result is business time or exactly a window end', () => {
    fc.assert(
      fc.property(caseArb, ({ c, start, n, pauses }) => {
        const r = addBusinessMinutes(c, start, n, pauses);
        if (n === 0) return iso(r) === iso(nextOpening(c, start, pauses)) && isBusinessTime(c, r, pauses);
        return isBusinessTime(c, plus(r, -1), pauses) && r.getTime() % MIN === 0;
      }),
      RUNS,
    );
  });
  it('(b) businessMinutesBetween(start, add(start, n)) === n', () => {
    fc.assert(
      fc.property(
        caseArb,
        ({ c, start, n, pauses }) =>
          businessMinutesBetween(c, start, addBusinessMinutes(c, start, n, pauses), pauses) === n,
      ),
      RUNS,
    );
  });
  it('(c) monotonic in n', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 5000 }), ({ c, start, n, pauses }, m) => {
        const [lo, hi] = n <= m ? [n, m] : [m, n];
        return addBusinessMinutes(c, start, lo, pauses) <= addBusinessMinutes(c, start, hi, pauses);
      }),
      RUNS,
    );
  });
  it('(d) pauses never make a deadline earlier nor add business minutes', () => {
    fc.assert(
      fc.property(caseArb, ({ c, start, n, pauses }) => {
        const without = addBusinessMinutes(c, start, n);
        const withPauses = addBusinessMinutes(c, start, n, pauses);
        return (
          withPauses >= without &&
          businessMinutesBetween(c, start, withPauses, pauses) <= businessMinutesBetween(c, start, withPauses)
        );
      }),
      RUNS,
    );
  });
});
