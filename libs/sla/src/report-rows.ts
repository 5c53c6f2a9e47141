import { jsonArray, jsonNumber, jsonObject, jsonString, type JsonPieces } from './report-json';

/**
 * What `rollupLevel` says a row adds up (GROUPING(office, service, agent) as bits 4, 2, 1): one agent's
 * tickets of a service at an office, a service at an office, an office, a service across the scope's
 * offices, or everything, per month.
 */
export const ROLLUP = { AGENT: 0, OFFICE_SERVICE: 1, OFFICE: 3, SERVICE: 5, MONTH: 7 } as const;

/** A month's medians and P90 over the scope's offices. */
export interface MonthPercentiles {
  responseMedianMinutes: number | null;
  responseP90Minutes: number | null;
  resolutionMedianMinutes: number | null;
  resolutionP90Minutes: number | null;
}

/** The counts each row adds up, as sla_report_rows names them: the scope's rows are their sums. */
const COUNTS = [
  'filed',
  'resolved',
  'response_measured',
  'response_met',
  'resolution_measured',
  'resolution_met',
  'correction_rounds',
  'rating_positif',
  'rating_netral',
  'rating_negatif',
  'reopened',
  'reopen_measured',
  'reopen_met',
];
const PERCENTILES = ['response_median', 'response_p90', 'resolution_median', 'resolution_p90'];

/**
 * round(times * part / whole, places) as PostgreSQL rounds it (half away from zero), in exact integer
 * steps (bigint: a national sum times 2000 outgrows integer), null for a zero whole. The float8 is the
 * very double JavaScript's `n / 10 ** places` gives, written with the same shortest digits.
 */
const rounded = (part: string, whole: string, times: number, places: number) =>
  `CASE WHEN ${whole} > 0 THEN ((${2 * times * 10 ** places}::bigint * ${part} + ${whole}) / (2::bigint * ${whole}))::float8 / ${10 ** places} END`;

/** A report row as the API answers it, over a row `u` of counts: its keys in order, with their JSON. */
const ROW_JSON = jsonObject([
  ['month', `'"' || u.month || '"'`], // YYYY-MM: nothing to escape
  ['office', jsonString('u.office')],
  ['service', jsonString('u.service')],
  ['agent', jsonString('u.agent')],
  ['rollupLevel', jsonNumber('u.level')],
  ['filed', jsonNumber('u.filed')],
  ['resolved', jsonNumber('u.resolved')],
  ['responseWithinTargetPct', jsonNumber(rounded('u.response_met', 'u.response_measured', 100, 1))],
  ['resolutionWithinTargetPct', jsonNumber(rounded('u.resolution_met', 'u.resolution_measured', 100, 1))],
  ['responseMedianMinutes', jsonNumber('u.response_median')],
  ['responseP90Minutes', jsonNumber('u.response_p90')],
  ['resolutionMedianMinutes', jsonNumber('u.resolution_median')],
  ['resolutionP90Minutes', jsonNumber('u.resolution_p90')],
  ['correctionRoundsPerTicket', jsonNumber(rounded('u.correction_rounds', 'u.filed', 1, 2))],
  ['ratingPositif', jsonNumber('u.rating_positif')],
  ['ratingNetral', jsonNumber('u.rating_netral')],
  ['ratingNegatif', jsonNumber('u.rating_negatif')],
  ['reopened', jsonNumber('u.reopened')],
  ['reopenResolutionWithinTargetPct', jsonNumber(rounded('u.reopen_met', 'u.reopen_measured', 100, 1))],
]);

/**
 * The report's rows as JSON text written by PostgreSQL, one result row per month, in order: `total`,
 * the month's row over the scope (rollup 7), and `rest`, the month's other rows joined by commas:
 * each service across the scope's offices (rollup 5, no medians: they would need every ticket), then
 * the offices' rows (3, 1, 0) from `sources` (queries with the columns of sla_report_rows). The
 * scope's counts are exact sums of its offices' counts. `oneOffice` (SQL of a boolean) says the
 * month's medians and P90 are the one office's own; a wider scope's come from other queries, and
 * reportRowsJson puts them in.
 *
 * Why the text comes from SQL: a national year is thousands of rows, and building them as objects
 * in Node, then writing them out as JSON, kept its collector busy for most of the request.
 *
 * The order is the report's: month, office, service, agent (a missing one first), level, names
 * compared byte by byte (COLLATE "C": UTF-8 order, which is JavaScript's `<` for every name without
 * characters beyond U+FFFF). In `rest` the services (no office) thus come before the offices.
 */
export const rowsJsonFrom = (sources: string[], oneOffice: string) => `
  WITH x AS (
    SELECT r.month AS month_start, to_char(r.month, 'YYYY-MM') AS month, o.code AS office, r.service_code AS service,
           a.name AS agent, r.rollup_level::int AS level, ${[...COUNTS, ...PERCENTILES].map((c) => `r.${c}`).join(', ')}
      FROM (${sources.join(' UNION ALL ')}) r JOIN offices o ON o.id = r.office_id
      LEFT JOIN persons a ON a.id = r.assignee_id AND r.rollup_level = 0
  ), scope AS (
    -- The month from the offices' rows (3), each service from the offices' rows of it (1).
    SELECT x.month_start, x.month, NULL::text AS office, x.service, NULL::text AS agent,
           CASE WHEN x.level = ${ROLLUP.OFFICE} THEN ${ROLLUP.MONTH} ELSE ${ROLLUP.SERVICE} END AS level,
           ${COUNTS.map((c) => `sum(x.${c}) AS ${c}`).join(', ')},
           ${PERCENTILES.map((c) => `CASE WHEN ${oneOffice} AND x.level = ${ROLLUP.OFFICE} THEN min(x.${c}) END AS ${c}`).join(', ')}
      FROM x WHERE x.level IN (${ROLLUP.OFFICE}, ${ROLLUP.OFFICE_SERVICE})
     GROUP BY x.month_start, x.month, x.level, x.service
  ), u AS (SELECT * FROM x UNION ALL SELECT * FROM scope)
  SELECT v.month, min(v.json) FILTER (WHERE v.level = ${ROLLUP.MONTH}) AS total,
         string_agg(v.json, ',' ORDER BY v.office COLLATE "C" NULLS FIRST, v.service COLLATE "C" NULLS FIRST,
                    v.agent COLLATE "C" NULLS FIRST, v.level) FILTER (WHERE v.level <> ${ROLLUP.MONTH}) AS rest
    FROM (SELECT u.month_start, u.month, u.office, u.service, u.agent, u.level, ${ROW_JSON} AS json FROM u) v
   GROUP BY v.month_start, v.month
   ORDER BY v.month_start`;

/** A month of rowsJsonFrom's answer. */
export interface MonthRowsJson {
  month: string;
  total: string;
  rest: string | null;
}

/**
 * rowsJsonFrom's months as one JSON array, the month rows given their medians and P90 from
 * `percentiles` (a scope wider than one office: over all its tickets). Twelve small rows a year are
 * parsed and written again; the thousands of others pass through as PostgreSQL wrote them.
 */
export function reportRowsJson(months: MonthRowsJson[], percentiles: Map<string, MonthPercentiles>): JsonPieces {
  return jsonArray(
    months.flatMap(({ month, total, rest }) => {
      const p = percentiles.get(month);
      // The medians' keys are already in the row (null): assigning them keeps their place.
      const row = p ? JSON.stringify(Object.assign(JSON.parse(total) as object, p)) : total;
      return rest === null ? [row] : [row, rest];
    }),
  );
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
