import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { many } from '@loket/db';
import { BACKLOG_AGES, OPEN_TICKETS, type BacklogAge } from './report-tickets';
import { reportOffices, wibDayStart, type ReportPeriod, type ReportScope } from './report-scope';

/**
 * What `rollupLevel` says a row adds up (GROUPING(office, service, agent) as bits 4, 2, 1): one agent's
 * tickets of a service at an office, a service at an office, an office, a service across the scope's
 * offices, or everything, per month.
 */
export const ROLLUP = { AGENT: 0, OFFICE_SERVICE: 1, OFFICE: 3, SERVICE: 5, MONTH: 7 } as const;

// Period bounds are dates on the WIB calendar, like the filing month a ticket is counted in.
const FROM = wibDayStart('$2');
const TO = wibDayStart('$3');

const GROUPED = `
  WITH g AS (
    SELECT t.filed_month, t.office_id, t.service_code, t.assignee_id,
           GROUPING(t.office_id, t.service_code, t.assignee_id)::int AS "rollupLevel",
           count(*)::int AS filed,
           count(t.resolved_at)::int AS resolved,
           round(100.0 * count(*) FILTER (WHERE t.response_met) / NULLIF(count(t.response_met), 0), 1)::float AS "responseWithinTargetPct",
           round(100.0 * count(*) FILTER (WHERE t.resolution_met) / NULLIF(count(t.resolution_met), 0), 1)::float AS "resolutionWithinTargetPct",
           percentile_disc(0.5) WITHIN GROUP (ORDER BY t.response_minutes) AS "responseMedianMinutes",
           percentile_disc(0.9) WITHIN GROUP (ORDER BY t.response_minutes) AS "responseP90Minutes",
           percentile_disc(0.5) WITHIN GROUP (ORDER BY t.resolution_minutes) AS "resolutionMedianMinutes",
           percentile_disc(0.9) WITHIN GROUP (ORDER BY t.resolution_minutes) AS "resolutionP90Minutes",
           round(avg(t.correction_rounds), 2)::float AS "correctionRoundsPerTicket",
           count(t.response_met)::int AS "_responseMeasured", (count(*) FILTER (WHERE t.response_met))::int AS "_responseMet",
           count(t.resolution_met)::int AS "_resolutionMeasured", (count(*) FILTER (WHERE t.resolution_met))::int AS "_resolutionMet",
           sum(t.correction_rounds)::int AS "_correctionRounds",
           count(*) FILTER (WHERE t.rating = 'POSITIF')::int AS "ratingPositif",
           count(*) FILTER (WHERE t.rating = 'NETRAL')::int AS "ratingNetral",
           count(*) FILTER (WHERE t.rating = 'NEGATIF')::int AS "ratingNegatif",
           -- Reopened tickets and their later resolution cycles, apart from the first cycle's compliance above.
           count(*) FILTER (WHERE t.reopen_count > 0)::int AS reopened,
           round(100.0 * sum(t.reopen_cycles_met) / NULLIF(sum(t.reopen_cycles_measured), 0), 1)::float AS "reopenResolutionWithinTargetPct",
           sum(t.reopen_cycles_measured)::int AS "_reopenMeasured", sum(t.reopen_cycles_met)::int AS "_reopenMet"
      FROM tickets t
     WHERE t.office_id = ANY($1::uuid[]) AND t.created_at >= ${FROM} AND t.created_at < ${TO}
     GROUP BY GROUPING SETS ((t.filed_month, t.office_id, t.service_code, t.assignee_id),
                             (t.filed_month, t.office_id, t.service_code), (t.filed_month, t.office_id), (t.filed_month)))
  SELECT to_char(g.filed_month, 'YYYY-MM') AS month, o.code AS office, g.service_code AS service, a.name AS agent,
         g."rollupLevel", g.filed, g.resolved, g."responseWithinTargetPct", g."resolutionWithinTargetPct",
         g."responseMedianMinutes", g."responseP90Minutes", g."resolutionMedianMinutes", g."resolutionP90Minutes",
         g."correctionRoundsPerTicket", g."ratingPositif", g."ratingNetral", g."ratingNegatif", g.reopened, g."reopenResolutionWithinTargetPct",
         g."_responseMeasured", g."_responseMet", g."_resolutionMeasured", g."_resolutionMet", g."_correctionRounds", g."_reopenMeasured", g."_reopenMet"
    FROM g LEFT JOIN offices o ON o.id = g.office_id LEFT JOIN persons a ON a.id = g.assignee_id`;

/** Breached clocks of the period: the running cycles and the earlier cycles of reopened tickets. */
const BREACHED_CLOCKS = (
  table: string,
) => `(SELECT ticket_id, kind, cycle, due_at, stopped_at, breached_at FROM ${table}
  WHERE office_id = ANY($1::uuid[]) AND breached_at >= ${FROM} AND breached_at < ${TO}
  ORDER BY breached_at DESC LIMIT ${MAX_BREACHES + 1})`;

/** How many of the latest breaches a report lists. */
export const MAX_BREACHES = 1000;

/** Open tickets of an office and service now, counted per age bucket. */
export type BacklogRow = { office: string; service: string } & Record<BacklogAge, number>;

export interface BreachRow {
  ticketId: string;
  number: string;
  service: string;
  office: string;
  /** The office's zone, for writing dueAt on its clock. */
  timeZone: string;
  clock: 'RESPONSE' | 'RESOLUTION';
  /** The resolution cycle (above 1 for a reopened ticket). */
  cycle?: number;
  dueAt: Date;
  stoppedAt: Date | null;
  breachedAt: Date;
  agent: string | null;
}

type GroupRow = Record<string, unknown> & { month: string; service: string | null; rollupLevel: number; filed: number };
const COUNTS = [
  '_responseMeasured',
  '_responseMet',
  '_resolutionMeasured',
  '_resolutionMet',
  '_correctionRounds',
  '_reopenMeasured',
  '_reopenMet',
] as const;
/** round(100 * part / whole, 1) as PostgreSQL rounds it (half away from zero), in exact integer steps. */
const pct = (part: number, whole: number) =>
  whole === 0 ? null : Math.floor((2000 * part + whole) / (2 * whole)) / 10;

/**
 * Adds each service's row across the scope's offices per month (rollup 5), summed from its
 * office rows: counts, compliance and correction rounds are exact; medians and P90 need every
 * ticket's value and are given per office only. In SQL this grouping set costs a second sort of
 * the whole period (a year nationally: 1.15 s instead of 0.75 s); here it costs a pass over a few
 * thousand rows. The helper counts are then dropped from every row.
 */
function withServiceRollup(rows: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  const SUMMED = ['filed', 'resolved', 'ratingPositif', 'ratingNetral', 'ratingNegatif', 'reopened', ...COUNTS];
  const sums = new Map<string, { month: string; service: string; n: Record<string, number> }>();
  for (const r of rows as GroupRow[]) {
    if (r.rollupLevel !== ROLLUP.OFFICE_SERVICE) continue;
    const key = `${r.month}|${r.service}`;
    const acc = sums.get(key) ?? {
      month: r.month,
      service: r.service!,
      n: Object.fromEntries(SUMMED.map((k) => [k, 0])),
    };
    for (const k of SUMMED) acc.n[k] += Number(r[k]);
    sums.set(key, acc);
  }
  const services = [...sums.values()].map(({ month, service, n }) => ({
    month,
    office: null,
    service,
    agent: null,
    rollupLevel: ROLLUP.SERVICE,
    filed: n.filed,
    resolved: n.resolved,
    responseWithinTargetPct: pct(n._responseMet, n._responseMeasured),
    resolutionWithinTargetPct: pct(n._resolutionMet, n._resolutionMeasured),
    responseMedianMinutes: null,
    responseP90Minutes: null,
    resolutionMedianMinutes: null,
    resolutionP90Minutes: null,
    correctionRoundsPerTicket:
      n.filed === 0 ? null : Math.floor((200 * n._correctionRounds + n.filed) / (2 * n.filed)) / 100,
    ratingPositif: n.ratingPositif,
    ratingNetral: n.ratingNetral,
    ratingNegatif: n.ratingNegatif,
    reopened: n.reopened,
    reopenResolutionWithinTargetPct: pct(n._reopenMet, n._reopenMeasured),
  }));
  const strip = (r: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('_')));
  return [...rows.map(strip), ...services];
}

/** First days of the months in [from, to), split into `parts` consecutive runs of whole months. */
function monthChunks(period: ReportPeriod, parts: number): ReportPeriod[] {
  const starts: string[] = [period.from];
  const d = new Date(`${period.from.slice(0, 7)}-01T00:00:00Z`);
  for (;;) {
    d.setUTCMonth(d.getUTCMonth() + 1);
    const day = d.toISOString().slice(0, 10);
    if (day >= period.to) break;
    starts.push(day);
  }
  const size = Math.ceil(starts.length / parts);
  const chunks: ReportPeriod[] = [];
  for (let i = 0; i < starts.length; i += size) {
    chunks.push({ from: starts[i], to: starts[i + size] ?? period.to });
  }
  return chunks;
}

const byKey = (a: Record<string, unknown>, b: Record<string, unknown>) => {
  for (const k of ['month', 'office', 'service', 'agent']) {
    const [x, y] = [a[k] as string | null, b[k] as string | null];
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    return x < y ? -1 : 1;
  }
  return (a.rollupLevel as number) - (b.rollupLevel as number);
};

/**
 * SLA reports for a supervisor's scope, by filing month (the month's cohort), office, service and
 * agent, computed by SQL aggregates over tickets' denormalised clock results. A year is split into
 * runs of months queried side by side: every group lies within one month, so the parts are exact.
 */
@Injectable()
export class SlaReports {
  constructor(private readonly db: DataSource) {}

  async report(scope: ReportScope, period: ReportPeriod) {
    const scoped = await reportOffices(this.db, scope, period);
    const offices = scoped.map((o) => o.id);
    const chunks = monthChunks(period, 2);
    const [grouped, backlog, latest] = await Promise.all([
      Promise.all(
        chunks.map((c) =>
          this.db.transaction(async (em) => {
            // Percentiles sort each group's values; keep those sorts in memory.
            await em.query(`SET LOCAL work_mem = '128MB'`);
            return many<Record<string, unknown>>(em, GROUPED, [offices, c.from, c.to]);
          }),
        ),
      ),
      many<BacklogRow>(
        this.db,
        `
        SELECT o.code AS office, t.service_code AS service,
               ${Object.entries(BACKLOG_AGES)
                 .map(([name, when]) => `count(*) FILTER (WHERE ${when})::int AS "${name}"`)
                 .join(',\n               ')}
          FROM tickets t JOIN offices o ON o.id = t.office_id
         WHERE t.office_id = ANY($1::uuid[]) AND ${OPEN_TICKETS}
         GROUP BY 1, 2 ORDER BY 1, 2`,
        [offices],
      ),
      many<BreachRow>(
        this.db,
        `
        SELECT t.id AS "ticketId", t.number, t.service_code AS service, o.code AS office, o.time_zone AS "timeZone", c.kind AS clock, c.cycle,
               c.due_at AS "dueAt", c.stopped_at AS "stoppedAt", c.breached_at AS "breachedAt", a.name AS agent
          FROM (${BREACHED_CLOCKS('sla_clocks')} UNION ALL ${BREACHED_CLOCKS('sla_clock_cycles')}) c
          JOIN tickets t ON t.id = c.ticket_id JOIN offices o ON o.id = t.office_id
          LEFT JOIN persons a ON a.id = t.assignee_id
         ORDER BY c.breached_at DESC LIMIT ${MAX_BREACHES + 1}`,
        [offices, period.from, period.to],
      ),
    ]);
    // The latest breaches only (counting them all nationally costs half a second); one more says whether there are others.
    const breaches = latest.slice(0, MAX_BREACHES);
    return {
      period,
      offices: scoped.map(({ code, name }) => ({ code, name })),
      rows: withServiceRollup(grouped.flat()).sort(byKey),
      backlog,
      breaches,
      moreBreaches: latest.length > MAX_BREACHES,
    };
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
  return (
    [headers.map(cell).join(','), ...rows.map((r) => headers.map((h) => cell(r[h])).join(','))].join('\r\n') + '\r\n'
  );
}
