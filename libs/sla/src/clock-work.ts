import type { Queryable } from '@loket/db';
import type { SlaPolicy, SlaRule } from '@loket/workflow';
import type { Interval } from './calendar.types';
import { CALENDAR_HEAD, type CalendarHead, type LoadedCalendar } from './calendar-store';
import { deadlineOf, type ClockFacts, type Deadline } from './clock-math';
import type { TicketClockResults } from './ticket-clock-port';

export type ClockKind = 'RESPONSE' | 'RESOLUTION';

export interface ClockRow {
  ticketId: string;
  kind: ClockKind;
  rule: SlaRule;
  calendarId: string;
  startedAt: Date;
  dueAt: Date | null;
  pauses: Array<{ from: string; to: string }>;
  pausedSince: Date | null;
  stoppedAt: Date | null;
  breachedAt: Date | null;
  warning: SlaPolicy['warning'];
  anchor: Date | null;
  /** 1, then one more each time the ticket is reopened (resolution clock only). */
  cycle: number;
}

export const CLOCK_COLUMNS = `ticket_id AS "ticketId", kind, rule, calendar_id AS "calendarId", started_at AS "startedAt",
  due_at AS "dueAt", pauses, paused_since AS "pausedSince", stopped_at AS "stoppedAt", breached_at AS "breachedAt",
  rule -> '_warning' AS warning, (SELECT first_response_at FROM tickets WHERE id = sla_clocks.ticket_id) AS anchor, cycle`;

/** A clock with its calendar's head row, as an event's clock work reads them (one statement). */
export type ClockRead = ClockRow & { calendarHead: CalendarHead | null };

/** The ticket's clocks with their calendars' head rows; `ticketId` is an SQL expression. */
export const clocksSql = (ticketId: string) =>
  `SELECT ${CLOCK_COLUMNS},
          (SELECT row_to_json(h) FROM (SELECT ${CALENDAR_HEAD} FROM calendars c WHERE c.id = sla_clocks.calendar_id) h) AS "calendarHead"
     FROM sla_clocks WHERE ticket_id = ${ticketId}`;

/** The clocks as one JSON value (RESPONSE first), for a caller that reads them within its own statement. */
export const clocksJsonSql = (ticketId: string) =>
  `(SELECT COALESCE(json_agg(x ORDER BY x.kind DESC), '[]') FROM (${clocksSql(ticketId)}) x)`;

const CLOCK_DATES = ['startedAt', 'dueAt', 'pausedSince', 'stoppedAt', 'breachedAt', 'anchor'] as const;

/** Clocks read as JSON (clocksJsonSql): their instants back to Date, as a row read on its own has them. */
export function clocksFromJson(rows: ClockRead[]): ClockRead[] {
  for (const r of rows) for (const k of CLOCK_DATES) if (r[k] !== null) r[k] = new Date(r[k] as unknown as string);
  return rows;
}

export const facts = (c: ClockRow): ClockFacts => ({
  rule: c.rule,
  startedAt: c.startedAt,
  pauses: c.pauses.map((p): Interval => ({ from: new Date(p.from), to: new Date(p.to) })),
  pausedSince: c.pausedSince,
  anchor: c.anchor,
});

/** One event's clock work: the ticket's clocks read once, changed in step in memory and in SQL. */
export interface ClockWork {
  db: Queryable;
  clocks: ClockRow[];
  /** What the event decided for the ticket's row, written once at the end (through TicketClockPort). */
  ticket: Omit<TicketClockResults, 'dueAt'>;
  calendar: (id: string) => Promise<LoadedCalendar>;
  /** Clocks stopped in memory and not yet in SQL: written together, in one statement (SlaClocks.writeStops). */
  stops: Array<{ kind: ClockKind; at: Date; reason: string; used: number }>;
}

/** Fresh deadlines of the running clocks, RESPONSE first: the SC03-1 cut-off may need its deadline. */
export async function deadlines(
  work: Pick<ClockWork, 'clocks' | 'calendar'>,
): Promise<Map<ClockKind, Deadline | null>> {
  const due = new Map<ClockKind, Deadline | null>();
  const responseDue = new Map<string, Date | null>();
  for (const c of work.clocks) {
    if (c.stoppedAt) {
      responseDue.set(c.kind, c.dueAt);
      continue;
    }
    const cal = await work.calendar(c.calendarId);
    // A reopened cycle counts from its reopening, as if the request had been answered then.
    const sc03Anchor = c.cycle > 1 ? c.startedAt : (c.anchor ?? responseDue.get('RESPONSE') ?? null);
    const anchor = c.kind === 'RESOLUTION' && c.rule.kind === 'SC03_CUTOFF' ? sc03Anchor : null;
    const deadline = deadlineOf(cal.spec, { ...facts(c), anchor }, c.warning);
    due.set(c.kind, deadline);
    responseDue.set(c.kind, deadline?.due ?? null);
  }
  return due;
}

/** The in-memory twin of closing a clock's open pause in SQL. */
export function resume(c: ClockRow, at: Date): void {
  if (!c.pausedSince) return;
  c.pauses.push({ from: c.pausedSince.toISOString(), to: at.toISOString() });
  c.pausedSince = null;
}
