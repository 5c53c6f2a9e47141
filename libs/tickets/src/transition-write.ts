import { WriteBatch, type Queryable } from '@loket/db';
import { clocksJsonSql, type ClockRead } from '@loket/sla';
import type { PersistedSnapshot, TicketStatus } from '@loket/workflow';
import { announcement, type NewEvent } from './ticket-records';
import { SEEN_UPSERT } from './workspace/workspace.repository';

/** A message of a ticket's thread; its id is chosen by the caller, so an event written with it can name it. */
export interface NewMessage {
  id: string;
  ticketId: string;
  authorId: string | null;
  visibility: 'PUBLIC' | 'INTERNAL';
  body: string;
  eventType: string | null;
}

export const MESSAGE_INSERT = `INSERT INTO ticket_messages (id, ticket_id, author_id, visibility, body, event_type) VALUES ($1, $2, $3, $4, $5, $6)`;
export const messageParams = (m: NewMessage) => [m.id, m.ticketId, m.authorId, m.visibility, m.body, m.eventType];

/** Everything a transition writes to the ticket's own tables, sent as one statement (see writeTransition). */
export interface TransitionWrite {
  event: NewEvent;
  snapshot: PersistedSnapshot;
  /** The event's text as a message of the thread (the event's payload names its id). */
  message: NewMessage | null;
  /** The agent who took the step: it does not mark the ticket as changed in their own queue. */
  seenBy: string | null;
  /** Read the ticket's SLA clocks in the same statement (for the clock work that follows: readsClocks). */
  readClocks: boolean;
}

const RESOLVED: TicketStatus[] = ['SELESAI', 'DITOLAK'];

/**
 * The transition's message, event, new snapshot, the actor's seen mark and the change announcement
 * in one statement (NOTIFY is delivered at commit all the same); answers the new version and, when
 * asked, the clocks (which the statement does not change).
 */
export async function writeTransition(
  db: Queryable,
  w: TransitionWrite,
): Promise<{ version: number; clocks: ClockRead[] | undefined }> {
  const { event, snapshot } = w;
  const batch = new WriteBatch();
  if (w.message) batch.with('m', MESSAGE_INSERT, messageParams(w.message));
  batch.with(
    'e',
    `INSERT INTO ticket_events (ticket_id, type, from_status, to_status, actor_id, payload) VALUES ($1, $2, $3, $4, $5, $6)`,
    [event.ticketId, event.type, event.from, snapshot.value, event.actorId, JSON.stringify(event.payload)],
  );
  batch.with(
    'u',
    `UPDATE tickets SET status = $2, snapshot = $3, assignee_id = $4, correction_rounds = $5,
            version = version + 1, updated_at = now(),
            resolved_at = CASE WHEN $6 THEN now() ELSE resolved_at END
      WHERE id = $1 RETURNING *`,
    [
      event.ticketId,
      snapshot.value,
      JSON.stringify(snapshot),
      snapshot.context.assigneeId,
      snapshot.context.correctionRounds,
      RESOLVED.includes(snapshot.value),
    ],
  );
  if (w.seenBy) batch.with('s', SEEN_UPSERT, [w.seenBy, event.ticketId]);
  const clocks = w.readClocks ? `, ${clocksJsonSql('u.id')} AS clocks` : '';
  const [row] = await batch.run<{ version: number; clocks?: ClockRead[] }>(
    db,
    `SELECT u.version, ${announcement('u', '$1::text')} AS announced${clocks} FROM u`,
    [event.type],
  );
  return { version: row.version, clocks: row.clocks };
}
