import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { many, type Queryable } from '@loket/db';
import { SlaExplainer } from '@loket/sla';
import { Catalogue, OPEN_STATUSES, TICKET_STATUSES } from '@loket/workflow';
import { factsFor } from './scope';
import { AttachmentIntake } from './attachment-intake';
import { TicketRepository } from './ticket.repository';
import {
  NAMES_JOIN,
  NAMES_SQL,
  TICKET_COLUMNS,
  type TicketNames,
  type TicketRow,
  type TicketWithThread,
} from './ticket.types';
import { WorkspaceRepository } from './workspace/workspace.repository';
import { allowedEventViews, assignmentEventsOf, summaryView } from './ticket-view';

export interface ListFilter {
  status?: string;
  /** Satker lists only: any of these statuses (ignored when `status` is given). */
  statuses?: readonly string[];
  /** Items carry the form as filed (a queue that shows what each request asks for). */
  withForm?: boolean;
  service?: string;
  cursor?: string;
  limit: number;
}

/** Staff of the ticket's offices (and read-only supervisors) see internal notes; the satker does not. */
function seesInternal(actor: Actor, ticket: TicketRow): boolean {
  const roles = factsFor(actor, ticket).roles;
  return roles.length === 0 || roles.some((r) => r !== 'SATKER');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(cursor: string): [string | null, string] {
  try {
    const [ts, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const validTs =
      ts === null ||
      (typeof ts === 'string' &&
        /^\d{4}-\d\d-\d\d[ T][0-9:.+-]+$/.test(ts) &&
        !Number.isNaN(Date.parse(ts.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'))));
    if (validTs && typeof id === 'string' && UUID.test(id)) return [ts, id];
  } catch {
    // fall through to the error below
  }
  throw fail('INVALID_CURSOR');
}

/** Reads of tickets, always through the actor's scope. */
@Injectable()
export class TicketQueryService {
  constructor(
    private readonly db: DataSource,
    private readonly catalogue: Catalogue,
    private readonly tickets: TicketRepository,
    private readonly intake: AttachmentIntake,
    private readonly explainer: SlaExplainer,
    private readonly workspace: WorkspaceRepository,
  ) {}

  /** The ticket as `actor` may see it, thread and files included, in one query; another satker's is a 404. */
  async detail(actor: Actor, id: string, db: Queryable = this.db) {
    const ticket = await this.tickets.withThread(db, id, actor);
    if (!ticket) throw fail('TICKET_NOT_FOUND');
    // Staff opening a ticket have now seen it: its queue row stops being marked as changed.
    if (actor.staff.length > 0) await this.workspace.markSeen(db, actor.personId, id);
    return this.render(actor, ticket);
  }

  /** The view of a ticket the caller has just read or changed within the actor's scope. */
  async view(actor: Actor, ticket: Pick<TicketRow, 'id'>, db: Queryable = this.db) {
    const fresh = await this.tickets.withThread(db, ticket.id, null);
    if (!fresh) throw fail('TICKET_NOT_FOUND');
    return this.render(actor, fresh);
  }

  private render(actor: Actor, ticket: TicketWithThread) {
    const staff = seesInternal(actor, ticket);
    const labels = new Map(
      (this.catalogue.service(ticket.serviceCode)?.attachments ?? []).map((a) => [a.kind, a.label]),
    );
    const { messages, events, attachments, form } = ticket;
    return {
      ...summaryView(this.catalogue, ticket, ticket),
      form,
      attachments: attachments
        .filter((a) => staff || a.messageVisibility !== 'INTERNAL')
        .map((a) => ({
          id: a.id,
          kind: a.kind,
          label: labels.get(a.kind) ?? 'Lampiran',
          originalName: a.originalName,
          contentType: a.contentType,
          sizeBytes: Number(a.sizeBytes),
          sha256: a.sha256,
          messageId: a.messageId,
          createdAt: a.createdAt,
          current: a.supersededAt === null,
          downloadUrl: `/api/v1/tickets/${ticket.id}/attachments/${a.id}`,
        })),
      messages: messages.filter((m) => staff || m.visibility === 'PUBLIC'),
      history: events
        .filter((e) => staff || e.type !== 'INTERNAL_NOTE')
        .map((e) => ({ ...e, payload: staff ? e.payload : undefined })),
      allowedEvents: allowedEventViews(this.catalogue, actor, ticket),
      /** ASSIGN / UNASSIGN when this actor may hand the ticket on or back to the pool. */
      assignmentEvents: assignmentEventsOf(this.catalogue, actor, ticket),
      /**
       * What the viewer is to this ticket: SATKER, AGENT, ESCALATION_AGENT, or SUPERVISOR / ESCALATION_SUPERVISOR
       * (assigns, does not work it); none for a read-only Kantor Pusat supervisor.
       */
      viewerRoles: factsFor(actor, ticket).roles,
    };
  }

  /**
   * Satker users see their satkers' tickets, newest first; staff see their offices' queue (open
   * tickets unless a status is asked for), oldest first. Keyset pagination on (created_at, id).
   */
  async list(actor: Actor, filter: ListFilter) {
    if (filter.status && !(TICKET_STATUSES as readonly string[]).includes(filter.status)) {
      throw fail('VALIDATION_FAILED', [
        { field: 'status', message: `Status '${filter.status}' tidak dikenal.`, allowed: TICKET_STATUSES },
      ]);
    }
    return actor.staff.length > 0 ? this.queue(actor, filter) : this.satkerTickets(actor, filter);
  }

  /**
   * Staff: their offices' queue (open tickets unless a status is asked for), nearest resolution
   * deadline first, tickets without a running clock last. Keyset on (due_at, id), NULLs last.
   */
  private async queue(actor: Actor, filter: ListFilter) {
    // The offices come with the session (a handful), and the open statuses are spelled out, so the partial
    // index on (office_id, due_at, id) applies; for one office it is read in order and stops after a page.
    const offices = actor.queueOfficeIds;
    const statusFilter = filter.status
      ? `t.status = $2::text`
      : `t.status IN (${OPEN_STATUSES.map((st) => `'${st}'`).join(', ')}) AND $2::text IS NULL`;
    const params: unknown[] = [offices, filter.status ?? null, filter.service ?? null, filter.limit + 1];
    let after = '';
    if (filter.cursor) {
      const [due, id] = decodeCursor(filter.cursor);
      params.push(due, id);
      after =
        due === null
          ? `AND t.due_at IS NULL AND t.id > $6::uuid`
          : `AND (t.due_at > $5::timestamptz OR (t.due_at = $5::timestamptz AND t.id > $6::uuid) OR t.due_at IS NULL)`;
    }
    const rows = await many<TicketRow & TicketNames & { cursorKey: string | null }>(
      this.db,
      `SELECT ${TICKET_COLUMNS}, ${NAMES_SQL}, t.due_at::text AS "cursorKey"
         FROM tickets t JOIN offices o ON o.id = t.office_id ${NAMES_JOIN}
        WHERE ${offices.length === 1 ? 't.office_id = ($1::uuid[])[1]' : 't.office_id = ANY($1::uuid[])'} AND ${statusFilter}
          AND ($3::text IS NULL OR t.service_code = $3) ${after}
        ORDER BY t.due_at ASC NULLS LAST, t.id ASC LIMIT $4`,
      params,
    );
    return this.page(actor, rows, filter);
  }

  /**
   * Satker users: their satkers' tickets, newest first, keyset on (created_at, id). Each satker's page
   * is read in order from its own index and stops at the limit, then the pages are merged: a satker
   * with years of history (or a person acting for several satkers) reads one page per satker, never
   * every ticket to sort them (`satker_id = ANY(...)` alone could not use the index's order).
   */
  private async satkerTickets(actor: Actor, filter: ListFilter) {
    const params: unknown[] = [
      actor.satkers.map((s) => s.satkerId),
      filter.status ? [filter.status] : (filter.statuses ?? TICKET_STATUSES),
      filter.service ?? null,
      filter.limit + 1,
    ];
    let after = '';
    if (filter.cursor) {
      const [created, id] = decodeCursor(filter.cursor);
      if (created === null) throw fail('INVALID_CURSOR');
      params.push(created, id);
      after = `AND (t.created_at, t.id) < ($5::timestamptz, $6::uuid)`;
    }
    const rows = await many<TicketRow & TicketNames & { cursorKey: string | null }>(
      this.db,
      `SELECT ${TICKET_COLUMNS}, ${NAMES_SQL}, t.created_at::text AS "cursorKey"
         FROM unnest($1::uuid[]) mine(satker_id)
         CROSS JOIN LATERAL (
               SELECT t.id FROM tickets t
                WHERE t.satker_id = mine.satker_id AND t.status = ANY($2::text[]) AND ($3::text IS NULL OR t.service_code = $3) ${after}
                ORDER BY t.created_at DESC, t.id DESC LIMIT $4) p
         JOIN tickets t ON t.id = p.id JOIN offices o ON o.id = t.office_id ${NAMES_JOIN}
        ORDER BY t.created_at DESC, t.id DESC LIMIT $4`,
      params,
    );
    return this.page(actor, rows, filter);
  }

  private page(
    actor: Actor,
    rows: Array<TicketRow & TicketNames & { cursorKey: string | null }>,
    { limit, withForm }: ListFilter,
  ) {
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      // A list draws buttons: type and label. What an event needs is on the ticket's own view.
      items: page.map((t) => ({
        ...summaryView(this.catalogue, t, t),
        allowedEvents: allowedEventViews(this.catalogue, actor, t).map(({ type, label }) => ({ type, label })),
        ...(withForm ? { form: t.form } : {}),
      })),
      nextCursor:
        rows.length > limit && last
          ? Buffer.from(JSON.stringify([last.cursorKey, last.id])).toString('base64url')
          : null,
    };
  }

  async attachment(actor: Actor, ticketId: string, attachmentId: string) {
    const ticket = await this.tickets.findVisible(this.db, ticketId, actor);
    if (!ticket) throw fail('TICKET_NOT_FOUND');
    const meta = await this.tickets.attachment(this.db, ticketId, attachmentId, seesInternal(actor, ticket));
    if (!meta) throw fail('ATTACHMENT_NOT_FOUND');
    return meta;
  }

  /** How each SLA clock of the ticket stands and why. */
  async sla(actor: Actor, id: string) {
    const ticket = await this.tickets.findVisible(this.db, id, actor);
    if (!ticket) throw fail('TICKET_NOT_FOUND');
    return { ticketId: id, number: ticket.number, clocks: await this.clocksOf(id) };
  }

  /** Each clock explained, for a ticket the caller has already read within the actor's scope. */
  clocksOf(ticketId: string) {
    return this.explainer.explain(this.db, ticketId);
  }

  openAttachment(storageKey: string) {
    return this.intake.store.open(storageKey);
  }
}
