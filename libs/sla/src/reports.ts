import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { many, one } from '@loket/db';
import { BACKLOG_AGES, OPEN_TICKETS, type BacklogAge } from './report-tickets';
import { reportOffices, type ReportOffice, type ReportPeriod, type ReportScope } from './report-scope';
import { reportRowsJson, ROLLUP, rowsJsonFrom, type MonthPercentiles, type MonthRowsJson } from './report-rows';
import { splitPeriod } from './report-period-split';
import { breachesJson, parseBreaches } from './report-breaches';

const PERCENTILES = `to_char(p.month, 'YYYY-MM') AS month, p.response_median AS "responseMedianMinutes", p.response_p90 AS "responseP90Minutes",
  p.resolution_median AS "resolutionMedianMinutes", p.resolution_p90 AS "resolutionP90Minutes"`;

/** The backlog's age buckets, as the report lists them. */
const AGES = Object.keys(BACKLOG_AGES) as BacklogAge[];

/** Open tickets of an office and service now, counted per age bucket. */
export type BacklogRow = { office: string; service: string } & Record<BacklogAge, number>;

/**
 * The summarised group whose month medians equal the scope's: a Kanwil supervisor's (the Kanwil and
 * its KPPNs) or Kantor Pusat's (every office). A one-office scope has them in its office rows.
 */
function summaryGroup(scope: ReportScope, offices: ReportOffice[]): string | null {
  const own = offices.filter((o) => scope.supervisorOfficeIds.includes(o.id));
  const pusat = own.find((o) => o.kind === 'PUSAT');
  if (pusat) return pusat.id;
  return own.length === 1 && own[0].kind === 'KANWIL' ? own[0].id : null;
}

/**
 * SLA reports for a supervisor's scope, by filing month (the month's cohort, on each office's own
 * clock), office, service and agent. Whole months are read from the summary the worker refreshes
 * (sla_report_rows, migration 1766100000000; `asOf` says when), months only partly in the period are
 * computed from the tickets by the same SQL function. Counts and compliance of the scope are sums of
 * its offices' counts; the month medians and P90 are exact, from the summary's groups or the tickets.
 */
@Injectable()
export class SlaReports {
  constructor(private readonly db: DataSource) {}

  /** The report with its rows and breaches as objects (the portal's dashboard, the CSV). */
  async report(scope: ReportScope, period: ReportPeriod, options: { agentRows?: boolean } = {}) {
    const { rowsJson, breachesJson, ...report } = await this.reportJson(scope, period, options);
    return {
      ...report,
      rows: JSON.parse(rowsJson.join('')) as Array<Record<string, unknown>>,
      breaches: parseBreaches(breachesJson),
    };
  }

  /**
   * The report with its rows and breaches as the JSON text PostgreSQL wrote (rowsJsonFrom,
   * breachesJson), for an answer that splices it in: a national year is megabytes of rows that Node
   * then neither parses nor writes.
   * `agentRows`: whether the rows per agent come too. Unless asked, they do for one office only: a
   * national year has 540 agents' rows a month, a third of its rows, which no scope-wide view reads.
   */
  async reportJson(scope: ReportScope, period: ReportPeriod, options: { agentRows?: boolean } = {}) {
    const scoped = await reportOffices(this.db, scope, period);
    const ids = scoped.map((o) => o.id);
    const breaches = breachesJson(scoped, period);
    const agentRows = options.agentRows ?? scoped.length === 1;
    const { whole, parts } = splitPeriod(period);
    const group = summaryGroup(scope, scoped);
    const [months, groupPercentiles, livePercentiles, state, backlog, latest] = await Promise.all([
      this.rows(ids, whole, parts, agentRows),
      whole && group && scoped.length > 1
        ? many<MonthPercentiles & { month: string }>(
            this.db,
            `SELECT ${PERCENTILES} FROM sla_report_groups p WHERE p.group_id = $1 AND p.month >= $2::date AND p.month < $3::date`,
            [group, whole.from, whole.to],
          )
        : [],
      scoped.length > 1
        ? this.livePercentiles(ids, [...(whole && !group ? [whole] : []), ...parts])
        : ([] as Array<MonthPercentiles & { month: string }>),
      one<{ refreshedAt: Date }>(this.db, `SELECT refreshed_at AS "refreshedAt" FROM sla_report_state`),
      // Counted per office id and service as the open tickets' index lists them (no hashing), then named.
      many<BacklogRow>(
        this.db,
        `
        SELECT o.code AS office, b.service, ${AGES.map((name) => `b."${name}"`).join(', ')}
          FROM (SELECT t.office_id, t.service_code AS service,
                       ${AGES.map((name) => `count(*) FILTER (WHERE ${BACKLOG_AGES[name]})::int AS "${name}"`).join(',\n                       ')}
                  FROM tickets t
                 WHERE t.office_id = ANY($1::uuid[]) AND ${OPEN_TICKETS}
                 GROUP BY 1, 2) b
          JOIN offices o ON o.id = b.office_id
         ORDER BY 1, 2`,
        [ids],
      ),
      one<{ breaches: string; more: boolean }>(this.db, breaches.sql, breaches.params),
    ]);
    // A scope wider than one office: the month's medians and P90 over all its tickets (one office's are in its rows).
    const percentiles = new Map([...groupPercentiles, ...livePercentiles].map(({ month, ...p }) => [month, p]));
    return {
      period,
      offices: scoped.map(({ code, name }) => ({ code, name })),
      /** When the summary behind the whole months was last refreshed (null: no whole month in the period). */
      asOf: whole ? (state?.refreshedAt ?? null) : null,
      agentRows,
      rowsJson: reportRowsJson(months, percentiles),
      backlog,
      /** The latest breaches (MAX_BREACHES at most). */
      breachesJson: latest!.breaches,
      moreBreaches: latest!.more,
    };
  }

  /** The report's rows by month (rowsJsonFrom): whole months from the summary, part months from the tickets. */
  private rows(ids: string[], whole: ReportPeriod | null, parts: ReportPeriod[], agentRows: boolean) {
    const params: unknown[] = [];
    const sources: string[] = [];
    const levels = agentRows ? '' : ` AND rollup_level <> ${ROLLUP.AGENT}`;
    if (whole) {
      const at = params.push(ids, whole.from, whole.to);
      sources.push(
        `SELECT * FROM sla_report_rows WHERE office_id = ANY($${at - 2}::uuid[]) AND month >= $${at - 1}::date AND month < $${at}::date${levels}`,
      );
    }
    if (parts.length) {
      const at = params.push(...cellArgs(ids, parts));
      sources.push(
        `SELECT * FROM sla_report_cells($${at - 2}::uuid[], $${at - 1}::date[], $${at}::date[]) WHERE TRUE${levels}`,
      );
    }
    const oneOffice = params.push(ids.length === 1);
    return many<MonthRowsJson>(this.db, rowsJsonFrom(sources, `$${oneOffice}::boolean`), params);
  }

  /** Month medians and P90 over the scope's offices, from the tickets (a scope no summarised group matches, part months). */
  private livePercentiles(ids: string[], ranges: ReportPeriod[]) {
    if (ranges.length === 0) return Promise.resolve([]);
    const entries = ranges.flatMap((r) => ids.map((id) => ({ id, ...r })));
    return many<MonthPercentiles & { month: string }>(
      this.db,
      `SELECT ${PERCENTILES} FROM sla_report_percentiles($1::uuid[], $2::uuid[], $3::date[], $4::date[]) p`,
      [entries.map((e) => e.id), entries.map(() => ids[0]), entries.map((e) => e.from), entries.map((e) => e.to)],
    );
  }
}

/** The arguments of sla_report_cells for the scope's offices over the given ranges. */
function cellArgs(ids: string[], ranges: ReportPeriod[]): unknown[] {
  const entries = ranges.flatMap((r) => ids.map((id) => ({ id, ...r })));
  return [entries.map((e) => e.id), entries.map((e) => e.from), entries.map((e) => e.to)];
}
