/**
 * The one way Loket writes an instant for people: on the office's wall clock, with the zone named
 * as Indonesians name it ("Senin, 30 November 2026 pukul 16.00 WITA"). Pages, e-mails, letters and
 * downloads all call these, so a satker never reads two styles for the same deadline.
 */
const ZONE_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};
const HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const BULAN = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

/** WIB, WITA or WIT: how people in Indonesia name an office's time zone. */
export const zoneName = (timeZone: string): string => ZONE_NAMES[timeZone] ?? timeZone;

const partFormats = new Map<string, Intl.DateTimeFormat>();
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

function parts(at: Date, timeZone: string): WallClock {
  let f = partFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    partFormats.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const { type, value } of f.formatToParts(at)) if (type !== 'literal') p[type] = Number(value);
  // The weekday of the wall-clock date, whatever the zone (getUTCDay of that date at noon).
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day, 12)).getUTCDay();
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, weekday };
}

function toDate(value: Date | string | number): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`not a date: ${String(value)}`);
  return date;
}

const two = (n: number) => String(n).padStart(2, '0');

/** "30 November 2026" on the zone's calendar (letters, dates without a time). */
export function formatDate(value: Date | string | number, timeZone = DEFAULT_TIME_ZONE): string {
  const p = parts(toDate(value), timeZone);
  return `${p.day} ${BULAN[p.month - 1]} ${p.year}`;
}

/** "Senin, 30 November 2026 pukul 16.00 WITA". */
export function formatDateTime(value: Date | string | number, timeZone = DEFAULT_TIME_ZONE): string {
  const p = parts(toDate(value), timeZone);
  return `${HARI[p.weekday]}, ${p.day} ${BULAN[p.month - 1]} ${p.year} pukul ${two(p.hour)}.${two(p.minute)} ${zoneName(timeZone)}`;
}

/** "November 2026": a month in a report ("2026-11"). */
export const formatMonth = (month: string): string => `${BULAN[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
