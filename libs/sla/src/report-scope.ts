import { fail, isRealDate } from '@loket/common';
import { many, type Queryable } from '@loket/db';

export interface ReportScope {
  /** Offices where the person is a supervisor (a KPPN, a Kanwil, or Kantor Pusat). */
  supervisorOfficeIds: string[];
}

export interface ReportPeriod {
  from: string; // YYYY-MM-DD, inclusive
  to: string; // YYYY-MM-DD, exclusive
}

/** The start of a WIB calendar day given as a date parameter ($2). */
export const wibDayStart = (param: string): string => `(${param}::date::timestamp AT TIME ZONE 'Asia/Jakarta')`;

/**
 * The start of a calendar day on an office's own clock: the SLA report counts each ticket in the
 * period and filing month of its office's zone (a WITA office's day starts an hour before a WIB one),
 * so a Kanwil's or Kantor Pusat's report is the sum of its offices' reports.
 */
export const officeDayStart = (date: string, zone: string): string => `(${date}::date::timestamp AT TIME ZONE ${zone})`;

/** A person's report scope: the offices where they are a supervisor. */
export const supervisorScopeOf = (staff: Array<{ role: string; officeId: string }>): ReportScope => ({
  supervisorOfficeIds: staff.filter((s) => s.role === 'SUPERVISOR').map((s) => s.officeId),
});

export interface ReportOffice {
  id: string;
  code: string;
  name: string;
  kind: string;
  timeZone: string;
}

/**
 * The offices a supervisor reports on (their KPPN; a Kanwil and its KPPNs; everything from Kantor
 * Pusat), after refusing a non-supervisor and a period that is not one. Every report query takes
 * these ids, so the scope lives in the SQL.
 */
export async function reportOffices(db: Queryable, scope: ReportScope, period: ReportPeriod): Promise<ReportOffice[]> {
  if (scope.supervisorOfficeIds.length === 0) throw fail('NOT_A_SUPERVISOR', { what: 'Laporan SLA' });
  const years = (Date.parse(period.to) - Date.parse(period.from)) / (366 * 86400000);
  if (!isRealDate(period.from) || !isRealDate(period.to) || period.from >= period.to || years > 5) {
    throw fail('INVALID_PERIOD', { reason: 'RANGE' });
  }
  return many<ReportOffice>(
    db,
    `SELECT o.id, o.code, o.name, o.kind, o.time_zone AS "timeZone" FROM offices o
      WHERE o.id = ANY($1::uuid[]) OR o.parent_id = ANY($1::uuid[])
         OR EXISTS (SELECT 1 FROM offices p WHERE p.id = ANY($1::uuid[]) AND p.kind = 'PUSAT')
      ORDER BY o.code`,
    [scope.supervisorOfficeIds],
  );
}
