import { jsonNumber, jsonObject, jsonString, jsonTime } from './report-json';
import { officeDayStart } from './report-scope';

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

/**
 * Breached clocks of the period (each office's own days): the running cycles and the earlier cycles
 * of reopened tickets. The window a day wider on each side lets a national scope walk the breach
 * index backwards and stop at the latest; the office's exact bounds then apply to each clock.
 */
const BREACHED_CLOCKS = (table: string) => `(SELECT c.ticket_id, c.kind, c.cycle, c.due_at, c.stopped_at, c.breached_at
    FROM ${table} c JOIN offices bo ON bo.id = c.office_id
   WHERE c.office_id = ANY($1::uuid[])
     AND c.breached_at >= ($2::date - 1)::timestamptz AND c.breached_at < ($3::date + 1)::timestamptz
     AND c.breached_at >= ${officeDayStart('$2', 'bo.time_zone')} AND c.breached_at < ${officeDayStart('$3', 'bo.time_zone')}
   ORDER BY ${LATEST_FIRST} LIMIT ${MAX_BREACHES + 1})`;

/**
 * The latest breaches of the offices $1 over the period [$2, $3) as the JSON text of the answer's
 * array (`breaches`: each a BreachRow's keys in order, report-json.ts), and whether there are more
 * (`more`: one more is read to tell; counting them all nationally costs half a second). The array is
 * aggregated latest first, clocks breached at the same moment in a fixed order (LATEST_FIRST).
 */
export const BREACHES_JSON = `
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
            FROM (${BREACHED_CLOCKS('sla_clocks')} UNION ALL ${BREACHED_CLOCKS('sla_clock_cycles')}) c
            JOIN tickets t ON t.id = c.ticket_id JOIN offices o ON o.id = t.office_id
            LEFT JOIN persons a ON a.id = t.assignee_id
           ORDER BY ${LATEST_FIRST} LIMIT ${MAX_BREACHES + 1}) b`;

type BreachJson = Omit<BreachRow, 'dueAt' | 'stoppedAt' | 'breachedAt'> &
  Record<'dueAt' | 'stoppedAt' | 'breachedAt', string | null>;
const date = (v: string | null) => (v === null ? null : new Date(v));

/** BREACHES_JSON's breaches as rows, their times Dates again (the portal's dashboard writes them in each office's zone). */
export function parseBreaches(breaches: string): BreachRow[] {
  return (JSON.parse(breaches) as BreachJson[]).map((b) => ({
    ...b,
    dueAt: date(b.dueAt)!,
    stoppedAt: date(b.stoppedAt),
    breachedAt: date(b.breachedAt)!,
  }));
}
