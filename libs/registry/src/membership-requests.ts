import { Injectable } from '@nestjs/common';
import { fail } from '@loket/common';
import { many, one, sqlState, type Queryable } from '@loket/db';
import { recordMembershipChange } from './membership-history';
import { LIVE_MEMBERSHIP_STATUSES, MEMBERSHIP_STATUS, removeRefusedRows, type TicketRef } from './myintress';
import { STATUS_LABELS } from './membership-status';

export interface MembershipRow {
  id: string;
  personId: string;
  satkerId: string;
  status: number;
  nama: string;
}

export interface PendingDetails {
  peran: string;
  telepon: string;
  email: string;
  nip: string | null;
  nomorSk: string;
}

const notInStatus = (m: MembershipRow, expected: string) =>
  fail(
    'OUTCOME_FAILED',
    { reason: 'STATUS', nama: m.nama, status: STATUS_LABELS[m.status], expected },
    { membershipId: m.id, status: m.status },
  );

const SELECT_MEMBERSHIP = `SELECT m.id, m.person_id AS "personId", m.satker_id AS "satkerId", m.status, p.name AS nama
  FROM myintress_memberships m JOIN persons p ON p.id = m.person_id`;

/**
 * Status changes of MyIntress memberships that tickets and satker users ask for. Every method takes
 * the caller's transaction and locks the rows it changes, so two approvals cannot both apply.
 */
@Injectable()
export class MembershipRequests {
  /** The person's live (pending, active or dormant) membership of the satker, locked. */
  liveMembership(db: Queryable, personId: string, satkerId: string): Promise<MembershipRow | null> {
    return one<MembershipRow>(
      db,
      `${SELECT_MEMBERSHIP} WHERE m.person_id = $1 AND m.satker_id = $2 AND m.deleted_at IS NULL AND m.status IN (${LIVE_MEMBERSHIP_STATUSES})
       FOR UPDATE OF m`,
      [personId, satkerId],
    );
  }

  lock(db: Queryable, ids: string[], satkerId: string): Promise<MembershipRow[]> {
    return many<MembershipRow>(
      db,
      `${SELECT_MEMBERSHIP} WHERE m.id = ANY($1::uuid[]) AND m.satker_id = $2 AND m.deleted_at IS NULL
       ORDER BY m.id FOR UPDATE OF m`,
      [ids, satkerId],
    );
  }

  /** A membership an approval ticket is about: pending (1) or dormant awaiting reactivation (3). */
  private async lockAwaitingApproval(db: Queryable, satkerId: string, membershipId: string): Promise<MembershipRow> {
    const [m] = await this.lock(db, [membershipId], satkerId);
    if (!m) throw fail('OUTCOME_FAILED', { reason: 'GONE' });
    if (m.status !== 1 && m.status !== 3) throw notInStatus(m, 'menunggu persetujuan');
    return m;
  }

  async satkerHasActiveMember(db: Queryable, satkerId: string): Promise<boolean> {
    const row = await one(
      db,
      `SELECT 1 FROM myintress_memberships WHERE satker_id = $1 AND status = ${MEMBERSHIP_STATUS.AKTIF} AND deleted_at IS NULL LIMIT 1`,
      [satkerId],
    );
    return row !== null;
  }

  async createPending(
    db: Queryable,
    personId: string,
    satkerId: string,
    d: PendingDetails,
    actorId: string,
  ): Promise<string> {
    let row: { id: string } | null;
    try {
      row = await one<{ id: string }>(
        db,
        `INSERT INTO myintress_memberships (person_id, satker_id, status, role_name, phone, email, nip, sk_number)
         VALUES ($1, $2, 1, $3, $4, $5, $6, $7) RETURNING id`,
        [personId, satkerId, d.peran, d.telepon, d.email, d.nip, d.nomorSk],
      );
    } catch (err) {
      if (sqlState(err) === '23505') {
        throw fail('MEMBERSHIP_REQUEST_IN_PROGRESS');
      }
      throw err;
    }
    await recordMembershipChange(db, {
      membershipId: row!.id,
      from: null,
      to: 1,
      change: 'CREATED',
      actorId,
      ticketId: null,
    });
    return row!.id;
  }

  /**
   * Re-entry of a pending (1) or dormant (3) person: the latest SK wins, and for a pending request
   * the latest details too; still one request.
   */
  async replaceRequest(db: Queryable, m: MembershipRow, d: PendingDetails, actorId: string): Promise<void> {
    await db.query(
      `UPDATE myintress_memberships SET sk_number = $6, updated_at = now(),
              role_name = CASE WHEN status = ${MEMBERSHIP_STATUS.TERDAFTAR} THEN $2 ELSE role_name END, phone = CASE WHEN status = ${MEMBERSHIP_STATUS.TERDAFTAR} THEN $3 ELSE phone END,
              email = CASE WHEN status = ${MEMBERSHIP_STATUS.TERDAFTAR} THEN $4 ELSE email END, nip = CASE WHEN status = ${MEMBERSHIP_STATUS.TERDAFTAR} THEN $5 ELSE nip END
        WHERE id = $1`,
      [m.id, d.peran, d.telepon, d.email, d.nip, d.nomorSk],
    );
    await recordMembershipChange(db, {
      membershipId: m.id,
      from: m.status,
      to: m.status,
      change: 'REQUEST_REPLACED',
      actorId,
      ticketId: null,
    });
  }

  /** KPPN approval: a pending registration (1) or a dormant member's reactivation (3) becomes active. */
  async approve(db: Queryable, ticket: TicketRef, membershipId: string): Promise<void> {
    const m = await this.lockAwaitingApproval(db, ticket.satkerId, membershipId);
    await db.query(
      `UPDATE myintress_memberships SET status = ${MEMBERSHIP_STATUS.AKTIF}, reject_reason = NULL, last_login_at = CASE WHEN status = ${MEMBERSHIP_STATUS.DORMANT} THEN now() ELSE last_login_at END, updated_at = now() WHERE id = $1`,
      [m.id],
    );
    await recordMembershipChange(db, {
      membershipId: m.id,
      from: m.status,
      to: 2,
      change: m.status === 3 ? 'REACTIVATED' : 'APPROVED',
      actorId: ticket.actorId,
      ticketId: ticket.id,
    });
    await removeRefusedRows(db, m.personId, m.satkerId, ticket.actorId, ticket.id);
  }

  /** KPPN refusal: a pending registration becomes 5 with the reason; a refused reactivation stays dormant. */
  async reject(db: Queryable, ticket: TicketRef, membershipId: string, reason: string): Promise<void> {
    const m = await this.lockAwaitingApproval(db, ticket.satkerId, membershipId);
    if (m.status === 1) {
      await db.query(
        `UPDATE myintress_memberships SET status = ${MEMBERSHIP_STATUS.DITOLAK}, reject_reason = $2, updated_at = now() WHERE id = $1`,
        [m.id, reason],
      );
    }
    await recordMembershipChange(db, {
      membershipId: m.id,
      from: m.status,
      to: m.status === 1 ? 5 : 3,
      change: m.status === 1 ? 'REJECTED' : 'REACTIVATION_REFUSED',
      reason,
      actorId: ticket.actorId,
      ticketId: ticket.id,
    });
  }

  /**
   * Only Tidak Aktif (0) and Pendaftaran Ditolak (5) may be deleted; anything else is named and refused.
   * A row that is not the satker's own (another satker's, or gone) does not exist for it: 404, as for tickets.
   */
  async assertDeletable(db: Queryable, satkerId: string, ids: string[]): Promise<MembershipRow[]> {
    const rows = await this.lock(db, ids, satkerId);
    const found = new Set(rows.map((r) => r.id));
    if (ids.some((id) => !found.has(id))) throw fail('MEMBERSHIP_NOT_FOUND');
    const blocked = rows.filter((r) => r.status !== 0 && r.status !== 5);
    if (blocked.length) {
      const names = blocked.map((r) => `${r.nama} (${STATUS_LABELS[r.status]})`);
      throw fail(
        'MEMBERSHIP_NOT_DELETABLE',
        { names: names.join(', ') },
        { blocked: blocked.map((r) => ({ membershipId: r.id, nama: r.nama, status: r.status })) },
      );
    }
    return rows;
  }

  async delete(db: Queryable, ticket: TicketRef, ids: string[], reason: string, skNumber: string): Promise<number> {
    const rows = await this.assertDeletable(db, ticket.satkerId, ids);
    await db.query(
      `UPDATE myintress_memberships SET deleted_at = now(), deleted_reason = $2, updated_at = now() WHERE id = ANY($1::uuid[])`,
      [rows.map((r) => r.id), reason],
    );
    for (const r of rows) {
      await recordMembershipChange(db, {
        membershipId: r.id,
        from: r.status,
        to: null,
        change: 'DELETED',
        reason: `SK ${skNumber}: ${reason}`,
        actorId: ticket.actorId,
        ticketId: ticket.id,
      });
    }
    return rows.length;
  }

  /** A satker user switches a membership of their own satker off (2 or 3 -> 0). */
  async deactivate(
    db: Queryable,
    satkerId: string,
    membershipId: string,
    reason: string,
    actorId: string,
  ): Promise<void> {
    // One deactivation per satker at a time: two users switching each other off at once would
    // otherwise both see the other still active and leave the satker with nobody.
    await db.query(`SELECT 1 FROM satkers WHERE id = $1 FOR NO KEY UPDATE`, [satkerId]);
    const [m] = await this.lock(db, [membershipId], satkerId);
    if (!m) throw fail('MEMBERSHIP_NOT_FOUND');
    if (m.status !== 2 && m.status !== 3) {
      throw fail('INVALID_MEMBERSHIP_STATUS', { nama: m.nama, status: STATUS_LABELS[m.status] }, { status: m.status });
    }
    if (m.status === 2 && !(await this.otherActiveMember(db, satkerId, m.id))) {
      throw fail('LAST_ACTIVE_USER', { nama: m.nama });
    }
    if (m.personId === actorId) {
      throw fail('CANNOT_DEACTIVATE_SELF');
    }
    await db.query(
      `UPDATE myintress_memberships SET status = ${MEMBERSHIP_STATUS.TIDAK_AKTIF}, updated_at = now() WHERE id = $1`,
      [m.id],
    );
    await recordMembershipChange(db, {
      membershipId: m.id,
      from: m.status,
      to: 0,
      change: 'DEACTIVATED',
      reason,
      actorId,
      ticketId: null,
    });
  }

  private async otherActiveMember(db: Queryable, satkerId: string, exceptId: string): Promise<boolean> {
    return !!(await one(
      db,
      `SELECT 1 FROM myintress_memberships WHERE satker_id = $1 AND status = ${MEMBERSHIP_STATUS.AKTIF} AND deleted_at IS NULL AND id <> $2 LIMIT 1`,
      [satkerId, exceptId],
    ));
  }

  /** Daftar Pengguna: every live row of the satker, several rows of one person included. */
  list(db: Queryable, satkerId: string) {
    return many<{
      id: string;
      personId: string;
      nik: string;
      nama: string;
      nip: string | null;
      email: string;
      telepon: string;
      peran: string;
      status: number;
      rejectReason: string | null;
      skNumber: string | null;
      lastLoginAt: Date | null;
      createdAt: Date;
    }>(
      db,
      `SELECT m.id, m.person_id AS "personId", p.nik, p.name AS nama, m.nip, m.email, m.phone AS telepon, m.role_name AS peran, m.status,
              m.reject_reason AS "rejectReason", m.sk_number AS "skNumber", m.last_login_at AS "lastLoginAt", m.created_at AS "createdAt"
         FROM myintress_memberships m JOIN persons p ON p.id = m.person_id
        WHERE m.satker_id = $1 AND m.deleted_at IS NULL ORDER BY p.name, m.created_at, m.id`,
      [satkerId],
    );
  }
}
