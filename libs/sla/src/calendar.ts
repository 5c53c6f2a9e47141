import type { CalendarSpec, Interval, Window } from './calendar.types';
import { dayStartUtc, fromMinute, isoDate, isoWeekday, localDayOf, toMinute } from './zone';

type Span = [number, number]; // UTC minutes, [from, to)

const MAX_DAYS = 3 * 366;

/** The day's windows: none on a holiday, an override's on its dates, else the weekly ones. */
export function windowsOfDay(cal: CalendarSpec, day: number): Window[] {
  const date = isoDate(day);
  if (cal.holidays.has(date)) return [];
  const override = cal.overrides.find((o) => o.from <= date && date <= o.to);
  return (override ?? cal).weekly[isoWeekday(day)] ?? [];
}

export const isWorkingDay = (cal: CalendarSpec, day: number) => windowsOfDay(cal, day).length > 0;

function exclusions(cal: CalendarSpec, pauses: Interval[]): Span[] {
  return [...cal.suspensions, ...pauses]
    .map((i): Span => [toMinute(i.from), i.to ? toMinute(i.to) : Number.POSITIVE_INFINITY])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
}

function subtract(span: Span, cuts: Span[]): Span[] {
  let pieces: Span[] = [span];
  for (const [ca, cb] of cuts) {
    if (cb <= span[0] || ca >= span[1]) continue;
    pieces = pieces.flatMap(([a, b]): Span[] => {
      if (cb <= a || ca >= b) return [[a, b]];
      return [...(ca > a ? [[a, ca] as Span] : []), ...(cb < b ? [[cb, b] as Span] : [])];
    });
  }
  return pieces;
}

/** Business time of one local day as UTC spans, with suspensions and pauses cut out. */
function openSpans(cal: CalendarSpec, day: number, cuts: Span[]): Span[] {
  const start = dayStartUtc(cal.timeZone, day);
  return windowsOfDay(cal, day).flatMap(([s, e]) => subtract([start + s, start + e], cuts));
}

/**
 * The instant at which `minutes` of business time have elapsed from `start`. A start outside hours
 * counts from the next opening; a result that falls on a window's end stays there (12:00, not 13:00).
 */
export function addBusinessMinutes(cal: CalendarSpec, start: Date, minutes: number, pauses: Interval[] = []): Date {
  const cuts = exclusions(cal, pauses);
  const t = toMinute(start);
  let remaining = Math.max(0, Math.floor(minutes));
  const first = localDayOf(cal.timeZone, t);
  for (let day = first; day < first + MAX_DAYS; day++) {
    for (const [a, b] of openSpans(cal, day, cuts)) {
      if (b <= t) continue;
      const from = Math.max(a, t);
      if (remaining === 0) return fromMinute(from);
      if (remaining <= b - from) return fromMinute(from + remaining);
      remaining -= b - from;
    }
  }
  throw new Error(`No business time within ${MAX_DAYS} days of ${start.toISOString()} in this calendar`);
}

/** Business minutes in [from, to), suspensions and pauses excluded. */
export function businessMinutesBetween(cal: CalendarSpec, from: Date, to: Date, pauses: Interval[] = []): number {
  const [a, b] = [toMinute(from), toMinute(to)];
  if (b <= a) return 0;
  const cuts = exclusions(cal, pauses);
  let total = 0;
  for (let day = localDayOf(cal.timeZone, a); day <= localDayOf(cal.timeZone, b); day++) {
    for (const [s, e] of openSpans(cal, day, cuts)) total += Math.max(0, Math.min(e, b) - Math.max(s, a));
  }
  return total;
}

export const nextOpening = (cal: CalendarSpec, at: Date, pauses: Interval[] = []): Date =>
  addBusinessMinutes(cal, at, 0, pauses);

export function isBusinessTime(cal: CalendarSpec, at: Date, pauses: Interval[] = []): boolean {
  const t = toMinute(at);
  return openSpans(cal, localDayOf(cal.timeZone, t), exclusions(cal, pauses)).some(([a, b]) => a <= t && t < b);
}
