import { Injectable } from '@nestjs/common';
import { many, one, type Queryable } from '@loket/db';
import type { CalendarSpec, WeeklyWindows } from './calendar.types';

export interface LoadedCalendar {
  id: string;
  code: string;
  version: number;
  spec: CalendarSpec;
}

export const ZONE_CALENDAR: Record<string, string> = {
  'Asia/Jakarta': 'STANDAR-WIB',
  'Asia/Pontianak': 'STANDAR-WIB',
  'Asia/Makassar': 'STANDAR-WITA',
  'Asia/Jayapura': 'STANDAR-WIT',
};

/** The columns of a calendar's head row that `fromHead` takes. */
export const CALENDAR_HEAD = 'code, version, time_zone, weekly';
export interface CalendarHead {
  code: string;
  version: number;
  time_zone: string;
  weekly: WeeklyWindows;
}

/** The id of the calendar a policy names (SQL expressions): the office's own ('OFFICE') or one by code. */
export const calendarIdSql = (policy: string, office: string) =>
  `CASE WHEN ${policy}::text = 'OFFICE'
     THEN (SELECT COALESCE(o.calendar_id, c.id) FROM offices o LEFT JOIN calendars c ON c.code = '${JSON.stringify(ZONE_CALENDAR)}'::jsonb ->> o.time_zone
            WHERE o.id = ${office})
     ELSE (SELECT id FROM calendars WHERE code = ${policy}::text) END`;

/**
 * Calendars as the math needs them, read from the database and cached per version: every change
 * bumps the version, so a process never uses a stale calendar for longer than one version check.
 */
@Injectable()
export class CalendarStore {
  private readonly cache = new Map<string, LoadedCalendar>();

  /** The calendar a service's policy names: the queue office's own ('OFFICE') or one by code. */
  async resolveId(db: Queryable, policyCalendar: string, officeId: string): Promise<string> {
    const row = await one<{ id: string }>(db, `SELECT (${calendarIdSql('$1', '$2')}) AS id`, [
      policyCalendar,
      officeId,
    ]);
    if (!row?.id) throw new Error(`No calendar for ${policyCalendar} (office ${officeId})`);
    return row.id;
  }

  async load(db: Queryable, calendarId: string): Promise<LoadedCalendar> {
    const head = await one<CalendarHead>(db, `SELECT ${CALENDAR_HEAD} FROM calendars WHERE id = $1`, [calendarId]);
    if (!head) throw new Error(`Unknown calendar ${calendarId}`);
    return this.fromHead(db, calendarId, head);
  }

  /** The calendar whose head row the caller read already (the rest comes from the cache when current). */
  async fromHead(db: Queryable, calendarId: string, head: CalendarHead): Promise<LoadedCalendar> {
    const cached = this.cache.get(calendarId);
    if (cached && cached.version === head.version) return cached;
    // One after another: `db` may be a transaction's single connection.
    const overrides = await many<{ from: string; to: string; weekly: WeeklyWindows }>(
      db,
      `SELECT date_from::text AS "from", date_to::text AS "to", weekly FROM calendar_overrides WHERE calendar_id = $1 ORDER BY date_from`,
      [calendarId],
    );
    const holidays = await many<{ date: string }>(
      db,
      `SELECT date::text AS date FROM holidays WHERE calendar_id IS NULL OR calendar_id = $1`,
      [calendarId],
    );
    const suspensions = await many<{ from: Date; to: Date }>(
      db,
      `SELECT starts_at AS "from", ends_at AS "to" FROM calendar_suspensions WHERE calendar_id IS NULL OR calendar_id = $1 ORDER BY starts_at`,
      [calendarId],
    );
    const loaded: LoadedCalendar = {
      id: calendarId,
      code: head.code,
      version: head.version,
      spec: {
        timeZone: head.time_zone,
        weekly: head.weekly,
        overrides,
        holidays: new Set(holidays.map((h) => h.date)),
        suspensions,
      },
    };
    this.cache.set(calendarId, loaded);
    return loaded;
  }
}
