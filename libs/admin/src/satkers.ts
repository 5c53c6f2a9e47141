import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { many, one, type Queryable } from '@loket/db';
import { TicketRepository } from '@loket/tickets';
import { adminScopeOf, officeClause, requireShape, type AdminScope } from './admin-scope';
import { AuditLog } from '@loket/audit';
import { OfficesAdmin } from './offices';

export interface SatkerFields {
  name: string;
  kppnCode: string;
  klCode: string | null;
  eselon1Code: string | null;
  managesUp: boolean;
}

export interface SatkerView extends SatkerFields {
  id: string;
  code: string;
  kppnId: string;
  kppnName: string;
  openTickets: number;
  updatedAt: Date;
}

/** Work still to do; SELESAI/DITOLAK only wait to be closed. */
const OPEN = `('BARU', 'DIPROSES', 'MENUNGGU_PERBAIKAN', 'DIESKALASI')`;
const VIEW = `s.id, s.code, s.name, s.kl_code AS "klCode", s.eselon1_code AS "eselon1Code", s.manages_up AS "managesUp",
  s.kppn_id AS "kppnId", k.code AS "kppnCode", k.name AS "kppnName", s.updated_at AS "updatedAt",
  (SELECT count(*)::int FROM tickets t WHERE t.satker_id = s.id AND t.status IN ${OPEN}) AS "openTickets"`;
const AUDITED = ({ code, name, kppnCode, klCode, eselon1Code, managesUp }: SatkerView) => ({
  code,
  name,
  kppnCode,
  klCode,
  eselon1Code,
  managesUp,
});

export const satkerNotFound = (code: string) => fail('SATKER_NOT_FOUND', { satkerCode: code });

/**
 * Satkers as admins manage them. The partner KPPN decides where new tickets go (filing reads it per
 * request); moving a satker leaves its open tickets at the old KPPN, each with an internal note
 * saying so, and its memberships as they are.
 */
@Injectable()
export class SatkersAdmin {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
    private readonly offices: OfficesAdmin,
    private readonly tickets: TicketRepository,
  ) {}

  /** Keyset-paged by kode satker, optionally one KPPN's or matching a name/code fragment. */
  list(
    actor: Actor,
    q: { kppnCode?: string; search?: string; after?: string; limit?: number } = {},
  ): Promise<SatkerView[]> {
    const scope = officeClause(adminScopeOf(actor), 'k', 5);
    return many<SatkerView>(
      this.db,
      `SELECT ${VIEW} FROM satkers s JOIN offices k ON k.id = s.kppn_id
        WHERE ($1::text IS NULL OR k.code = $1) AND ($2::text IS NULL OR s.code LIKE $2 || '%' OR s.name ILIKE '%' || $2 || '%')
          AND ($3::text IS NULL OR s.code > $3) AND ${scope.sql}
        ORDER BY s.code LIMIT $4`,
      [q.kppnCode ?? null, q.search ?? null, q.after ?? null, q.limit ?? 50, ...scope.params],
    );
  }

  get(actor: Actor, code: string): Promise<SatkerView> {
    return this.find(this.db, adminScopeOf(actor), code, '');
  }

  async create(actor: Actor, code: string, f: SatkerFields, reason: string | null): Promise<SatkerView> {
    const scope = adminScopeOf(actor);
    return this.db.transaction(async (em) => {
      const kppn = await this.kppn(em, scope, f.kppnCode);
      const created = await one<{ id: string }>(
        em,
        `INSERT INTO satkers (code, name, kppn_id, kl_code, eselon1_code, manages_up) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (code) DO NOTHING RETURNING id`,
        [code, f.name, kppn.id, f.klCode, f.eselon1Code, f.managesUp],
      );
      if (!created) throw fail('SATKER_EXISTS', { code }, { field: 'code' });
      const view = await this.find(em, scope, code, '');
      await this.audit.record(em, {
        actorId: actor.personId,
        officeId: kppn.id,
        action: 'SATKER_CREATED',
        entityType: 'SATKER',
        entityKey: code,
        after: AUDITED(view),
        reason,
      });
      return view;
    });
  }

  /** Changes the record; a new partner KPPN is a move (a reason is then required). */
  async update(actor: Actor, code: string, f: SatkerFields, reason: string | null): Promise<SatkerView> {
    const scope = adminScopeOf(actor);
    return this.db.transaction(async (em) => {
      const before = await this.find(em, scope, code, 'FOR UPDATE OF s');
      requireShape(scope, await this.offices.find(em, scope, before.kppnCode, ''));
      const kppn = await this.kppn(em, scope, f.kppnCode);
      const moved = kppn.id !== before.kppnId;
      if (moved && !reason?.trim()) throw fail('REASON_REQUIRED', { field: 'reason' });
      await em.query(
        `UPDATE satkers SET name = $2, kppn_id = $3, kl_code = $4, eselon1_code = $5, manages_up = $6, updated_at = now() WHERE id = $1`,
        [before.id, f.name, kppn.id, f.klCode, f.eselon1Code, f.managesUp],
      );
      const noted = moved ? await this.noteOpenTickets(em, actor, before, kppn.name) : 0;
      const after = await this.find(em, scope, code, '');
      await this.audit.record(em, {
        actorId: actor.personId,
        officeId: kppn.id,
        action: moved ? 'SATKER_MOVED' : 'SATKER_UPDATED',
        entityType: 'SATKER',
        entityKey: code,
        before: AUDITED(before),
        after: { ...AUDITED(after), ...(moved ? { openTicketsLeftAtOldKppn: noted } : {}) },
        reason,
      });
      return after;
    });
  }

  async find(db: Queryable, scope: AdminScope, code: string, lock: '' | 'FOR UPDATE OF s'): Promise<SatkerView> {
    const clause = officeClause(scope, 'k', 2);
    const row = await one<SatkerView>(
      db,
      `SELECT ${VIEW} FROM satkers s JOIN offices k ON k.id = s.kppn_id WHERE s.code = $1 AND ${clause.sql} ${lock}`,
      [code, ...clause.params],
    );
    if (!row) throw satkerNotFound(code);
    return row;
  }

  /** A KPPN the admin shapes (Kantor Pusat, or the Kanwil above it). */
  private async kppn(db: Queryable, scope: AdminScope, code: string) {
    const office = await this.offices.find(db, scope, code, '');
    if (office.kind !== 'KPPN') throw fail('NOT_A_KPPN', { code }, { field: 'kppnCode' });
    requireShape(scope, office);
    return office;
  }

  /** Each open ticket stays with the KPPN that has it, and says so to its agents (also after a move by bulk import). */
  async noteOpenTickets(
    em: Queryable,
    actor: Actor,
    before: Pick<SatkerView, 'id' | 'code' | 'name' | 'kppnName'>,
    newKppnName: string,
  ): Promise<number> {
    // Ticket rows first, in id order: the same lock order as the transition path.
    const open = await many<{ id: string; status: string }>(
      em,
      `SELECT id, status FROM tickets WHERE satker_id = $1 AND status IN ${OPEN} ORDER BY id FOR UPDATE`,
      [before.id],
    );
    const body =
      `Satker ${before.code} ${before.name} dipindahkan dari ${before.kppnName} ke ${newKppnName}. ` +
      `Tiket ini tetap diselesaikan oleh ${before.kppnName}; tiket baru satker ini masuk ke ${newKppnName}.`;
    for (const t of open) {
      const messageId = await this.tickets.insertMessage(em, {
        ticketId: t.id,
        authorId: actor.personId,
        visibility: 'INTERNAL',
        body,
        eventType: null,
      });
      await this.tickets.insertEvent(em, {
        ticketId: t.id,
        type: 'INTERNAL_NOTE',
        from: t.status,
        to: t.status,
        actorId: actor.personId,
        payload: { messageId, attachments: [], satkerMoved: true },
      });
    }
    return open.length;
  }
}
