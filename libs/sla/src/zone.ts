// Local-time arithmetic on whole minutes. Instants are "UTC minutes" (ms / 60000, floored); a local
// day is a day number (days since 1970-01-01 in local time).

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Minutes to add to UTC to get local time, at a given UTC minute. */
export function offsetAt(timeZone: string, utcMinute: number): number {
  const key = `${timeZone}@${Math.floor(utcMinute / 1440)}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(utcMinute * 60000))
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute) / 60000;
  const offset = local - utcMinute;
  offsets.set(key, offset);
  return offset;
}

export const toMinute = (d: Date): number => Math.floor(d.getTime() / 60000);
export const fromMinute = (m: number): Date => new Date(m * 60000);

export function localDayOf(timeZone: string, utcMinute: number): number {
  return Math.floor((utcMinute + offsetAt(timeZone, utcMinute)) / 1440);
}

/** The UTC minute at which a local day starts (local midnight). */
export function dayStartUtc(timeZone: string, day: number): number {
  const guess = day * 1440;
  return guess - offsetAt(timeZone, guess - offsetAt(timeZone, guess));
}

export const isoDate = (day: number): string => new Date(day * 86400000).toISOString().slice(0, 10);
export const dayOfIsoDate = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86400000;
/** ISO weekday of a day number: 1 Monday ... 7 Sunday (day 0 was a Thursday). */
export const isoWeekday = (day: number): 1 | 2 | 3 | 4 | 5 | 6 | 7 =>
  ((((day % 7) + 7 + 3) % 7) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Local wall-clock time as a Date: `local('2026-03-13T11:30', 'Asia/Jakarta')`. */
export function local(dateTime: string, timeZone: string): Date {
  const [date, time = '00:00'] = dateTime.split('T');
  const [h, m] = time.split(':').map(Number);
  return fromMinute(dayStartUtc(timeZone, dayOfIsoDate(date)) + h * 60 + m);
}
