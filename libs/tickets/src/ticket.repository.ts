import { Injectable } from '@nestjs/common';
import type { Actor } from '@loket/auth';
import { many, one, type Queryable } from '@loket/db';
import type { ActorRole, PersistedSnapshot, TicketStatus } from '@loket/workflow';
import { visibleClause } from './scope';
import { NAMES_JOIN, NAMES_SQL, TICKET_COLUMNS, type TicketRow, type TicketWithThread } from './ticket.types';

/** The ticket alias `t` within the actor's scope ($2, $3, ...); null: the system or a caller already in scope. */
const scopeOf = (actor: Actor | null) => (actor ? visibleClause(actor, 't', 2) : { sql: 'TRUE', params: [] });

/** The PostgreSQL channel on which ticket changes are announced. */
export const TICKET_CHANNEL = 'loket_tickets';

/** An entry of a ticket's history. */
export interface NewEvent {
  ticketId: string;
  type: string;
  from: string | null;
  actorId: string | null;
  payload: object;
}

export interface NewTicket {
  officeId: string;
  satkerId: string;
  serviceCode: string;
  machineId: string;
  machineVersion: number;
  snapshot: PersistedSnapshot;
  subject: string;
  form: Record<string, unknown>;
  filedBy: string;
}

export interface StoredFile {
  kind: string;
  originalName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

/** SQL of the ticket aggregate. Reads take the actor so scope cannot be forgotten. */
@Injectable()
export class TicketRepository {
  /** The row, locked for this transaction, if the actor (or the system, when null) may see it. */
  lockVisible(db: Queryable, id: string, actor: Actor | null): Promise<TicketRow | null> {
    return this.findVisible(db, id, actor, 'FOR UPDATE OF t');
  }

  findVisible(db: Queryable, id: string, actor: Actor | null, lock = ''): Promise<TicketRow | null> {
    const scope = scopeOf(actor);
    return one<TicketRow>(
      db,
      `SELECT ${TICKET_COLUMNS} FROM tickets t JOIN offices o ON o.id = t.office_id
        WHERE t.id = $1 AND ${scope.sql} ${lock}`,
      [id, ...scope.params],
    );
  }

  /** Next number of the office's yearly sequence; gapless because it rolls back with the filing. */
  async nextNumber(db: Queryable, officeId: string): Promise<string> {
    const row = await one<{ code: string; year: number; seq: number }>(
      db,
      `WITH y AS (SELECT code, EXTRACT(YEAR FROM now() AT TIME ZONE time_zone)::int AS year FROM offices WHERE id = $1)
       INSERT INTO ticket_counters (office_id, year, last_value) SELECT $1, y.year, 1 FROM y
       ON CONFLICT (office_id, year) DO UPDATE SET last_value = ticket_counters.last_value + 1
       RETURNING (SELECT code FROM y) AS code, year, last_value AS seq`,
      [officeId],
    );
    return `LKT-${row!.code}-${row!.year}-${String(row!.seq).padStart(6, '0')}`;
  }

  async insert(db: Queryable, t: NewTicket, number: string): Promise<string> {
    const row = await one<{ id: string }>(
      db,
      `INSERT INTO tickets (number, office_id, satker_id, service_code, machine_id, machine_version, status, snapshot,
                            subject, form, filed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [number, t.officeId, t.satkerId, t.serviceCode, t.machineId, t.machineVersion, t.snapshot.value,
        JSON.stringify(t.snapshot), t.subject, JSON.stringify(t.form), t.filedBy],
    );
    return row!.id;
  }

  /** Appends the event and writes the new snapshot in one statement; answers the new version. */
  async applyTransition(db: Queryable, event: NewEvent, snapshot: PersistedSnapshot): Promise<number> {
    const resolved: TicketStatus[] = ['SELESAI', 'DITOLAK'];
    const row = await one<{ version: number }>(
      db,
      `WITH e AS (INSERT INTO ticket_events (ticket_id, type, from_status, to_status, actor_id, payload) VALUES ($1, $7, $8, $2, $9, $10))
       UPDATE tickets SET status = $2, snapshot = $3, assignee_id = $4, correction_rounds = $5,
              version = version + 1, updated_at = now(),
              resolved_at = CASE WHEN $6 THEN now() ELSE resolved_at END
        WHERE id = $1 RETURNING version`,
      [event.ticketId, snapshot.value, JSON.stringify(snapshot), snapshot.context.assigneeId, snapshot.context.correctionRounds,
        resolved.includes(snapshot.value), event.type, event.from, event.actorId, JSON.stringify(event.payload)],
    );
    await this.announce(db, event.ticketId, event.type);
    return row!.version;
  }

  async insertEvent(db: Queryable, e: NewEvent & { to: string }) {
    await db.query(
      `INSERT INTO ticket_events (ticket_id, type, from_status, to_status, actor_id, payload) VALUES ($1, $2, $3, $4, $5, $6)`,
      [e.ticketId, e.type, e.from, e.to, e.actorId, JSON.stringify(e.payload)],
    );
    await this.announce(db, e.ticketId, e.type);
  }

  /**
   * Tells every api process (LISTEN ${TICKET_CHANNEL}) that the ticket changed. NOTIFY inside the
   * transaction is delivered only at commit, and never for a rolled-back change. Ids, type and status
   * only: no names, no NIKs.
   */
  private async announce(db: Queryable, ticketId: string, type: string): Promise<void> {
    await db.query(
      `SELECT pg_notify('${TICKET_CHANNEL}', json_build_object('ticketId', id, 'officeId', office_id, 'satkerId', satker_id,
              'type', $2::text, 'status', status, 'version', version)::text) FROM tickets WHERE id = $1`, [ticketId, type]);
  }

  async insertMessage(db: Queryable, m: { ticketId: string; authorId: string | null; visibility: 'PUBLIC' | 'INTERNAL'; body: string; eventType: string | null }) {
    const row = await one<{ id: string }>(
      db,
      `INSERT INTO ticket_messages (ticket_id, author_id, visibility, body, event_type) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [m.ticketId, m.authorId, m.visibility, m.body, m.eventType],
    );
    return row!.id;
  }

  /** Adds files; a new file of a kind the ticket already has replaces (supersedes) the old one. */
  async insertAttachments(db: Queryable, ticketId: string, messageId: string | null, uploadedBy: string | null, files: StoredFile[]) {
    if (files.length === 0) return;
    await db.query(
      `UPDATE ticket_attachments SET superseded_at = now()
        WHERE ticket_id = $1 AND superseded_at IS NULL AND kind = ANY($2::text[]) AND kind <> 'LAMPIRAN'`,
      [ticketId, files.map((f) => f.kind)],
    );
    await db.query(
      `INSERT INTO ticket_attachments (ticket_id, message_id, kind, original_name, content_type, size_bytes, sha256, storage_key, uploaded_by)
       SELECT $1, $2, f.kind, f.name, f.type, f.size, f.sha, f.key, $3
         FROM unnest($4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::text[]) AS f(kind, name, type, size, sha, key)`,
      [ticketId, messageId, uploadedBy, files.map((f) => f.kind), files.map((f) => f.originalName),
        files.map((f) => f.contentType), files.map((f) => f.size), files.map((f) => f.sha256), files.map((f) => f.storageKey)],
    );
  }

  /**
   * The ticket with its names, whole thread, history and files in one statement (`actor` null: the
   * caller already holds the ticket in scope). Internal items are marked, for the caller to keep or drop.
   */
  async withThread(db: Queryable, id: string, actor: Actor | null): Promise<TicketWithThread | null> {
    const scope = scopeOf(actor);
    const row = await one<TicketWithThread>(
      db,
      `SELECT ${TICKET_COLUMNS}, ${NAMES_SQL},
         (SELECT COALESCE(json_agg(x ORDER BY x."createdAt", x.id), '[]') FROM (
            SELECT m.id, m.visibility, m.body, m.event_type AS "eventType", m.created_at AS "createdAt",
                   m.author_id AS "authorId", p.name AS "authorName"
              FROM ticket_messages m LEFT JOIN persons p ON p.id = m.author_id WHERE m.ticket_id = t.id) x) AS messages,
         (SELECT COALESCE(json_agg(x ORDER BY x.id::bigint), '[]') FROM (
            SELECT e.id::text AS id, e.type, e.from_status AS "fromStatus", e.to_status AS "toStatus",
                   p.name AS "actorName", e.payload, e.created_at AS "createdAt"
              FROM ticket_events e LEFT JOIN persons p ON p.id = e.actor_id WHERE e.ticket_id = t.id) x) AS events,
         (SELECT COALESCE(json_agg(x ORDER BY x."createdAt", x.id), '[]') FROM (
            SELECT a.id, a.kind, a.original_name AS "originalName", a.content_type AS "contentType", a.size_bytes AS "sizeBytes",
                   a.sha256, a.created_at AS "createdAt", a.superseded_at AS "supersededAt",
                   a.message_id AS "messageId", m.visibility AS "messageVisibility"
              FROM ticket_attachments a LEFT JOIN ticket_messages m ON m.id = a.message_id WHERE a.ticket_id = t.id) x) AS attachments
         FROM tickets t JOIN offices o ON o.id = t.office_id ${NAMES_JOIN}
        WHERE t.id = $1 AND ${scope.sql}`,
      [id, ...scope.params],
    );
    if (!row) return null;
    // JSON carries timestamps as text: back to Date, as the rest of the row has them.
    const date = (v: unknown) => (v === null ? null : new Date(v as string));
    for (const m of row.messages) m.createdAt = date(m.createdAt)!;
    for (const e of row.events) e.createdAt = date(e.createdAt)!;
    for (const f of row.attachments) Object.assign(f, { createdAt: date(f.createdAt), supersededAt: date(f.supersededAt) });
    return row;
  }

  /** The machine roles a staff member would hold on the ticket: AGENT at its office, ESCALATION_AGENT at the office above. */
  async staffRolesOn(db: Queryable, personId: string, ticket: { officeId: string; officeParentId: string | null }): Promise<ActorRole[]> {
    const rows = await many<{ officeId: string }>(db,
      `SELECT office_id AS "officeId" FROM staff_roles WHERE person_id = $1 AND role = 'CSO' AND office_id = ANY($2::uuid[])`,
      [personId, [ticket.officeId, ticket.officeParentId].filter((o) => o !== null)]);
    const roles: ActorRole[] = [];
    if (rows.some((r) => r.officeId === ticket.officeId)) roles.push('AGENT');
    if (rows.some((r) => r.officeId === ticket.officeParentId)) roles.push('ESCALATION_AGENT');
    return roles;
  }

  attachment(db: Queryable, ticketId: string, attachmentId: string, includeInternal: boolean) {
    return one<{ originalName: string; contentType: string; sizeBytes: string; sha256: string; storageKey: string }>(
      db,
      `SELECT original_name AS "originalName", content_type AS "contentType", size_bytes AS "sizeBytes", sha256,
              storage_key AS "storageKey"
         FROM ticket_attachments a
        WHERE a.ticket_id = $1 AND a.id = $2
          AND ($3 OR a.message_id IS NULL OR EXISTS (SELECT 1 FROM ticket_messages m WHERE m.id = a.message_id AND m.visibility = 'PUBLIC'))`,
      [ticketId, attachmentId, includeInternal],
    );
  }
}
