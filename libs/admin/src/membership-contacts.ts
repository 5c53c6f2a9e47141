import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { many, one, type Queryable } from '@loket/db';
import { maskNik, recordMembershipChange } from '@loket/registry';
import { EMAIL_PATTERN, PHONE_PATTERN } from '@loket/workflow';
import { adminScopeOf, officeClause } from './admin-scope';
import { AuditLog } from '@loket/audit';

export interface MembershipContact {
  id: string;
  satkerCode: string;
  satkerName: string;
  nikMasked: string;
  name: string;
  status: number;
  phone: string;
  email: string;
}

export interface ContactCorrection {
  phone?: string;
  email?: string;
  reason: string;
}

const COLUMNS = `m.id, s.code AS "satkerCode", s.name AS "satkerName", p.nik AS "nikMasked", p.name, m.status, m.phone, m.email`;
const membershipNotFound = () => fail('MEMBERSHIP_NOT_FOUND');

/**
 * Admins of a satker's KPPN (and the Kanwil and Kantor Pusat above it) correct a membership's contact
 * data: phone and e-mail, with a reason, audited. The status is not touched: the MyIntress status rules
 * (approval, dormancy, deletion) stay with their tickets and jobs.
 */
@Injectable()
export class MembershipContacts {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
  ) {}

  /** The live memberships of one satker in the admin's scope (deleted ones are gone, as in Daftar Pengguna). */
  async list(actor: Actor, satkerCode: string): Promise<MembershipContact[]> {
    const clause = officeClause(adminScopeOf(actor), 'k', 2);
    const rows = await many<MembershipContact>(
      this.db,
      `SELECT ${COLUMNS} FROM myintress_memberships m JOIN satkers s ON s.id = m.satker_id JOIN offices k ON k.id = s.kppn_id
         JOIN persons p ON p.id = m.person_id
        WHERE s.code = $1 AND m.deleted_at IS NULL AND ${clause.sql} ORDER BY p.name, m.created_at`,
      [satkerCode, ...clause.params],
    );
    return rows.map(masked);
  }

  async get(actor: Actor, id: string): Promise<MembershipContact> {
    return masked(await this.find(this.db, actor, id, ''));
  }

  async correct(actor: Actor, id: string, c: ContactCorrection): Promise<MembershipContact> {
    const phone = c.phone?.trim();
    const email = c.email?.trim();
    const reason = c.reason?.trim() ?? '';
    const problems = [
      ...(phone === undefined && email === undefined
        ? [{ field: 'phone', problems: ['Isi nomor telepon dan/atau e-mail yang benar.'] }]
        : []),
      ...(phone !== undefined && !PHONE_PATTERN.test(phone)
        ? [{ field: 'phone', problems: ['Nomor telepon tidak valid.'] }]
        : []),
      ...(email !== undefined && (email.length > 254 || !EMAIL_PATTERN.test(email))
        ? [{ field: 'email', problems: ['Alamat e-mail tidak valid.'] }]
        : []),
      ...(reason.length < 5
        ? [{ field: 'reason', problems: ['Alasan koreksi wajib diisi (minimal 5 karakter).'] }]
        : []),
    ];
    if (problems.length) throw fail('VALIDATION_FAILED', problems);
    return this.db.transaction(async (em) => {
      const before = await this.find(em, actor, id, 'FOR UPDATE OF m');
      const after = { ...before, phone: phone ?? before.phone, email: email ?? before.email };
      if (after.phone === before.phone && after.email === before.email) return masked(before);
      await em.query(`UPDATE myintress_memberships SET phone = $2, email = $3, updated_at = now() WHERE id = $1`, [
        id,
        after.phone,
        after.email,
      ]);
      await recordMembershipChange(em, {
        membershipId: id,
        from: before.status,
        to: before.status,
        change: 'CONTACT_CORRECTED',
        reason,
        actorId: actor.personId,
        ticketId: null,
      });
      await this.audit.record(em, {
        actorId: actor.personId,
        officeId: before.kppnId,
        action: 'MEMBERSHIP_CONTACT_CORRECTED',
        entityType: 'MEMBERSHIP',
        entityKey: `${before.satkerCode}/${before.nikMasked}`,
        before: { phone: before.phone, email: before.email },
        after: { phone: after.phone, email: after.email },
        reason,
      });
      return masked(after);
    });
  }

  private async find(db: Queryable, actor: Actor, id: string, lock: '' | 'FOR UPDATE OF m') {
    const clause = officeClause(adminScopeOf(actor), 'k', 2);
    const row = await one<MembershipContact & { kppnId: string }>(
      db,
      `SELECT ${COLUMNS}, k.id AS "kppnId" FROM myintress_memberships m JOIN satkers s ON s.id = m.satker_id
         JOIN offices k ON k.id = s.kppn_id JOIN persons p ON p.id = m.person_id
        WHERE m.id = $1 AND m.deleted_at IS NULL AND ${clause.sql} ${lock}`,
      [id, ...clause.params],
    );
    if (!row) throw membershipNotFound();
    return row;
  }
}

const masked = ({ kppnId: _k, ...m }: MembershipContact & { kppnId?: string }): MembershipContact => ({
  ...m,
  nikMasked: maskNik(m.nikMasked),
});
