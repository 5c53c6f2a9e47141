import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '@loket/auth';
import { many, one, WriteBatch, type Queryable } from '@loket/db';
import type { ActorRole } from '@loket/workflow';
import { announcement, type FiledTicket, type NewEvent, type NewTicket, type StoredFile } from './ticket-records';
import { visibleClause } from './scope';
import {
  MESSAGE_INSERT,
  messageParams,
  writeTransition,
  type NewMessage,
  type TransitionWrite,
} from './transition-write';
import type { Recipient } from './ticket-notices';
import { NAMES_JOIN, NAMES_SQL, TICKET_COLUMNS, type TicketRow, type TicketWithThread } from './ticket.types';

/** The ticket alias `t` within the actor's scope ($2, $3, ...); null: the system or a caller already in scope. */
const scopeOf = (actor: Actor | null) => (actor ? visibleClause(actor, 't', 2) : { sql: 'TRUE', params: [] });

export { TICKET_CHANNEL, type FiledTicket, type NewEvent, type NewTicket, type StoredFile } from './ticket-records';

/** SQL of the ticket aggregate. Reads take the actor so scope cannot be forgotten. */
@Injectable()
export class TicketRepository {
  /** The row, locked for this transaction, if the actor (or the system, when null) may see it. */
  lockVisible(db: Queryable, id: string, actor: Actor | null): Promise<TicketRow | null> {
    return this.findVisible(db, id, actor, 'FOR UPDATE OF t');
  }

  /** lockVisible with the filer as notices address them, for an event that may send one (null: no such person). */
  lockWithFiler(db: Queryable, id: string, actor: Actor | null) {
    return one<TicketRow & { filer: Recipient | null }>(
      db,
      this.visibleSql(
        `, CASE WHEN p.id IS NOT NULL AND s.id IS NOT NULL THEN json_build_object('name', p.name, 'email', p.email,
                 'officeName', o.name, 'satkerName', s.name) END AS filer`,
        'LEFT JOIN persons p ON p.id = t.filed_by LEFT JOIN satkers s ON s.id = t.satker_id',
        actor,
        'FOR UPDATE OF t',
      ),
      [id, ...scopeOf(actor).params],
    );
  }

  findVisible(db: Queryable, id: string, actor: Actor | null, lock = ''): Promise<TicketRow | null> {
    return one<TicketRow>(db, this.visibleSql('', '', actor, lock), [id, ...scopeOf(actor).params]);
  }

  private visibleSql(columns: string, joins: string, actor: Actor | null, lock: string) {
    return `SELECT ${TICKET_COLUMNS}${columns} FROM tickets t JOIN offices o ON o.id = t.office_id ${joins}
        WHERE t.id = $1 AND ${scopeOf(actor).sql} ${lock}`;
  }

  /**
   * What a filing reads before it writes, in one statement: the ticket's number (the office's
   * per-year sequence, created on first use: no row all filings of an office update; a rolled-back
   * filing leaves a gap) and its filer as notices address them.
   */
  async filingFacts(
    db: Queryable,
    t: Pick<NewTicket, 'officeId' | 'satkerId' | 'filedBy'>,
  ): Promise<{ number: string; filer: Recipient }> {
    const row = await one<Recipient & { number: string }>(
      db,
      `SELECT new_ticket_number(o.id) AS number, p.name, p.email, o.name AS "officeName", s.name AS "satkerName"
         FROM offices o, satkers s, persons p WHERE o.id = $1 AND s.id = $2 AND p.id = $3`,
      [t.officeId, t.satkerId, t.filedBy],
    );
    const { number, ...filer } = row!;
    return { number, filer };
  }

  /**
   * A new ticket with its idempotency key, files, clocks (`clocks` adds them), first event and notices
   * in one statement; answers the ticket, or null when the key was already claimed by an earlier
   * request (then nothing was written).
   */
  async insertFiled(db: Queryable, f: FiledTicket, clocks: (batch: WriteBatch) => void): Promise<TicketRow | null> {
    const batch = new WriteBatch();
    if (f.claim) {
      // The key row names the ticket inserted below: the foreign key is checked at the statement's end.
      batch.with(
        'k',
        `INSERT INTO idempotency_keys (person_id, key, request_hash, ticket_id) VALUES ($1, $2, $3, $4)
                       ON CONFLICT DO NOTHING RETURNING key`,
        [f.claim.personId, f.claim.key, f.claim.requestHash, f.id],
      );
    } else {
      batch.with('k', 'SELECT 1');
    }
    batch.with(
      't',
      `INSERT INTO tickets (id, number, office_id, satker_id, service_code, machine_id, machine_version, status, snapshot,
                                          subject, form, filed_by, due_at)
                     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13 FROM k RETURNING *`,
      [
        f.id,
        f.number,
        f.officeId,
        f.satkerId,
        f.serviceCode,
        f.machineId,
        f.machineVersion,
        f.snapshot.value,
        JSON.stringify(f.snapshot),
        f.subject,
        JSON.stringify(f.form),
        f.filedBy,
        f.dueAt,
      ],
    );
    if (f.files.length) {
      batch.with(
        'files',
        `INSERT INTO ticket_attachments (ticket_id, kind, original_name, content_type, size_bytes, sha256, storage_key, uploaded_by)
        SELECT t.id, x.kind, x.name, x.type, x.size, x.sha, x.key, t.filed_by
          FROM t, unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[]) AS x(kind, name, type, size, sha, key)`,
        [
          f.files.map((x) => x.kind),
          f.files.map((x) => x.originalName),
          f.files.map((x) => x.contentType),
          f.files.map((x) => x.size),
          f.files.map((x) => x.sha256),
          f.files.map((x) => x.storageKey),
        ],
      );
    }
    clocks(batch);
    batch.with(
      'e',
      `INSERT INTO ticket_events (ticket_id, type, from_status, to_status, actor_id, payload)
                     SELECT t.id, 'FILED', NULL, t.status, t.filed_by, $1 FROM t`,
      [JSON.stringify(f.eventPayload)],
    );
    if (f.notices.length) {
      batch.with(
        'n',
        `INSERT INTO outbox (topic, recipient, payload, ticket_id)
                       SELECT x.topic, x.recipient, x.payload, t.id FROM t, unnest($1::text[], $2::text[], $3::jsonb[]) AS x(topic, recipient, payload)`,
        [
          f.notices.map((n) => n.topic),
          f.notices.map((n) => n.recipient),
          f.notices.map((n) => JSON.stringify(n.payload)),
        ],
      );
    }
    const [row] = await batch.run<TicketRow & { announced: unknown }>(
      db,
      `SELECT ${TICKET_COLUMNS}, ${announcement('t', "'FILED'")} AS announced FROM t JOIN offices o ON o.id = t.office_id`,
    );
    if (!row) return null;
    delete (row as { announced?: unknown }).announced;
    return row;
  }

  /** The transition's message, event, snapshot and seen mark in one statement (see writeTransition). */
  applyTransition(db: Queryable, w: TransitionWrite) {
    return writeTransition(db, w);
  }

  async insertEvent(db: Queryable, e: NewEvent & { to: string }) {
    await db.query(
      `WITH e AS (INSERT INTO ticket_events (ticket_id, type, from_status, to_status, actor_id, payload) VALUES ($1, $2, $3, $4, $5, $6))
       SELECT ${announcement('t', '$2::text')} FROM tickets t WHERE t.id = $1`,
      [e.ticketId, e.type, e.from, e.to, e.actorId, JSON.stringify(e.payload)],
    );
  }

  /** A message of the thread on its own (a transition writes its message with its event: writeTransition). */
  async insertMessage(db: Queryable, m: Omit<NewMessage, 'id'>): Promise<string> {
    const id = randomUUID();
    await db.query(MESSAGE_INSERT, messageParams({ id, ...m }));
    return id;
  }

  /** Adds files; a new file of a kind the ticket already has replaces (supersedes) the old one. */
  async insertAttachments(
    db: Queryable,
    ticketId: string,
    messageId: string | null,
    uploadedBy: string | null,
    files: StoredFile[],
  ) {
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
      [
        ticketId,
        messageId,
        uploadedBy,
        files.map((f) => f.kind),
        files.map((f) => f.originalName),
        files.map((f) => f.contentType),
        files.map((f) => f.size),
        files.map((f) => f.sha256),
        files.map((f) => f.storageKey),
      ],
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
    for (const f of row.attachments)
      Object.assign(f, { createdAt: date(f.createdAt), supersededAt: date(f.supersededAt) });
    return row;
  }

  /** The machine roles a staff member would hold on the ticket: AGENT at its office, ESCALATION_AGENT at the office above. */
  async staffRolesOn(
    db: Queryable,
    personId: string,
    ticket: { officeId: string; officeParentId: string | null },
  ): Promise<ActorRole[]> {
    const rows = await many<{ officeId: string }>(
      db,
      `SELECT office_id AS "officeId" FROM staff_roles WHERE person_id = $1 AND role = 'CSO' AND office_id = ANY($2::uuid[])`,
      [personId, [ticket.officeId, ticket.officeParentId].filter((o) => o !== null)],
    );
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
