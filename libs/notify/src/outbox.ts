import type { Queryable } from '@loket/db';

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
