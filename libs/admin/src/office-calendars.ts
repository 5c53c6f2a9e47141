import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { many, one, type Queryable } from '@loket/db';
import { CalendarAdmin, ZONE_CALENDAR, type CalendarChange, type WeeklyWindows } from '@loket/sla';
import { adminScopeOf, officeClause, type AdminScope } from './admin-scope';
import { AuditLog } from '@loket/audit';
import { OfficesAdmin, type OfficeView } from './offices';

/** What an office admin changes on its own office's calendar. */
export type OfficeCalendarChange =
  | { change: 'HOLIDAY_ADDED'; date: string; name: string }
  | { change: 'HOLIDAY_REMOVED'; date: string }
  | { change: 'OVERRIDE_ADDED'; name: string; from: string; to: string; weekly: WeeklyWindows };

export interface OfficeCalendarView {
  office: OfficeView;
  calendar: { code: string; name: string; timeZone: string; weekly: WeeklyWindows; version: number; own: boolean };
  localHolidays: Array<{ date: string; name: string }>;
  overrides: Array<{ name: string; from: string; to: string; weekly: WeeklyWindows }>;
}

const calendarNotFound = (code: string | null) => fail('CALENDAR_NOT_FOUND', { code: code ?? '' });
const ownCode = (office: OfficeView) => `KANTOR-${office.code.toUpperCase()}`;

/**
 * Office calendars for office admins: a KPPN admin keeps its own office's local holidays and hour
 * overrides (a Kanwil admin those of its KPPNs, Kantor Pusat everything). An office that still runs on
 * a shared calendar gets its own copy first, in the same transaction, so a local day off never
 * touches another office. Every change is also an audit entry.
 */
@Injectable()
export class OfficeCalendars {
  constructor(
    private readonly db: DataSource,
    private readonly calendars: CalendarAdmin,
    private readonly offices: OfficesAdmin,
    private readonly audit: AuditLog,
  ) {}

  async view(actor: Actor, officeCode: string): Promise<OfficeCalendarView> {
    const office = await this.offices.get(actor, officeCode);
    const calendar = (await one<OfficeCalendarView['calendar'] & { id: string }>(
      this.db,
      `SELECT c.id, c.code, c.name, c.time_zone AS "timeZone", c.weekly, c.version,
              (o.calendar_id = c.id AND NOT EXISTS (SELECT 1 FROM offices x WHERE x.calendar_id = c.id AND x.id <> o.id)) AS own
         FROM offices o JOIN calendars c ON c.id = COALESCE(o.calendar_id, (SELECT id FROM calendars WHERE code = $2))
        WHERE o.id = $1`,
      [office.id, ZONE_CALENDAR[office.timeZone]],
    ))!;
    const [localHolidays, overrides] = await Promise.all([
      many<{ date: string; name: string }>(
        this.db,
        `SELECT date::text AS date, name FROM holidays WHERE calendar_id = $1 AND date >= date_trunc('year', now())::date ORDER BY date`,
        [calendar.id],
      ),
      many<{ name: string; from: string; to: string; weekly: WeeklyWindows }>(
        this.db,
        `SELECT name, date_from::text AS "from", date_to::text AS "to", weekly FROM calendar_overrides WHERE calendar_id = $1 ORDER BY date_from`,
        [calendar.id],
      ),
    ]);
    const { id: _id, ...shown } = calendar;
    return { office, calendar: { ...shown, own: !!calendar.own }, localHolidays, overrides };
  }

  /** A change to one office's calendar, creating that office's own calendar first when it has none. */
  async change(actor: Actor, officeCode: string, c: OfficeCalendarChange) {
    const current = await this.view(actor, officeCode);
    const { office } = current;
    const code = current.calendar.own ? current.calendar.code : ownCode(office);
    const first: CalendarChange[] = current.calendar.own
      ? []
      : [
          {
            change: 'CALENDAR_CREATED',
            calendarCode: code,
            name: `Kalender ${office.name}`,
            officeCode: office.code,
            copyOf: current.calendar.code,
          },
        ];
    const change: CalendarChange =
      c.change === 'HOLIDAY_ADDED' ? { ...c, calendarCode: code, kind: 'LOKAL' } : { ...c, calendarCode: code };
    return this.calendars.applyAll([...first, change], actor.personId, (em) =>
      this.record(em, actor, office.id, code, change),
    );
  }

  /**
   * The national calendar endpoints: Kantor Pusat as before; another admin only for a calendar that
   * belongs to offices in their scope alone (else it does not exist for them), and only local
   * holidays, hour overrides and an own calendar for one of their offices.
   */
  async applyScoped(actor: Actor, change: CalendarChange) {
    const scope = adminScopeOf(actor);
    if (scope.national) {
      return this.calendars.applyAll([change], actor.personId, (em) =>
        this.record(em, actor, null, change.calendarCode, change),
      );
    }
    const local =
      change.change === 'OVERRIDE_ADDED' ||
      change.change === 'CALENDAR_CREATED' ||
      (change.change === 'HOLIDAY_ADDED' && change.kind === 'LOKAL') ||
      (change.change === 'HOLIDAY_REMOVED' && change.calendarCode !== null);
    if (!local) throw fail('NOT_AN_ADMIN', { reason: 'NATIONAL_CALENDAR' });
    const officeId =
      change.change === 'CALENDAR_CREATED'
        ? (await this.offices.find(this.db, scope, change.officeCode, '')).id
        : await this.ownerInScope(scope, change.calendarCode);
    return this.calendars.applyAll([change], actor.personId, (em) =>
      this.record(em, actor, officeId, change.calendarCode, change),
    );
  }

  /** The office whose calendar this is, when every office using it is in scope and it is no standard calendar. */
  private async ownerInScope(scope: AdminScope, calendarCode: string | null): Promise<string> {
    const clause = officeClause(scope, 'o', 2);
    const row = await one<{ officeId: string; outside: boolean }>(
      this.db,
      `SELECT min(o.id::text) AS "officeId", bool_or(NOT COALESCE(${clause.sql}, false)) AS outside
         FROM calendars c JOIN offices o ON o.calendar_id = c.id WHERE c.code = $1 AND c.code NOT LIKE 'STANDAR-%'`,
      [calendarCode, ...clause.params],
    );
    if (!row?.officeId || row.outside) throw calendarNotFound(calendarCode);
    return row.officeId;
  }

  private async record(
    em: Queryable,
    actor: Actor,
    officeId: string | null,
    calendarCode: string | null,
    change: CalendarChange,
  ) {
    await this.audit.record(em, {
      actorId: actor.personId,
      officeId,
      action: `CALENDAR_${change.change}`,
      entityType: 'CALENDAR',
      entityKey: calendarCode ?? 'NASIONAL',
      after: change,
    });
  }
}
