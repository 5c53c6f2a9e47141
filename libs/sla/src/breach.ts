import { one, type Queryable } from '@loket/db';

/**
 * Marks a clock breached at its due instant (not at the moment anyone noticed), once: the WHERE
 * clause makes a second caller a no-op. Adds the SLA_BREACH event to the ticket's history and a
 * notice to the assignee and the office's supervisors, held until the office's next opening.
 */
export async function recordBreach(db: Queryable, c: { ticketId: string; kind: string; dueAt: Date }, notBefore: Date | null = null) {
  const marked = await one(db,
    `UPDATE sla_clocks SET breached_at = due_at WHERE ticket_id = $1 AND kind = $2 AND breached_at IS NULL RETURNING ticket_id`,
    [c.ticketId, c.kind]);
  if (!marked) return false;
  await slaNotice(db, c.ticketId, c.kind, 'SLA_BREACH', c.dueAt, notBefore);
  return true;
}

/** The ticket event and the outbox notice of a warning or a breach. */
export async function slaNotice(db: Queryable, ticketId: string, kind: string, type: 'SLA_WARNING' | 'SLA_BREACH', dueAt: Date, notBefore: Date | null) {
  await db.query(
    `INSERT INTO ticket_events (ticket_id, type, from_status, to_status, payload)
     SELECT id, $2, status, status, jsonb_build_object('clock', $3::text, 'dueAt', $4::timestamptz) FROM tickets WHERE id = $1`,
    [ticketId, type, kind, dueAt]);
  await db.query(
    `INSERT INTO outbox (topic, recipient, payload, ticket_id, next_attempt_at)
     SELECT $2, p.email, jsonb_build_object('ticketNumber', t.number, 'subject', t.subject, 'clock', $3::text,
              'dueAt', $4::timestamptz, 'timeZone', o.time_zone, 'name', p.name), t.id, COALESCE($5::timestamptz, now())
       FROM tickets t JOIN offices o ON o.id = t.office_id
       -- Recipients first, then each one by primary key: an OR in the join condition scans all persons.
       CROSS JOIN LATERAL (SELECT t.assignee_id AS id WHERE t.assignee_id IS NOT NULL
                           UNION SELECT person_id FROM staff_roles WHERE role = 'SUPERVISOR' AND office_id IN (o.id, o.parent_id)) r
       JOIN persons p ON p.id = r.id
      WHERE t.id = $1`,
    [ticketId, type === 'SLA_BREACH' ? 'sla.breach' : 'sla.warning', kind, dueAt, notBefore]);
}
