import { Injectable } from '@nestjs/common';
import type { Queryable } from '@loket/db';
import { TicketClockPort, type TicketClockResults } from '@loket/sla';

/** The ticket row's SLA columns, written here for the clocks of libs/sla (which sits below tickets). */
@Injectable()
export class TicketClockColumns extends TicketClockPort {
  async recordClocks(db: Queryable, ticketId: string, r: TicketClockResults): Promise<void> {
    // COALESCE keeps what this event did not decide: each result is written once, by the event that stops its clock.
    await db.query(
      `UPDATE tickets SET due_at = $2, first_response_at = COALESCE($3, first_response_at),
              response_minutes = CASE WHEN $4 THEN $5 ELSE response_minutes END,
              response_met = CASE WHEN $4 THEN $6 ELSE response_met END,
              resolution_minutes = CASE WHEN $7 THEN $8 ELSE resolution_minutes END,
              resolution_met = CASE WHEN $7 THEN $9 ELSE resolution_met END
        WHERE id = $1`,
      [
        ticketId,
        r.dueAt,
        r.firstResponseAt ?? null,
        !!r.response,
        r.response?.minutes ?? null,
        r.response?.met ?? null,
        !!r.resolution,
        r.resolution?.minutes ?? null,
        r.resolution?.met ?? null,
      ],
    );
  }

  async countReopenedCycle(db: Queryable, ticketId: string, met: boolean | null): Promise<void> {
    await db.query(
      `UPDATE tickets SET reopen_cycles_measured = reopen_cycles_measured + $2, reopen_cycles_met = reopen_cycles_met + $3 WHERE id = $1`,
      [ticketId, met === null ? 0 : 1, met ? 1 : 0],
    );
  }

  async countReopening(db: Queryable, ticketId: string): Promise<void> {
    await db.query(`UPDATE tickets SET reopen_count = reopen_count + 1 WHERE id = $1`, [ticketId]);
  }

  async markLevel(db: Queryable, ticketId: string, level: number, breachedAt: Date | null): Promise<void> {
    await db.query(
      `UPDATE tickets SET escalation_level = GREATEST(escalation_level, $2),
              breached_at = CASE WHEN $3::timestamptz IS NULL THEN breached_at ELSE LEAST(COALESCE(breached_at, $3), $3) END
        WHERE id = $1`,
      [ticketId, level, breachedAt],
    );
  }
}
