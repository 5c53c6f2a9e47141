import type { Queryable, WriteBatch } from '@loket/db';

export interface Notice {
  /** What kind of notice, e.g. `digit.activation`; the template of the same name renders it. */
  topic: string;
  recipient: string;
  payload: Record<string, unknown>;
  ticketId?: string | null;
}

/**
 * Writes a notice in the caller's transaction: it exists exactly when the change that caused it
 * commits. Delivery reads these rows later and never runs inside a request.
 */
export async function enqueueNotice(db: Queryable, notice: Notice): Promise<string> {
  const rows: Array<{ id: string }> = await db.query(
    `INSERT INTO outbox (topic, recipient, payload, ticket_id) VALUES ($1, $2, $3, $4) RETURNING id`,
    [notice.topic, notice.recipient, JSON.stringify(notice.payload), notice.ticketId ?? null],
  );
  return rows[0].id;
}

/** Writes notices as the part `name` of the caller's statement, in their order. */
export function enqueueNoticesIn(batch: WriteBatch, name: string, notices: Notice[]): void {
  batch.with(
    name,
    `INSERT INTO outbox (topic, recipient, payload, ticket_id)
     SELECT n.topic, n.recipient, n.payload, n.ticket_id
       FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::uuid[]) WITH ORDINALITY AS n(topic, recipient, payload, ticket_id, i) ORDER BY n.i`,
    [
      notices.map((n) => n.topic),
      notices.map((n) => n.recipient),
      notices.map((n) => JSON.stringify(n.payload)),
      notices.map((n) => n.ticketId ?? null),
    ],
  );
}
