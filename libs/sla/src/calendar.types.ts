/** Minutes after local midnight, [start, end): e.g. 07:30-12:00 is [450, 720]. */
export type Window = readonly [number, number];

/** ISO weekday: 1 = Monday ... 7 = Sunday. A day with no entry (or []) is not a working day. */
export type WeeklyWindows = Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, Window[]>>;

/** Different hours for a range of local dates, inclusive (e.g. Ramadan). */
export interface DateRangeOverride {
  from: string; // YYYY-MM-DD, local
  to: string; // YYYY-MM-DD, local, inclusive
  weekly: WeeklyWindows;
}

/** An interval of real time, [from, to). `to` null means still running (open). */
export interface Interval {
  from: Date;
  to: Date | null;
}

/**
 * Everything the calendar math needs, already resolved from the database: the office's (or
 * service's) time zone, weekly windows, overrides, holidays (national, cuti bersama and local
 * together) and suspensions (declared emergency or maintenance), which stop clocks like a pause.
 */
export interface CalendarSpec {
  timeZone: string; // IANA, e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura
  weekly: WeeklyWindows;
  overrides: DateRangeOverride[];
  holidays: ReadonlySet<string>; // YYYY-MM-DD, local
  suspensions: Interval[];
}
