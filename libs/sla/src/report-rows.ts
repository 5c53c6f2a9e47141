/**
 * What `rollupLevel` says a row adds up (GROUPING(office, service, agent) as bits 4, 2, 1): one agent's
 * tickets of a service at an office, a service at an office, an office, a service across the scope's
 * offices, or everything, per month.
 */
export const ROLLUP = { AGENT: 0, OFFICE_SERVICE: 1, OFFICE: 3, SERVICE: 5, MONTH: 7 } as const;

/**
 * The counts of one office's rows (levels 0, 1, 3) from sources with the columns of sla_report_rows,
 * in the report's order: month, office, service, agent (nulls first), level. Names are compared
 * byte by byte (COLLATE "C": UTF-8 order, which is JavaScript's `<` for every name without characters
 * beyond U+FFFF), so the scope rows slot in without a sort in Node. Percentages are left to Node
 * (`pct`, exact integer steps): the rows carry counts only.
 *
 * The rows come as one JSON text of arrays (COLUMNS in order, read by `parseRows`): a national year
 * is thousands of rows, and one JSON.parse costs Node a fraction of decoding each column of each row.
 */
export const rowsFrom = (sources: string[]) => `
  SELECT coalesce(json_agg(json_build_array(${COLUMNS.map((c) => `x."${c}"`).join(', ')})
           ORDER BY x.month_start, x.office COLLATE "C", x.service COLLATE "C" NULLS FIRST,
                    x.agent COLLATE "C" NULLS FIRST, x."rollupLevel"), '[]')::text AS rows
    FROM (SELECT r.month AS month_start, to_char(r.month, 'YYYY-MM') AS month, o.code AS office, r.service_code AS service, a.name AS agent,
                 r.rollup_level::int AS "rollupLevel", r.filed, r.resolved, r.response_measured AS "responseMeasured",
                 r.response_met AS "responseMet", r.resolution_measured AS "resolutionMeasured", r.resolution_met AS "resolutionMet",
                 r.correction_rounds AS "correctionRounds", r.rating_positif AS "ratingPositif", r.rating_netral AS "ratingNetral",
                 r.rating_negatif AS "ratingNegatif", r.reopened, r.reopen_measured AS "reopenMeasured", r.reopen_met AS "reopenMet",
                 r.response_median AS "responseMedianMinutes", r.response_p90 AS "responseP90Minutes",
                 r.resolution_median AS "resolutionMedianMinutes", r.resolution_p90 AS "resolutionP90Minutes"
            FROM (${sources.join(' UNION ALL ')}) r JOIN offices o ON o.id = r.office_id
            LEFT JOIN persons a ON a.id = r.assignee_id AND r.rollup_level = 0) x`;

/**
 * The rows of rowsFrom's JSON text, as objects: written out, since objects built key by key would be
 * slow dictionaries, and by index, since every array or object more per row is more for the collector.
 */
export function parseRows(json: string): ReportRow[] {
  // Each entry is typed by the field it fills (never: assignable to any).
  return (JSON.parse(json) as Array<Array<never>>).map((v) => ({
    month: v[0],
    office: v[1],
    service: v[2],
    agent: v[3],
    rollupLevel: v[4],
    filed: v[5],
    resolved: v[6],
    responseMeasured: v[7],
    responseMet: v[8],
    resolutionMeasured: v[9],
    resolutionMet: v[10],
    correctionRounds: v[11],
    ratingPositif: v[12],
    ratingNetral: v[13],
    ratingNegatif: v[14],
    reopened: v[15],
    reopenMeasured: v[16],
    reopenMet: v[17],
    responseMedianMinutes: v[18],
    responseP90Minutes: v[19],
    resolutionMedianMinutes: v[20],
    resolutionP90Minutes: v[21],
  }));
}

const COUNTS = [
  'filed',
  'resolved',
  'responseMeasured',
  'responseMet',
  'resolutionMeasured',
  'resolutionMet',
  'correctionRounds',
  'ratingPositif',
  'ratingNetral',
  'ratingNegatif',
  'reopened',
  'reopenMeasured',
  'reopenMet',
] as const;
type Counts = Record<(typeof COUNTS)[number], number>;

/** A month's medians and P90 over the scope's offices. */
export interface MonthPercentiles {
  responseMedianMinutes: number | null;
  responseP90Minutes: number | null;
  resolutionMedianMinutes: number | null;
  resolutionP90Minutes: number | null;
}

/** One row as rowsFrom reads it: its keys, counts and (for one office's rows) medians and P90. */
export type ReportRow = Counts &
  MonthPercentiles & {
    month: string;
    office: string | null;
    service: string | null;
    agent: string | null;
    rollupLevel: number;
  };

const KEYS = ['month', 'office', 'service', 'agent', 'rollupLevel'] as const;
const PERCENTILES = [
  'responseMedianMinutes',
  'responseP90Minutes',
  'resolutionMedianMinutes',
  'resolutionP90Minutes',
] as const;
/** What each entry of a row of rowsFrom's JSON is, in the order parseRows reads them. */
const COLUMNS: ReadonlyArray<keyof ReportRow> = [...KEYS, ...COUNTS, ...PERCENTILES];

const NO_PERCENTILES: MonthPercentiles = {
  responseMedianMinutes: null,
  responseP90Minutes: null,
  resolutionMedianMinutes: null,
  resolutionP90Minutes: null,
};

/** round(100 * part / whole, 1) as PostgreSQL rounds it (half away from zero), in exact integer steps. */
const pct = (part: number, whole: number) =>
  whole === 0 ? null : Math.floor((2000 * part + whole) / (2 * whole)) / 10;

/** A row of the report as the API gives it: keys, counts, percentages rounded as the SQL rounds them. */
function line(k: Omit<ReportRow, keyof Counts | keyof MonthPercentiles>, n: Counts, p: MonthPercentiles) {
  return {
    month: k.month,
    office: k.office,
    service: k.service,
    agent: k.agent,
    rollupLevel: k.rollupLevel,
    filed: n.filed,
    resolved: n.resolved,
    responseWithinTargetPct: pct(n.responseMet, n.responseMeasured),
    resolutionWithinTargetPct: pct(n.resolutionMet, n.resolutionMeasured),
    responseMedianMinutes: p.responseMedianMinutes,
    responseP90Minutes: p.responseP90Minutes,
    resolutionMedianMinutes: p.resolutionMedianMinutes,
    resolutionP90Minutes: p.resolutionP90Minutes,
    correctionRoundsPerTicket:
      n.filed === 0 ? null : Math.floor((200 * n.correctionRounds + n.filed) / (2 * n.filed)) / 100,
    ratingPositif: n.ratingPositif,
    ratingNetral: n.ratingNetral,
    ratingNegatif: n.ratingNegatif,
    reopened: n.reopened,
    reopenResolutionWithinTargetPct: pct(n.reopenMet, n.reopenMeasured),
  };
}
type ReportLine = ReturnType<typeof line>;

const zero = (): Counts => Object.fromEntries(COUNTS.map((c) => [c, 0])) as Counts;
function add(into: Counts, r: Counts) {
  for (const c of COUNTS) into[c] += r[c];
}

/**
 * The report's rows: the offices' rows (in rowsFrom's order) and, first in each month, the scope's:
 * the month (rollup 7, with the month's medians and P90 over the scope's offices from `percentiles`)
 * and each service across the offices (rollup 5, no medians: they would need every ticket). Counts
 * and compliance of the scope are exact sums of its offices' counts. One pass, no sort: a national
 * year is tens of thousands of rows.
 */
export function withScopeRollups(
  rows: ReportRow[],
  percentiles: Map<string, MonthPercentiles>,
): Array<Record<string, unknown>> {
  const out: ReportLine[] = [];
  for (let i = 0; i < rows.length;) {
    const month = rows[i].month;
    const total = zero();
    const services = new Map<string, Counts>();
    let end = i;
    for (; end < rows.length && rows[end].month === month; end++) {
      const r = rows[end];
      if (r.rollupLevel === ROLLUP.OFFICE) add(total, r);
      else if (r.rollupLevel === ROLLUP.OFFICE_SERVICE) {
        const sum = services.get(r.service!) ?? zero();
        add(sum, r);
        services.set(r.service!, sum);
      }
    }
    const scope = { month, office: null, agent: null };
    out.push(
      line({ ...scope, service: null, rollupLevel: ROLLUP.MONTH }, total, percentiles.get(month) ?? NO_PERCENTILES),
    );
    for (const service of [...services.keys()].sort())
      out.push(line({ ...scope, service, rollupLevel: ROLLUP.SERVICE }, services.get(service)!, NO_PERCENTILES));
    for (; i < end; i++) out.push(line(rows[i], rows[i], rows[i]));
  }
  return out;
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
