/**
 * What `rollupLevel` says a row adds up (GROUPING(office, service, agent) as bits 4, 2, 1): one agent's
 * tickets of a service at an office, a service at an office, an office, a service across the scope's
 * offices, or everything, per month.
 */
export const ROLLUP = { AGENT: 0, OFFICE_SERVICE: 1, OFFICE: 3, SERVICE: 5, MONTH: 7 } as const;

/** The figures of one office's rows (levels 0, 1, 3) from a source with the columns of sla_report_rows as `r`. */
export const rowsFrom = (source: string) => `
  SELECT to_char(r.month, 'YYYY-MM') AS month, o.code AS office, r.service_code AS service, a.name AS agent,
         r.rollup_level::int AS "rollupLevel", r.filed, r.resolved,
         round(100.0 * r.response_met / NULLIF(r.response_measured, 0), 1)::float AS "responseWithinTargetPct",
         round(100.0 * r.resolution_met / NULLIF(r.resolution_measured, 0), 1)::float AS "resolutionWithinTargetPct",
         r.response_median AS "responseMedianMinutes", r.response_p90 AS "responseP90Minutes",
         r.resolution_median AS "resolutionMedianMinutes", r.resolution_p90 AS "resolutionP90Minutes",
         round(r.correction_rounds::numeric / NULLIF(r.filed, 0), 2)::float AS "correctionRoundsPerTicket",
         r.rating_positif AS "ratingPositif", r.rating_netral AS "ratingNetral", r.rating_negatif AS "ratingNegatif",
         r.reopened, round(100.0 * r.reopen_met / NULLIF(r.reopen_measured, 0), 1)::float AS "reopenResolutionWithinTargetPct",
         r.response_measured AS "_responseMeasured", r.response_met AS "_responseMet",
         r.resolution_measured AS "_resolutionMeasured", r.resolution_met AS "_resolutionMet",
         r.correction_rounds AS "_correctionRounds", r.reopen_measured AS "_reopenMeasured", r.reopen_met AS "_reopenMet"
    FROM ${source} r JOIN offices o ON o.id = r.office_id
    LEFT JOIN persons a ON a.id = r.assignee_id AND r.rollup_level = 0`;

export type ReportRow = Record<string, unknown> & {
  month: string;
  office: string | null;
  service: string | null;
  rollupLevel: number;
};

/** A month's medians and P90 over the scope's offices. */
export interface MonthPercentiles {
  responseMedianMinutes: number | null;
  responseP90Minutes: number | null;
  resolutionMedianMinutes: number | null;
  resolutionP90Minutes: number | null;
}

const COUNTS = [
  '_responseMeasured',
  '_responseMet',
  '_resolutionMeasured',
  '_resolutionMet',
  '_correctionRounds',
  '_reopenMeasured',
  '_reopenMet',
] as const;
const SUMMED = ['filed', 'resolved', 'ratingPositif', 'ratingNetral', 'ratingNegatif', 'reopened', ...COUNTS];

/** round(100 * part / whole, 1) as PostgreSQL rounds it (half away from zero), in exact integer steps. */
const pct = (part: number, whole: number) =>
  whole === 0 ? null : Math.floor((2000 * part + whole) / (2 * whole)) / 10;

/** One summed row from its counts, with percentages rounded as the SQL rounds them. */
function summed(month: string, service: string | null, level: number, n: Record<string, number>, p?: MonthPercentiles) {
  return {
    month,
    office: null,
    service,
    agent: null,
    rollupLevel: level,
    filed: n.filed,
    resolved: n.resolved,
    responseWithinTargetPct: pct(n._responseMet, n._responseMeasured),
    resolutionWithinTargetPct: pct(n._resolutionMet, n._resolutionMeasured),
    responseMedianMinutes: p?.responseMedianMinutes ?? null,
    responseP90Minutes: p?.responseP90Minutes ?? null,
    resolutionMedianMinutes: p?.resolutionMedianMinutes ?? null,
    resolutionP90Minutes: p?.resolutionP90Minutes ?? null,
    correctionRoundsPerTicket:
      n.filed === 0 ? null : Math.floor((200 * n._correctionRounds + n.filed) / (2 * n.filed)) / 100,
    ratingPositif: n.ratingPositif,
    ratingNetral: n.ratingNetral,
    ratingNegatif: n.ratingNegatif,
    reopened: n.reopened,
    reopenResolutionWithinTargetPct: pct(n._reopenMet, n._reopenMeasured),
  };
}

/** Sums the rows of one level per key: counts and compliance are exact sums of the offices' counts. */
function sumBy(rows: ReportRow[], level: number, key: (r: ReportRow) => string) {
  const sums = new Map<string, { row: ReportRow; n: Record<string, number> }>();
  for (const r of rows) {
    if (r.rollupLevel !== level) continue;
    const k = key(r);
    const acc = sums.get(k) ?? { row: r, n: Object.fromEntries(SUMMED.map((c) => [c, 0])) };
    for (const c of SUMMED) acc.n[c] += Number(r[c]);
    sums.set(k, acc);
  }
  return [...sums.values()];
}

/**
 * Adds the scope's rows to the offices' rows: each service across the offices per month (rollup 5,
 * no medians: they would need every ticket) and each month (rollup 7, with the month's medians and
 * P90 over the scope's offices from `percentiles`). The helper counts are then dropped from every row.
 */
export function withScopeRollups(
  rows: ReportRow[],
  percentiles: Map<string, MonthPercentiles>,
): Array<Record<string, unknown>> {
  const services = sumBy(rows, ROLLUP.OFFICE_SERVICE, (r) => `${r.month}|${r.service}`).map(({ row, n }) =>
    summed(row.month, row.service, ROLLUP.SERVICE, n),
  );
  const months = sumBy(rows, ROLLUP.OFFICE, (r) => r.month).map(({ row, n }) =>
    summed(row.month, null, ROLLUP.MONTH, n, percentiles.get(row.month)),
  );
  const strip = (r: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('_')));
  return [...rows.map(strip), ...services, ...months].sort(byKey);
}

function byKey(a: Record<string, unknown>, b: Record<string, unknown>): number {
  for (const k of ['month', 'office', 'service', 'agent']) {
    const [x, y] = [a[k] as string | null, b[k] as string | null];
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    return x < y ? -1 : 1;
  }
  return (a.rollupLevel as number) - (b.rollupLevel as number);
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
