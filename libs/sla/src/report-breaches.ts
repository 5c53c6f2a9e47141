import { jsonNumber, jsonObject, jsonString, jsonTime } from './report-json';
import { officeDayStart, type ReportOffice, type ReportPeriod } from './report-scope';
import { local } from './zone';

/** How many of the latest breaches a report lists. */
export const MAX_BREACHES = 1000;

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

/** Latest first; clocks breached at the same moment by ticket, clock and cycle, so every call lists the same ones in one order. */
const LATEST_FIRST = 'c.breached_at DESC, c.ticket_id, c.kind, c.cycle';

/** Up to this many offices, each office's latest breaches are read from its own index (below). */
const PER_OFFICE_UP_TO = 30;

/** A query of breached clocks, once over the running cycles and once over reopened tickets' earlier ones. */
const bothCycleTables = (query: (table: string) => string) => ['sla_clocks', 'sla_clock_cycles'].map(query);
const CLOCK = 'c.ticket_id, c.kind, c.cycle, c.due_at, c.stopped_at, c.breached_at';
/** The values as placeholders ($n), appended to `params`. */
const bind = (params: unknown[], values: unknown[]) => values.map((v) => `$${params.push(v)}`);

/**
 * Many offices (Kantor Pusat): breached clocks of the period walking the national breach index
 * backwards in a window a day wider on each side, each office's exact bounds (its own days) applied
 * to each clock, stopping at the latest.
 */
function walked(offices: ReportOffice[], period: ReportPeriod, params: unknown[]): string {
  const [ids, from, to] = bind(params, [offices.map((o) => o.id), period.from, period.to]);
  return bothCycleTables(
    (table) => `(SELECT ${CLOCK} FROM ${table} c JOIN offices bo ON bo.id = c.office_id
   WHERE c.office_id = ANY(${ids}::uuid[])
     AND c.breached_at >= (${from}::date - 1)::timestamptz AND c.breached_at < (${to}::date + 1)::timestamptz
     AND c.breached_at >= ${officeDayStart(from, 'bo.time_zone')} AND c.breached_at < ${officeDayStart(to, 'bo.time_zone')}
   ORDER BY ${LATEST_FIRST} LIMIT ${MAX_BREACHES + 1})`,
  ).join(' UNION ALL ');
}

/**
 * A few offices (a KPPN, a Kanwil): each office's latest breached clocks of the period from its own
 * (office_id, breached_at) index, the bounds of its days computed here and bound as values. Walking
 * the national index for them reads every other office's breaches on the way (a KPPN: 30 to 140 ms),
 * and bounds written as SQL over the office's zone leave the planner no estimate to choose the index
 * by. The bounds are written as (office, time) pairs and the order as the index's own, which only
 * that index gives: with `office_id = $n` the planner walks the national index whenever the office
 * has many clocks that never breached. WITH TIES keeps every clock tied with the last one, so
 * LATEST_FIRST decides among them.
 */
function perOffice(offices: ReportOffice[], period: ReportPeriod, params: unknown[]): string {
  return offices
    .flatMap((o) => {
      const [id, from, to] = bind(params, [o.id, local(period.from, o.timeZone), local(period.to, o.timeZone)]);
      return bothCycleTables(
        (table) => `(SELECT ${CLOCK} FROM ${table} c
           WHERE c.breached_at IS NOT NULL
             AND (c.office_id, c.breached_at) >= (${id}::uuid, ${from}::timestamptz) AND (c.office_id, c.breached_at) < (${id}::uuid, ${to}::timestamptz)
           ORDER BY c.office_id DESC, c.breached_at DESC FETCH FIRST ${MAX_BREACHES + 1} ROWS WITH TIES)`,
      );
    })
    .join(' UNION ALL ');
}

/**
 * The latest breaches of the offices over the period as the JSON text of the answer's array
 * (`breaches`: each a BreachRow's keys in order, report-json.ts), and whether there are more (`more`:
 * one more is read to tell; counting them all nationally costs half a second). Latest first, clocks
 * breached at the same moment in a fixed order (LATEST_FIRST); only those rows meet tickets.
 */
export function breachesJson(offices: ReportOffice[], period: ReportPeriod): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const clocks = (offices.length <= PER_OFFICE_UP_TO ? perOffice : walked)(offices, period, params);
  const sql = `
  SELECT '[' || coalesce(array_to_string((array_agg(b.json ORDER BY b.n))[1:${MAX_BREACHES}], ','), '') || ']' AS breaches,
         count(*) > ${MAX_BREACHES} AS more
    FROM (SELECT row_number() OVER (ORDER BY ${LATEST_FIRST}) AS n, ${jsonObject([
      ['ticketId', jsonString('t.id')],
      ['number', jsonString('t.number')],
      ['service', jsonString('t.service_code')],
      ['office', jsonString('o.code')],
      ['timeZone', jsonString('o.time_zone')],
      ['clock', jsonString('c.kind')],
      ['cycle', jsonNumber('c.cycle')],
      ['dueAt', jsonTime('c.due_at')],
      ['stoppedAt', jsonTime('c.stopped_at')],
      ['breachedAt', jsonTime('c.breached_at')],
      ['agent', jsonString('a.name')],
    ])} AS json
            FROM (SELECT c.* FROM (${clocks}) c ORDER BY ${LATEST_FIRST} LIMIT ${MAX_BREACHES + 1}) c
            JOIN tickets t ON t.id = c.ticket_id JOIN offices o ON o.id = t.office_id
            LEFT JOIN persons a ON a.id = t.assignee_id) b`;
  return { sql, params };
}

type BreachJson = Omit<BreachRow, 'dueAt' | 'stoppedAt' | 'breachedAt'> &
  Record<'dueAt' | 'stoppedAt' | 'breachedAt', string | null>;
const date = (v: string | null) => (v === null ? null : new Date(v));

/** breachesJson's breaches as rows, their times Dates again (the portal's dashboard writes them in each office's zone). */
export function parseBreaches(breaches: string): BreachRow[] {
  return (JSON.parse(breaches) as BreachJson[]).map((b) => ({
    ...b,
    dueAt: date(b.dueAt)!,
    stoppedAt: date(b.stoppedAt),
    breachedAt: date(b.breachedAt)!,
  }));
}
