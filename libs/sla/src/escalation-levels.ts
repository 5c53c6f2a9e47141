import { one, type Queryable } from '@loket/db';
import type { EscalationAudience, EscalationLevel } from '@loket/workflow';
import type { TicketClockPort } from './ticket-clock-port';

/** A clock at the moment one of its levels comes due. */
export interface LevelClock {
  ticketId: string;
  kind: string;
  dueAt: Date;
  cycle: number;
}

export type LevelEvent = 'SLA_WARNING' | 'SLA_BREACH' | 'SLA_ESCALATION';
const TOPIC: Record<LevelEvent, string> = {
  SLA_WARNING: 'sla.warning',
  SLA_BREACH: 'sla.breach',
  SLA_ESCALATION: 'sla.escalated',
};

/**
 * Fires a level once: the (ticket, clock, cycle, level) row is the lock, so a second worker (or a
 * second sweep) inserting it finds it there and does nothing. Writes the history entry, the ticket's
 * mark and the notices (held until `notBefore`, the office's next opening). False when it had fired.
 */
export async function fireLevel(
  db: Queryable,
  tickets: TicketClockPort,
  c: LevelClock,
  level: EscalationLevel,
  event: LevelEvent,
  notBefore: Date | null,
): Promise<boolean> {
  const fired = await one(
    db,
    `INSERT INTO sla_escalations (ticket_id, clock, cycle, level, definition, due_at, fired_at, outcome)
     VALUES ($1, $2, $3, $4, $5, $6, now(), 'FIRED') ON CONFLICT DO NOTHING RETURNING level`,
    [c.ticketId, c.kind, c.cycle, level.level, JSON.stringify(level), c.dueAt],
  );
  if (!fired) return false;
  await recordLevel(db, tickets, c, level, event, notBefore);
  return true;
}

/** The history entry, the mark and the notices of a level that fires now. */
export async function recordLevel(
  db: Queryable,
  tickets: TicketClockPort,
  c: LevelClock,
  level: EscalationLevel,
  event: LevelEvent,
  notBefore: Date | null,
  outcome = 'FIRED',
) {
  await db.query(
    `INSERT INTO ticket_events (ticket_id, type, from_status, to_status, payload)
     SELECT id, $2, status, status, jsonb_build_object('clock', $3::text, 'dueAt', $4::timestamptz, 'level', $5::int, 'cycle', $6::int, 'outcome', $7::text)
       FROM tickets WHERE id = $1`,
    [c.ticketId, event, c.kind, c.dueAt, level.level, c.cycle, outcome],
  );
  await tickets.markLevel(db, c.ticketId, level.level, level.mark ? c.dueAt : null);
  // A level that found nothing to do (already escalated by hand, no Kanwil above) is recorded, not announced.
  if (outcome === 'FIRED' || outcome === 'ESCALATED')
    await notifyAudience(db, c, level.notify, TOPIC[event], notBefore);
}

/** A level some time after the breach, to be fired by the ticket layer's sweep when `dueAt` comes. */
export async function scheduleLevel(db: Queryable, c: LevelClock, level: EscalationLevel, dueAt: Date): Promise<void> {
  await db.query(
    `INSERT INTO sla_escalations (ticket_id, clock, cycle, level, definition, due_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
    [c.ticketId, c.kind, c.cycle, level.level, JSON.stringify(level), dueAt],
  );
}

/**
 * One outbox notice per person of the audience: the assignee, the KPPN's supervisors, the Kanwil's
 * agents and supervisors. A ticket nobody has claimed has no assignee to tell: the KPPN's
 * supervisors hear in their place, so a warning is never lost.
 */
export async function notifyAudience(
  db: Queryable,
  c: LevelClock,
  audience: EscalationAudience[],
  topic: string,
  notBefore: Date | null,
): Promise<void> {
  if (audience.length === 0) return;
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
    [c.ticketId, topic, c.kind, c.dueAt, notBefore, audience],
  );
}
