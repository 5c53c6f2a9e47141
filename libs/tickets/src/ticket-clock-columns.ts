import { Injectable } from '@nestjs/common';
import { writeNowOrIn, type Queryable, type WriteBatch } from '@loket/db';
import { TicketClockPort, type FiredLevel, type TicketClockResults } from '@loket/sla';
import type { EscalationAudience } from '@loket/workflow';

/**
 * The ticket row's SLA columns, its SLA history entries and the escalation notices, written here for
 * the clocks of libs/sla (which sits below tickets).
 */
@Injectable()
export class TicketClockColumns extends TicketClockPort {
  async recordClocks(db: Queryable, ticketId: string, r: TicketClockResults, batch?: WriteBatch): Promise<void> {
    // COALESCE keeps what this event did not decide: each result is written once, by the event that stops its clock.
    await writeNowOrIn(
      db,
      batch,
      'ticket_clocks',
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

  async recordLevel(db: Queryable, ticketId: string, f: FiredLevel): Promise<void> {
    await db.query(
      `INSERT INTO ticket_events (ticket_id, type, from_status, to_status, payload)
       SELECT id, $2, status, status, jsonb_build_object('clock', $3::text, 'dueAt', $4::timestamptz, 'level', $5::int, 'cycle', $6::int, 'outcome', $7::text)
         FROM tickets WHERE id = $1`,
      [ticketId, f.event, f.clock, f.dueAt, f.level, f.cycle, f.outcome],
    );
    await db.query(
      `UPDATE tickets SET escalation_level = GREATEST(escalation_level, $2),
              breached_at = CASE WHEN $3::timestamptz IS NULL THEN breached_at ELSE LEAST(COALESCE(breached_at, $3), $3) END
        WHERE id = $1`,
      [ticketId, f.level, f.breachedAt],
    );
  }

  /**
   * One outbox notice per person of the audience: the assignee, the KPPN's supervisors, the Kanwil's
   * agents and supervisors. A ticket nobody has claimed has no assignee to tell: the KPPN's
   * supervisors hear in their place, so a warning is never lost.
   */
  async announceLevel(
    db: Queryable,
    ticketId: string,
    f: FiredLevel,
    topic: string,
    audience: EscalationAudience[],
    notBefore: Date | null,
  ): Promise<void> {
    await db.query(
      `INSERT INTO outbox (topic, recipient, payload, ticket_id, next_attempt_at)
       SELECT $2, p.email, jsonb_build_object('ticketNumber', t.number, 'subject', t.subject, 'clock', $3::text,
                'dueAt', $4::timestamptz, 'timeZone', o.time_zone, 'name', p.name, 'officeName', o.name), t.id, COALESCE($5::timestamptz, now())
         FROM tickets t JOIN offices o ON o.id = t.office_id
         -- Recipients first, then each one by primary key: an OR in the join condition scans all persons.
         CROSS JOIN LATERAL (
           SELECT t.assignee_id AS id WHERE 'ASSIGNEE' = ANY($6::text[]) AND t.assignee_id IS NOT NULL
           UNION SELECT person_id FROM staff_roles WHERE role = 'SUPERVISOR' AND office_id = o.id
                    AND ('KPPN_SUPERVISORS' = ANY($6::text[]) OR ('ASSIGNEE' = ANY($6::text[]) AND t.assignee_id IS NULL))
           UNION SELECT person_id FROM staff_roles WHERE role = 'CSO' AND office_id = o.parent_id AND 'KANWIL_AGENTS' = ANY($6::text[])
           UNION SELECT person_id FROM staff_roles WHERE role = 'SUPERVISOR' AND office_id = o.parent_id AND 'KANWIL_SUPERVISORS' = ANY($6::text[])) r
         JOIN persons p ON p.id = r.id
        WHERE t.id = $1`,
      [ticketId, topic, f.clock, f.dueAt, notBefore, audience],
    );
  }
}
