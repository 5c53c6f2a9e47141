import { isWorkingDay, nextOpening } from './calendar';
import type { CalendarSpec, Window, WeeklyWindows } from './calendar.types';
import { dayStartUtc, fromMinute, localDayOf, offsetAt, toMinute } from './zone';

const hm = (h: number, m = 0) => h * 60 + m;
const w = (a: number, b: number): Window => [a, b];

/** Default KPPN hours, 37 h 30 min a week with breaks excluded. */
export const DEFAULT_OFFICE_WEEKLY: WeeklyWindows = {
  1: [w(hm(7, 30), hm(12)), w(hm(13), hm(16))],
  2: [w(hm(7, 30), hm(12)), w(hm(13), hm(16))],
  3: [w(hm(7, 30), hm(12)), w(hm(13), hm(16))],
  4: [w(hm(7, 30), hm(12)), w(hm(13), hm(16))],
  5: [w(hm(7, 30), hm(11, 30)), w(hm(13), hm(16, 30))],
};

/** SC03-1 (Pusintek) service windows, WIB. */
export const SC03_WEEKLY: WeeklyWindows = Object.fromEntries(
  [1, 2, 3, 4, 5].map((d) => [d, [w(hm(8), hm(12)), w(hm(13), hm(16))]]),
) as WeeklyWindows;

/** "N working days" is N standard days of business time. */
export const STANDARD_DAY_MINUTES = 450;

/** Local minutes after midnight of an instant. */
function localMinuteOfDay(cal: CalendarSpec, at: Date): number {
  const t = toMinute(at);
  return (((t + offsetAt(cal.timeZone, t)) % 1440) + 1440) % 1440;
}

function atLocal(cal: CalendarSpec, day: number, minuteOfDay: number): Date {
  return fromMinute(dayStartUtc(cal.timeZone, day) + minuteOfDay);
}

function nextWorkingDay(cal: CalendarSpec, day: number): number {
  let d = day + 1;
  while (!isWorkingDay(cal, d)) d++;
  return d;
}

/**
 * SC03-1 completion: answered 08:00-12:00 -> 16:00 the same day; 12:00-16:00 (the break counts as
 * afternoon) -> 12:00 the next working day; otherwise as if answered at the next opening (08:00 of
 * the next working day) -> 16:00 that day.
 */
export function sc03CompletionDeadline(cal: CalendarSpec, answeredAt: Date): Date {
  const day = localDayOf(cal.timeZone, toMinute(answeredAt));
  const minute = localMinuteOfDay(cal, answeredAt);
  if (isWorkingDay(cal, day) && minute >= hm(8) && minute < hm(12)) return atLocal(cal, day, hm(16));
  if (isWorkingDay(cal, day) && minute >= hm(12) && minute < hm(16))
    return atLocal(cal, nextWorkingDay(cal, day), hm(12));
  const opening = nextOpening(cal, answeredAt);
  return atLocal(cal, localDayOf(cal.timeZone, toMinute(opening)), hm(16));
}
