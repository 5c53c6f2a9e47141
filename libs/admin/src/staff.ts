import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { many, one, type Queryable } from '@loket/db';
import { DigitIdentities, maskNik } from '@loket/registry';
import { TicketWorkflowService } from '@loket/tickets';
import { NIK_PROBLEM_MESSAGES, nikProblem } from '@loket/workflow';
import { adminScopeOf, officeClause, type AdminScope } from './admin-scope';
import { AuditLog } from '@loket/audit';
import { OfficesAdmin, type OfficeView } from './offices';

export const STAFF_ROLES = ['CSO', 'SUPERVISOR', 'ADMIN', 'DIGIPAY_ADMIN', 'EDITOR'] as const;
export type StaffRoleName = (typeof STAFF_ROLES)[number];
/** The role that makes someone an agent of an office's queue (a Pusintek agent, a Kanwil tier agent: CSO there). */
const AGENT_ROLE: StaffRoleName = 'CSO';

export interface NewStaff {
  nik: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  nip: string | null;
  officeCode: string;
  role: StaffRoleName;
}

export interface StaffView {
  personId: string;
  nikMasked: string;
  name: string;
  email: string;
  activated: boolean;
  roles: Array<{ officeCode: string; officeName: string; role: StaffRoleName }>;
}

export interface RoleGranted {
  person: StaffView;
  identityCreated: boolean;
}
export interface RoleRevoked {
  person: StaffView | null;
  ticketsReturned: string[];
  sessionsEnded: number;
}

const staffRoleNotFound = () => fail('STAFF_ROLE_NOT_FOUND');

/**
 * Staff roles at offices. Granting to a NIK without a DIGIT identity creates it and queues the
 * activation e-mail; taking away someone's last agent role at an office gives their open tickets
 * there back to the office (UNASSIGN through the one transition path) and ends their sessions, all
 * in one transaction with its audit entry.
 */
@Injectable()
export class StaffAdmin {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
    private readonly offices: OfficesAdmin,
    private readonly identities: DigitIdentities,
    private readonly workflow: TicketWorkflowService,
  ) {}

  /** People holding a role at an office in scope, with those roles; by name, at most 500. */
  list(actor: Actor, q: { officeCode?: string; search?: string } = {}): Promise<StaffView[]> {
    const scope = adminScopeOf(actor);
    const clause = officeClause(scope, 'o', 3);
    return many<StaffView>(
      this.db,
      `SELECT p.id AS "personId", p.nik AS "nikMasked", p.name, p.email, p.password_hash IS NOT NULL AS activated,
              json_agg(json_build_object('officeCode', o.code, 'officeName', o.name, 'role', r.role) ORDER BY o.code, r.role) AS roles
         FROM staff_roles r JOIN offices o ON o.id = r.office_id JOIN persons p ON p.id = r.person_id
        WHERE ($1::text IS NULL OR o.code = $1) AND ($2::text IS NULL OR p.name ILIKE '%' || $2 || '%') AND ${clause.sql}
        GROUP BY p.id ORDER BY p.name, p.id LIMIT 500`,
      [q.officeCode ?? null, q.search ?? null, ...clause.params],
    ).then((rows) => rows.map(masked));
  }

  async get(actor: Actor, personId: string): Promise<StaffView> {
    return this.view(this.db, adminScopeOf(actor), personId);
  }

  async grant(actor: Actor, s: NewStaff, reason: string | null): Promise<RoleGranted> {
    const scope = adminScopeOf(actor);
    const problem = nikProblem(s.nik);
    if (problem) throw fail('INVALID_NIK', [{ field: 'nik', message: NIK_PROBLEM_MESSAGES[problem] }]);
    return this.db.transaction(async (em) => {
      const office = await this.offices.find(em, scope, s.officeCode, '');
      if (s.role === 'DIGIPAY_ADMIN' && office.kind !== 'KPPN') {
        throw fail('ROLE_NOT_FOR_OFFICE', { field: 'role' });
      }
      let person = await this.identities.findByNik(em, s.nik);
      const identityCreated = !person;
      if (!person) {
        if (!s.name?.trim() || !s.email?.trim()) {
          throw fail('IDENTITY_DATA_REQUIRED', [
            ...(!s.name?.trim() ? [{ field: 'name', message: 'Nama wajib diisi.' }] : []),
            ...(!s.email?.trim() ? [{ field: 'email', message: 'E-mail wajib diisi.' }] : []),
          ]);
        }
        person =
          (await this.identities.create(
            em,
            { nik: s.nik, name: s.name.trim(), email: s.email.trim(), nip: s.nip, phone: s.phone },
            null,
          )) ?? (await this.identities.findByNik(em, s.nik));
      }
      const inserted = await one<{ role: string }>(
        em,
        `INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING role`,
        [person!.id, office.id, s.role],
      );
      if (!inserted) throw fail('STAFF_ROLE_EXISTS', { name: person!.name, role: s.role, office: office.name });
      await this.audit.record(em, {
        actorId: actor.personId,
        officeId: office.id,
        action: 'STAFF_ROLE_GRANTED',
        entityType: 'STAFF_ROLE',
        entityKey: `${s.nik}/${office.code}/${s.role}`,
        after: { nik: s.nik, name: person!.name, officeCode: office.code, role: s.role, identityCreated },
        reason,
      });
      return { person: await this.view(em, scope, person!.id), identityCreated };
    });
  }

  async revoke(
    actor: Actor,
    personId: string,
    officeCode: string,
    role: string,
    reason: string | null,
  ): Promise<RoleRevoked> {
    const scope = adminScopeOf(actor);
    return this.db.transaction(async (em) => {
      const office = await this.offices.find(em, scope, officeCode, '');
      const held = await one<{ nik: string; name: string }>(
        em,
        `DELETE FROM staff_roles r USING persons p WHERE r.person_id = $1 AND r.office_id = $2 AND r.role = $3 AND p.id = r.person_id
         RETURNING p.nik, p.name`,
        [personId, office.id, role],
      );
      if (!held) throw staffRoleNotFound();
      const ticketsReturned =
        role === AGENT_ROLE && !(await this.stillAgent(em, personId, office.id))
          ? await this.returnTickets(em, personId, office)
          : [];
      // The session token is re-read on every request; revoking it makes the change take effect at once.
      const ended = await many<{ id: string }>(
        em,
        `UPDATE sessions SET revoked_at = now() WHERE person_id = $1 AND revoked_at IS NULL AND expires_at > now() RETURNING id`,
        [personId],
      );
      await this.audit.record(em, {
        actorId: actor.personId,
        officeId: office.id,
        action: 'STAFF_ROLE_REVOKED',
        entityType: 'STAFF_ROLE',
        entityKey: `${held.nik}/${office.code}/${role}`,
        before: { nik: held.nik, name: held.name, officeCode: office.code, role },
        after: { ticketsReturned: ticketsReturned.length, sessionsEnded: ended.length },
        reason,
      });
      const person = await this.view(em, scope, personId).catch(() => null);
      return { person, ticketsReturned, sessionsEnded: ended.length };
    });
  }

  private async stillAgent(em: Queryable, personId: string, officeId: string): Promise<boolean> {
    return !!(await one(em, `SELECT 1 FROM staff_roles WHERE person_id = $1 AND office_id = $2 AND role = $3`, [
      personId,
      officeId,
      AGENT_ROLE,
    ]));
  }

  /**
   * The open tickets this agent holds at the office (its own queue, or for a Kanwil the escalated
   * tickets of its KPPNs) go back to the office: UNASSIGN by the system, so a DIPROSES ticket is
   * BARU ("Belum diambil") again and a waiting or escalated one stays where it is with nobody holding it.
   */
  private async returnTickets(em: EntityManager, personId: string, office: OfficeView): Promise<string[]> {
    const held = await many<{ id: string; number: string }>(
      em,
      `SELECT t.id, t.number FROM tickets t JOIN offices o ON o.id = t.office_id
        WHERE t.assignee_id = $1 AND (t.office_id = $2 OR o.parent_id = $2) AND t.status IN ('DIPROSES', 'MENUNGGU_PERBAIKAN', 'DIESKALASI')
        ORDER BY t.id`,
      [personId, office.id],
    );
    for (const t of held) {
      await this.workflow.transitionWithin(
        em,
        t.id,
        null,
        { type: 'UNASSIGN', note: `Petugas tidak lagi bertugas di ${office.name}; tiket dikembalikan ke antrean.` },
        null,
      );
    }
    return held.map((t) => t.number);
  }

  private async view(db: Queryable, scope: AdminScope, personId: string): Promise<StaffView> {
    const clause = officeClause(scope, 'o', 2);
    const row = await one<StaffView>(
      db,
      `SELECT p.id AS "personId", p.nik AS "nikMasked", p.name, p.email, p.password_hash IS NOT NULL AS activated,
              json_agg(json_build_object('officeCode', o.code, 'officeName', o.name, 'role', r.role) ORDER BY o.code, r.role) AS roles
         FROM persons p JOIN staff_roles r ON r.person_id = p.id JOIN offices o ON o.id = r.office_id
        WHERE p.id = $1 AND ${clause.sql} GROUP BY p.id`,
      [personId, ...clause.params],
    );
    if (!row) throw fail('STAFF_NOT_FOUND');
    return masked(row);
  }
}

const masked = (v: StaffView): StaffView => ({ ...v, nikMasked: maskNik(v.nikMasked) });
