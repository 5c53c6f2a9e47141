import type { Queryable } from '@loket/db';
import type { TicketClockPort } from './ticket-clock-port';

// Copied column by column: sla_clock_cycles holds a finished cycle exactly as it stood.
const CYCLE_COLUMNS = `ticket_id, kind, cycle, rule, calendar_id, calendar_version, started_at, target_minutes, due_at, warn_at,
  pauses, paused_since, stopped_at, stop_reason, used_minutes, warned_at, breached_at, office_id`;

/**
 * A reopened ticket's resolution clock starts a new cycle at `at`: the finished cycle is kept whole
 * in sla_clock_cycles (explanation, breaches), and the clock row runs again from zero with the same
 * rule and calendar, so its warnings, breach and escalation levels can come due once more. The
 * response clock stays answered. The ticket's first-cycle result (resolution_met) is not touched.
 */
export async function startResolutionCycle(
  db: Queryable,
  tickets: TicketClockPort,
  ticketId: string,
  at: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO sla_clock_cycles (${CYCLE_COLUMNS})
     SELECT ${CYCLE_COLUMNS} FROM sla_clocks WHERE ticket_id = $1 AND kind = 'RESOLUTION' AND stopped_at IS NOT NULL`,
    [ticketId],
  );
  await db.query(
    `UPDATE sla_clocks SET cycle = cycle + 1, started_at = $2, pauses = '[]', paused_since = NULL, stopped_at = NULL, stop_reason = NULL,
            used_minutes = NULL, warned_at = NULL, breached_at = NULL, due_at = NULL, warn_at = NULL
      WHERE ticket_id = $1 AND kind = 'RESOLUTION' AND stopped_at IS NOT NULL`,
    [ticketId, at],
  );
  await tickets.countReopening(db, ticketId);
}
