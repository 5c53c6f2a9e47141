import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badRequest } from '@loket/common';
import { many } from '@loket/db';
import { reportOffices, type ReportOffice, type ReportPeriod, type ReportScope } from './report-scope';

export const OPEN_TICKETS = `t.status IN ('BARU', 'DIPROSES', 'MENUNGGU_PERBAIKAN', 'DIESKALASI')`;

/** The age buckets of the report's backlog, as SQL over the age of an open ticket. */
export const BACKLOG_AGES = {
  under1Day: `now() - t.created_at < interval '1 day'`,
  days1To3: `now() - t.created_at >= interval '1 day' AND now() - t.created_at < interval '3 days'`,
  days3To7: `now() - t.created_at >= interval '3 days' AND now() - t.created_at < interval '7 days'`,
  over7Days: `now() - t.created_at >= interval '7 days'`,
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
  satkerCode: string;
  satkerName: string;
  status: string;
  createdAt: Date;
  cursorAt: string;
  responseMet: boolean | null;
  resolutionMet: boolean | null;
  breached: boolean;
}

const FROM = `($2::date::timestamp AT TIME ZONE 'Asia/Jakarta')`;
const TO = `($3::date::timestamp AT TIME ZONE 'Asia/Jakarta')`;

/**
 * The tickets behind a figure of the SLA report (a month of a service or an office, a backlog
 * bucket), newest first, in the same scope as the report: the supervisor's drill-down.
 */
@Injectable()
export class SlaReportTickets {
  constructor(private readonly db: DataSource) {}

  /** The offices in the supervisor's scope (also refuses a non-supervisor and a bad period). */
  offices(scope: ReportScope, period: ReportPeriod): Promise<ReportOffice[]> {
    return reportOffices(this.db, scope, period);
  }

  async list(scope: ReportScope, period: ReportPeriod, filter: ReportTicketFilter): Promise<{ items: ReportTicket[]; more: boolean }> {
    if (filter.month && !/^\d{4}-(0[1-9]|1[0-2])$/.test(filter.month)) throw badRequest('INVALID_PERIOD', 'Bulan harus berbentuk YYYY-MM.');
    if (filter.age && !(filter.age in BACKLOG_AGES)) throw badRequest('VALIDATION_FAILED', 'Kelompok umur tiket tidak dikenal.');
    const offices = (await this.offices(scope, period)).filter((o) => !filter.officeCode || o.code === filter.officeCode).map((o) => o.id);
    const params: unknown[] = [offices, period.from, period.to, filter.month ? `${filter.month}-01` : null, filter.serviceCode ?? null, filter.limit + 1];
    let after = '';
    if (filter.after) {
      params.push(filter.after.createdAt, filter.after.id);
      after = `AND (t.created_at, t.id) < ($7::timestamptz, $8::uuid)`;
    }
    const when = filter.age
      ? `${OPEN_TICKETS} AND ${BACKLOG_AGES[filter.age]} AND $2::text IS NOT NULL AND $3::text IS NOT NULL AND $4::date IS NULL`
      : `t.created_at >= ${FROM} AND t.created_at < ${TO} AND ($4::date IS NULL OR t.filed_month = $4::date)`;
    const rows = await many<ReportTicket>(this.db,
      `SELECT t.id, t.number, t.service_code AS "serviceCode", o.code AS "officeCode", s.code AS "satkerCode", s.name AS "satkerName",
              t.status, t.created_at AS "createdAt", t.created_at::text AS "cursorAt", t.response_met AS "responseMet",
              t.resolution_met AS "resolutionMet",
              EXISTS (SELECT 1 FROM sla_clocks c WHERE c.ticket_id = t.id AND c.breached_at IS NOT NULL) AS breached
         FROM tickets t JOIN offices o ON o.id = t.office_id JOIN satkers s ON s.id = t.satker_id
        WHERE t.office_id = ANY($1::uuid[]) AND ${when} AND ($5::text IS NULL OR t.service_code = $5) ${after}
          ${filter.breached ? 'AND EXISTS (SELECT 1 FROM sla_clocks b WHERE b.ticket_id = t.id AND b.breached_at IS NOT NULL)' : ''}
        ORDER BY t.created_at DESC, t.id DESC LIMIT $6`, params);
    return { items: rows.slice(0, filter.limit), more: rows.length > filter.limit };
  }
}
