import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { fail } from '@loket/common';
import { many } from '@loket/db';
import { OPEN_STATUSES } from '@loket/workflow';
import { officeDayStart, reportOffices, type ReportOffice, type ReportPeriod, type ReportScope } from './report-scope';

const nextMonth = (month: string): string => {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
};

/** Open tickets, spelled out so the partial indexes on these statuses apply. */
export const OPEN_TICKETS = `t.status IN (${OPEN_STATUSES.map((st) => `'${st}'`).join(', ')})`;

/**
 * The age buckets of the report's backlog, as SQL over the filing time of an open ticket. Each bound
 * is computed once per query (a sub-select), so a national backlog compares timestamps, not an age
 * per ticket; hours, not days, so no zone's calendar enters the arithmetic.
 */
const filedSince = (hours: number) => `(SELECT now() - interval '${hours} hours')`;
export const BACKLOG_AGES = {
  under1Day: `t.created_at > ${filedSince(24)}`,
  days1To3: `t.created_at <= ${filedSince(24)} AND t.created_at > ${filedSince(72)}`,
  days3To7: `t.created_at <= ${filedSince(72)} AND t.created_at > ${filedSince(168)}`,
  over7Days: `t.created_at <= ${filedSince(168)}`,
} as const;
export type BacklogAge = keyof typeof BACKLOG_AGES;

export interface ReportTicketFilter {
  /** A filing month inside the period, YYYY-MM. */
  month?: string;
  officeCode?: string;
  serviceCode?: string;
  /** Open tickets of this age now (the backlog): the period and month do not apply. */
  age?: BacklogAge;
  /** Only tickets whose response or resolution deadline was missed. */
  breached?: boolean;
  /** Keyset: the last ticket of the previous page. */
  after?: { createdAt: string; id: string };
  limit: number;
}

export interface ReportTicket {
  id: string;
  number: string;
  serviceCode: string;
  officeCode: string;
  /** The office's zone: the ticket's times are written on its clock (WITA in Gorontalo), never WIB by default. */
  timeZone: string;
  satkerCode: string;
  satkerName: string;
  status: string;
  createdAt: Date;
  cursorAt: string;
  responseMet: boolean | null;
  resolutionMet: boolean | null;
  breached: boolean;
}

/**
 * The tickets behind a figure of the SLA report (a month of a service or an office, a backlog
 * bucket), newest first, in the same scope as the report: the supervisor's drill-down.
 */
@Injectable()
export class SlaReportTickets {
  constructor(private readonly db: DataSource) {}

  /** The tickets, and the scope's offices (for their names). */
  async list(
    scope: ReportScope,
    period: ReportPeriod,
    filter: ReportTicketFilter,
  ): Promise<{ items: ReportTicket[]; more: boolean; offices: ReportOffice[] }> {
    if (filter.month && !/^\d{4}-(0[1-9]|1[0-2])$/.test(filter.month))
      throw fail('INVALID_PERIOD', { reason: 'MONTH' });
    if (filter.age && !(filter.age in BACKLOG_AGES))
      throw fail('VALIDATION_FAILED', [{ field: 'age', message: 'Kelompok umur tiket tidak dikenal.' }]);
    const offices = await reportOffices(this.db, scope, period);
    const params: unknown[] = [
      offices.filter((o) => !filter.officeCode || o.code === filter.officeCode).map((o) => o.id),
    ];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = [`t.office_id = ANY($1::uuid[])`];
    if (filter.age)
      where.push(OPEN_TICKETS, BACKLOG_AGES[filter.age]); // the backlog now: period and month do not apply
    else {
      // The period (and month) on each office's own clock, as the report counts them; the window a day
      // wider on each side lets the index narrow the scan before the office's exact bounds apply.
      const from = filter.month && `${filter.month}-01` > period.from ? `${filter.month}-01` : period.from;
      const to = filter.month && nextMonth(filter.month) < period.to ? nextMonth(filter.month) : period.to;
      const [lo, hi] = [param(from), param(to)];
      where.push(
        `t.created_at >= ${officeDayStart(lo, 'o.time_zone')}`,
        `t.created_at < ${officeDayStart(hi, 'o.time_zone')}`,
        `t.created_at >= (${lo}::date - 1)::timestamptz`,
        `t.created_at < (${hi}::date + 1)::timestamptz`,
      );
    }
    if (filter.serviceCode) where.push(`t.service_code = ${param(filter.serviceCode)}`);
    if (filter.breached) where.push('b.breached');
    if (filter.after)
      where.push(
        `(t.created_at, t.id) < (${param(filter.after.createdAt)}::timestamptz, ${param(filter.after.id)}::uuid)`,
      );
    const rows = await many<ReportTicket>(
      this.db,
      `SELECT t.id, t.number, t.service_code AS "serviceCode", o.code AS "officeCode", o.time_zone AS "timeZone", s.code AS "satkerCode", s.name AS "satkerName",
              t.status, t.created_at AS "createdAt", t.created_at::text AS "cursorAt", t.response_met AS "responseMet",
              t.resolution_met AS "resolutionMet", b.breached
         FROM tickets t JOIN offices o ON o.id = t.office_id JOIN satkers s ON s.id = t.satker_id
        CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM sla_clocks c WHERE c.ticket_id = t.id AND c.breached_at IS NOT NULL) AS breached) b
        WHERE ${where.join(' AND ')}
        ORDER BY t.created_at DESC, t.id DESC LIMIT ${param(filter.limit + 1)}`,
      params,
    );
    return { items: rows.slice(0, filter.limit), more: rows.length > filter.limit, offices };
  }
}
