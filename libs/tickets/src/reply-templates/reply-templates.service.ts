import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@loket/auth';
import { errorMessage, fail, formatDateTime } from '@loket/common';
import { one, type Queryable } from '@loket/db';
import { Catalogue } from '@loket/workflow';
import { TicketRepository } from '../ticket.repository';
import type { TicketRow } from '../ticket.types';
import {
  fillPlaceholders,
  PLACEHOLDER_SOURCE,
  PLACEHOLDERS,
  placeholdersIn,
  unknownPlaceholders,
  type PlaceholderSource,
} from './placeholders';
import { ReplyTemplateRepository, type ReplyTemplateRow } from './reply-template.repository';

export interface ReplyTemplateInput {
  title: string;
  body: string;
}

const CORRECTION_DAYS = 14;
const templateNotFound = () => fail('TEMPLATE_NOT_FOUND');

/** Offices whose templates a staff member reads: where they work and the offices under them. */
const readableOffices = (actor: Actor): string[] => [
  ...new Set([...actor.queueOfficeIds, ...actor.staff.map((s) => s.officeId)]),
];

/** Supervisors keep templates: Kantor Pusat's the national ones, the others their own office's. */
function managed(actor: Actor) {
  const roles = actor.staff.filter((s) => s.role === 'SUPERVISOR');
  return {
    national: roles.some((s) => s.officeKind === 'PUSAT'),
    officeIds: roles.filter((s) => s.officeKind !== 'PUSAT').map((s) => s.officeId),
  };
}

const mayManage = (actor: Actor, officeId: string | null) => {
  const m = managed(actor);
  return officeId === null ? m.national : m.officeIds.includes(officeId);
};

/**
 * Canned replies (templat balasan): national and per office, chosen in the ticket composer with their
 * placeholders filled for that ticket, kept by supervisors. A template outside the caller's offices
 * does not exist for them (404); one they may read but not keep is refused (403).
 */
@Injectable()
export class ReplyTemplatesService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: ReplyTemplateRepository,
    private readonly tickets: TicketRepository,
    private readonly catalogue: Catalogue,
    @Optional() @Inject(PLACEHOLDER_SOURCE) private readonly more: PlaceholderSource | null,
  ) {}

  async list(actor: Actor) {
    this.staffOnly(actor);
    const rows = await this.repo.list(this.db, readableOffices(actor));
    return { placeholders: PLACEHOLDERS, items: rows.map((r) => this.view(actor, r)), canCreate: managed(actor) };
  }

  async get(actor: Actor, id: string) {
    this.staffOnly(actor);
    const row = await this.repo.find(this.db, id, readableOffices(actor));
    if (!row) throw templateNotFound();
    return this.view(actor, row);
  }

  async create(actor: Actor, input: ReplyTemplateInput & { national: boolean }) {
    this.staffOnly(actor);
    const m = managed(actor);
    const officeId = input.national ? null : m.officeIds[0];
    if (input.national ? !m.national : !officeId) {
      throw fail('TEMPLATE_NOT_PERMITTED', { reason: input.national ? 'NATIONAL_CREATE' : 'OFFICE_CREATE' });
    }
    checkPlaceholders(input.body);
    const id = await this.repo.insert(this.db, {
      officeId: officeId ?? null,
      title: input.title.trim(),
      body: input.body,
      actorId: actor.personId,
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, input: ReplyTemplateInput) {
    await this.db.transaction(async (em) => {
      await this.managedRow(em, actor, id);
      checkPlaceholders(input.body);
      await this.repo.update(em, id, { title: input.title.trim(), body: input.body, actorId: actor.personId });
    });
    return this.get(actor, id);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (em) => {
      await this.managedRow(em, actor, id);
      await this.repo.delete(em, id);
    });
  }

  /** The templates an agent may use on this ticket: national ones and those of the ticket's office. */
  async forTicket(actor: Actor, ticketId: string) {
    const ticket = await this.visibleTicket(actor, ticketId);
    return (await this.repo.list(this.db, [ticket.officeId])).map((r) => ({
      id: r.id,
      title: r.title,
      national: r.officeId === null,
    }));
  }

  /** A template's text with the ticket's values in place of its placeholders. */
  async fill(actor: Actor, ticketId: string, templateId: string): Promise<{ id: string; title: string; text: string }> {
    const ticket = await this.visibleTicket(actor, ticketId);
    const row = await this.repo.find(this.db, templateId, [ticket.officeId]);
    if (!row) throw templateNotFound();
    const values = {
      ...(await this.valuesFor(this.db, ticket, actor)),
      ...(await this.more?.values(placeholdersIn(row.body), ticket)),
    };
    return { id: row.id, title: row.title, text: fillPlaceholders(row.body, values) };
  }

  private async valuesFor(db: Queryable, ticket: TicketRow, actor: Actor): Promise<Record<string, string>> {
    const names = (await one<{ satkerName: string; satkerCode: string; officeName: string; timeZone: string }>(
      db,
      `SELECT s.name AS "satkerName", s.code AS "satkerCode", o.name AS "officeName", o.time_zone AS "timeZone"
         FROM satkers s, offices o WHERE s.id = $1 AND o.id = $2`,
      [ticket.satkerId, ticket.officeId],
    ))!;
    return {
      nama_satker: names.satkerName,
      kode_satker: names.satkerCode,
      nomor_tiket: ticket.number,
      layanan: this.catalogue.service(ticket.serviceCode)?.title ?? ticket.serviceCode,
      nama_petugas: actor.name,
      kantor: names.officeName,
      tenggat: ticket.dueAt ? formatDateTime(ticket.dueAt, names.timeZone) : 'belum ditetapkan',
      batas_perbaikan: formatDateTime(new Date(Date.now() + CORRECTION_DAYS * 86400000), names.timeZone),
    };
  }

  private async visibleTicket(actor: Actor, ticketId: string): Promise<TicketRow> {
    this.staffOnly(actor);
    const ticket = await this.tickets.findVisible(this.db, ticketId, actor);
    if (!ticket) throw fail('TICKET_NOT_FOUND');
    return ticket;
  }

  private async managedRow(db: Queryable, actor: Actor, id: string): Promise<ReplyTemplateRow> {
    this.staffOnly(actor);
    const row = await this.repo.find(db, id, readableOffices(actor), 'FOR UPDATE OF r');
    if (!row) throw templateNotFound();
    if (!mayManage(actor, row.officeId)) {
      throw fail('TEMPLATE_NOT_PERMITTED', { reason: row.officeId === null ? 'NATIONAL_EDIT' : 'OFFICE_EDIT' });
    }
    return row;
  }

  private view(actor: Actor, r: ReplyTemplateRow) {
    return {
      id: r.id,
      title: r.title,
      body: r.body,
      national: r.officeId === null,
      office: r.officeName,
      updatedAt: r.updatedAt,
      editable: mayManage(actor, r.officeId),
    };
  }

  private staffOnly(actor: Actor): void {
    if (actor.staff.length === 0) throw fail('NOT_STAFF');
  }
}

function checkPlaceholders(body: string): void {
  const unknown = unknownPlaceholders(body);
  if (unknown.length) {
    const params = {
      unknown: unknown.map((u) => `{{${u}}}`).join(', '),
      available: Object.keys(PLACEHOLDERS)
        .map((p) => `{{${p}}}`)
        .join(', '),
    };
    throw fail('UNKNOWN_PLACEHOLDER', params, [{ field: 'isi', message: errorMessage('UNKNOWN_PLACEHOLDER', params) }]);
  }
}
