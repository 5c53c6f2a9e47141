import { deadlineOf, usedMinutes } from './clock-math';
import type { CalendarSpec } from './calendar.types';
import { DEFAULT_OFFICE_WEEKLY } from './profiles';
import { local } from './zone';

const cal: CalendarSpec = {
  timeZone: 'Asia/Makassar',
  weekly: DEFAULT_OFFICE_WEEKLY,
  overrides: [],
  holidays: new Set(),
  suspensions: [],
};
const at = (s: string) => local(s, 'Asia/Makassar');
const oneDay = {
  rule: { kind: 'WORKING_DAYS' as const, days: 1 },
  startedAt: at('2026-11-17T10:00'),
  pauses: [],
  pausedSince: null,
};

describe('deadlineOf', () => {
  it('warns at a share of the target', () => {
    const d = deadlineOf(cal, oneDay, { percent: 80 })!;
    // 360 business minutes in: Tuesday gives 300 (10:00-12:00, 13:00-16:00), Wednesday the other 60 from 07:30.
    expect(d).toEqual({ due: at('2026-11-18T10:00'), warnAt: at('2026-11-18T08:30'), targetMinutes: 450 });
  });

  it('warns a fixed number of business minutes before the deadline', () => {
    expect(deadlineOf(cal, oneDay, { minutesBefore: 60 })!.warnAt).toEqual(at('2026-11-18T09:00'));
    expect(deadlineOf(cal, oneDay, { minutesBefore: 10_000 })!.warnAt).toEqual(at('2026-11-17T10:00'));
  });

  it('has no deadline while paused, and counts used minutes without the waiting time', () => {
    const paused = { ...oneDay, pausedSince: at('2026-11-17T11:00') };
    expect(deadlineOf(cal, paused, { percent: 75 })).toBeNull();
    expect(usedMinutes(cal, paused, at('2026-11-18T10:00'))).toBe(60);
  });

  it('waits for the answer before it can place an SC03-1 cut-off', () => {
    expect(deadlineOf(cal, { ...oneDay, rule: { kind: 'SC03_CUTOFF' }, anchor: null }, { percent: 75 })).toBeNull();
  });
});
