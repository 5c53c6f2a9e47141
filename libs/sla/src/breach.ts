import { one, type Queryable } from '@loket/db';
import { levelsAt, type EscalationLevel } from '@loket/workflow';
import { addBusinessMinutes } from './calendar';
import type { CalendarSpec } from './calendar.types';
import { fireLevel, scheduleLevel } from './escalation-levels';
import type { TicketClockPort } from './ticket-clock-port';

/**
 * Marks a clock breached at its due instant (not at the moment anyone noticed), once: the WHERE
 * clause makes a second caller a no-op. Fires the service's levels that come due at the breach
 * (history entry, mark, notices held until the office's next opening) and, while the clock still
 * runs (`cal` given), schedules the later ones (e.g. the Kanwil escalation one working day on).
 */
export async function recordBreach(
  db: Queryable,
  tickets: TicketClockPort,
  c: { ticketId: string; kind: string; dueAt: Date },
  notBefore: Date | null = null,
  cal: CalendarSpec | null = null,
) {
  const marked = await one<{ cycle: number; levels: EscalationLevel[] | null }>(
    db,
    `UPDATE sla_clocks SET breached_at = due_at WHERE ticket_id = $1 AND kind = $2 AND breached_at IS NULL
     RETURNING cycle, rule -> '_escalation' AS levels`,
    [c.ticketId, c.kind],
  );
  if (!marked) return false;
  const clock = { ...c, cycle: marked.cycle };
  for (const level of levelsAt(marked.levels, c.kind, 'BREACH'))
    await fireLevel(db, tickets, clock, level, 'SLA_BREACH', notBefore);
  if (cal) {
    for (const level of levelsAt(marked.levels, c.kind, 'AFTER_BREACH')) {
      const after = level.at === 'WARNING' ? 0 : level.at.minutesAfterDue;
      await scheduleLevel(db, clock, level, addBusinessMinutes(cal, c.dueAt, after));
    }
  }
  return true;
}

/** The levels that come due at a clock's warning threshold (by default: the assignee hears). */
export async function recordWarning(
  db: Queryable,
  tickets: TicketClockPort,
  c: { ticketId: string; kind: string; dueAt: Date; cycle: number; levels: EscalationLevel[] | null },
  notBefore: Date | null,
) {
  for (const level of levelsAt(c.levels, c.kind, 'WARNING'))
    await fireLevel(db, tickets, c, level, 'SLA_WARNING', notBefore);
}
