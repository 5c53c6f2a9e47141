import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badRequest, forbidden } from '@loket/common';
import { many } from '@loket/db';

export interface ReportScope {
  /** Offices where the person is a supervisor (a KPPN, a Kanwil, or Kantor Pusat). */
  supervisorOfficeIds: string[];
}

export interface ReportPeriod {
  from: string; // YYYY-MM-DD, inclusive
  to: string; // YYYY-MM-DD, exclusive
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

// Offices a supervisor sees: their KPPN, the KPPNs under their Kanwil, or every office under Pusat.
const SCOPE_SQL = `
  scope AS (
    SELECT o.id FROM offices o
     WHERE o.id = ANY($1::uuid[]) OR o.parent_id = ANY($1::uuid[])
        OR EXISTS (SELECT 1 FROM offices p WHERE p.id = ANY($1::uuid[]) AND p.kind = 'PUSAT'))`;

/**
 * SLA reports for a supervisor's scope, by filing month (the month's cohort), office, service and
 * agent, computed by SQL aggregates over tickets' denormalised clock results.
 */
@Injectable()
export class SlaReports {
  constructor(private readonly db: DataSource) {}

  async report(scope: ReportScope, period: ReportPeriod) {
    if (scope.supervisorOfficeIds.length === 0) throw forbidden('NOT_A_SUPERVISOR', 'Laporan SLA hanya untuk supervisor.');
    if (!DAY.test(period.from) || !DAY.test(period.to) || period.from >= period.to) {
      throw badRequest('INVALID_PERIOD', 'Periode harus berupa tanggal from < to (YYYY-MM-DD).');
    }
    const params = [scope.supervisorOfficeIds, period.from, period.to];
    const [rows, backlog, breaches] = await Promise.all([
      many<Record<string, unknown>>(this.db, `
        WITH ${SCOPE_SQL},
        t AS (
          SELECT to_char(date_trunc('month', t.created_at AT TIME ZONE 'Asia/Jakarta'), 'YYYY-MM') AS month,
                 o.code AS office, t.service_code AS service, a.name AS agent, t.resolved_at, t.response_met,
                 t.resolution_met, t.response_minutes, t.resolution_minutes, t.correction_rounds
            FROM tickets t JOIN offices o ON o.id = t.office_id LEFT JOIN persons a ON a.id = t.assignee_id
           WHERE t.office_id IN (SELECT id FROM scope) AND t.created_at >= $2::date AND t.created_at < $3::date)
        SELECT month, office, service, agent,
               -- 0: one agent's row; 1: a service; 3: an office; 7: the whole month (agent NULL at 0 means unassigned)
               GROUPING(office, service, agent)::int AS "rollupLevel",
               count(*)::int AS filed,
               count(resolved_at)::int AS resolved,
               round(100.0 * count(*) FILTER (WHERE response_met) / NULLIF(count(response_met), 0), 1)::float AS "responseWithinTargetPct",
               round(100.0 * count(*) FILTER (WHERE resolution_met) / NULLIF(count(resolution_met), 0), 1)::float AS "resolutionWithinTargetPct",
               percentile_disc(0.5) WITHIN GROUP (ORDER BY response_minutes) AS "responseMedianMinutes",
               percentile_disc(0.9) WITHIN GROUP (ORDER BY response_minutes) AS "responseP90Minutes",
               percentile_disc(0.5) WITHIN GROUP (ORDER BY resolution_minutes) AS "resolutionMedianMinutes",
               percentile_disc(0.9) WITHIN GROUP (ORDER BY resolution_minutes) AS "resolutionP90Minutes",
               round(avg(correction_rounds), 2)::float AS "correctionRoundsPerTicket"
          FROM t
         GROUP BY GROUPING SETS ((month, office, service, agent), (month, office, service), (month, office), (month))
         ORDER BY month, office NULLS FIRST, service NULLS FIRST, agent NULLS FIRST`, params),
      many(this.db, `
        WITH ${SCOPE_SQL}
        SELECT o.code AS office, t.service_code AS service,
               count(*) FILTER (WHERE now() - t.created_at < interval '1 day')::int AS "under1Day",
               count(*) FILTER (WHERE now() - t.created_at >= interval '1 day' AND now() - t.created_at < interval '3 days')::int AS "days1To3",
               count(*) FILTER (WHERE now() - t.created_at >= interval '3 days' AND now() - t.created_at < interval '7 days')::int AS "days3To7",
               count(*) FILTER (WHERE now() - t.created_at >= interval '7 days')::int AS "over7Days"
          FROM tickets t JOIN offices o ON o.id = t.office_id
         WHERE t.office_id IN (SELECT id FROM scope) AND t.status IN ('BARU', 'DIPROSES', 'MENUNGGU_PERBAIKAN', 'DIESKALASI')
         GROUP BY 1, 2 ORDER BY 1, 2`, [scope.supervisorOfficeIds]),
      many(this.db, `
        WITH ${SCOPE_SQL}
        SELECT t.id AS "ticketId", t.number, t.service_code AS service, o.code AS office, c.kind AS clock,
               c.due_at AS "dueAt", c.stopped_at AS "stoppedAt", a.name AS agent
          FROM sla_clocks c JOIN tickets t ON t.id = c.ticket_id JOIN offices o ON o.id = t.office_id
          LEFT JOIN persons a ON a.id = t.assignee_id
         WHERE c.breached_at >= $2::date AND c.breached_at < $3::date AND t.office_id IN (SELECT id FROM scope)
         ORDER BY c.breached_at DESC LIMIT 1000`, params),
    ]);
    return { period, rows, backlog, breaches };
  }
}

/** A cell a spreadsheet would run as a formula is written as text. */
const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function toCsv(rows: Array<Record<string, unknown>>): string {
  if (rows.length === 0) return '';
  const headers = Object.keys(rows[0]);
  return [headers.join(','), ...rows.map((r) => headers.map((h) => cell(r[h])).join(','))].join('\r\n') + '\r\n';
}
