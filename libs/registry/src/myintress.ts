import { Injectable } from '@nestjs/common';
import { fail } from '@loket/common';
import { many, one, sqlState, type Queryable } from '@loket/db';
import { DigitIdentities } from './digit-identities';
import { recordMembershipChange } from './membership-history';
import { maskNik, sameName } from './names';

export const MEMBERSHIP_STATUS = { TIDAK_AKTIF: 0, TERDAFTAR: 1, AKTIF: 2, DORMANT: 3, DITOLAK: 5 } as const;
/** The statuses of a membership that still counts (registered, active or dormant), for `status IN (...)` in SQL. */
export const LIVE_MEMBERSHIP_STATUSES = [
  MEMBERSHIP_STATUS.TERDAFTAR,
  MEMBERSHIP_STATUS.AKTIF,
  MEMBERSHIP_STATUS.DORMANT,
].join(', ');

export interface ListedUser {
  nik: string;
  nama: string;
  nip?: string;
  telepon: string;
  email: string;
  peran: string;
}

export interface TicketRef {
  id: string;
  satkerId: string;
  actorId: string | null;
}

/** An approved registration supersedes earlier refusals of the same person for the satker. */
export async function removeRefusedRows(
  db: Queryable,
  personId: string,
  satkerId: string,
  actorId: string | null,
  ticketId: string | null,
) {
  const removed = await many<{ id: string }>(
    db,
    `UPDATE myintress_memberships SET deleted_at = now(), deleted_reason = 'Digantikan pendaftaran yang disetujui', updated_at = now()
      WHERE person_id = $1 AND satker_id = $2 AND status = ${MEMBERSHIP_STATUS.DITOLAK} AND deleted_at IS NULL RETURNING id`,
    [personId, satkerId],
  );
  for (const row of removed) {
    await recordMembershipChange(db, {
      membershipId: row.id,
      from: 5,
      to: null,
      change: 'SUPERSEDED_BY_APPROVAL',
      actorId,
      ticketId,
    });
  }
}

export interface RegisteredUser {
  personId: string;
  membershipId: string;
  newIdentity: boolean;
}

const outcomeFailed = (index: number, user: ListedUser, code: string, why: string) =>
  fail(
    'OUTCOME_FAILED',
    { reason: 'USER', number: index + 1, nama: user.nama, why },
    {
      index,
      nama: user.nama,
      nik: maskNik(user.nik),
      reason: code,
    },
  );

/** MyIntress memberships: who may act for which satker, with the status the seeds describe. */
@Injectable()
export class MyIntressRegistry {
  constructor(private readonly digit: DigitIdentities) {}

  /**
   * The outcome of a completed registration ticket: every listed person becomes an active member of
   * the satker, or (on the first problem) nothing at all, because this runs in the ticket's transaction.
   */
  async registerListedUsers(db: Queryable, ticket: TicketRef, users: ListedUser[]): Promise<RegisteredUser[]> {
    const results: RegisteredUser[] = [];
    for (const [index, user] of users.entries()) {
      results.push(await this.registerOne(db, ticket, user, index));
    }
    return results;
  }

  private async registerOne(db: Queryable, ticket: TicketRef, user: ListedUser, index: number) {
    const nip = user.nip?.trim() || null;
    let person = await this.digit.findByNik(db, user.nik);
    const newIdentity = !person;
    person ??= await this.digit.create(
      db,
      { nik: user.nik, name: user.nama, email: user.email, nip, phone: user.telepon },
      ticket.id,
    );
    person ??= await this.digit.findByNik(db, user.nik);
    if (!person) throw outcomeFailed(index, user, 'IDENTITY_UNAVAILABLE', 'identitas DIGIT tidak dapat dibuat.');
    if (!newIdentity && !sameName(person.name, user.nama)) {
      throw outcomeFailed(index, user, 'NAME_MISMATCH', 'NIK ini terdaftar di DIGIT atas nama lain.');
    }
    if (!newIdentity) await this.digit.renewActivation(db, person, ticket.id);
    const live = await one<{ status: number }>(
      db,
      `SELECT status FROM myintress_memberships
        WHERE person_id = $1 AND satker_id = $2 AND deleted_at IS NULL AND status IN (${LIVE_MEMBERSHIP_STATUSES}) FOR UPDATE`,
      [person.id, ticket.satkerId],
    );
    if (live) {
      throw outcomeFailed(
        index,
        user,
        'MEMBERSHIP_EXISTS',
        `sudah memiliki keanggotaan satker ini dengan status ${live.status}.`,
      );
    }
    let membership: { id: string } | null;
    try {
      membership = await one<{ id: string }>(
        db,
        `INSERT INTO myintress_memberships (person_id, satker_id, status, role_name, phone, email, nip, source_ticket_id)
         VALUES ($1, $2, 2, $3, $4, $5, $6, $7) RETURNING id`,
        [person.id, ticket.satkerId, user.peran, user.telepon, user.email, nip, ticket.id],
      );
    } catch (err) {
      if (sqlState(err) === '23505')
        throw outcomeFailed(index, user, 'MEMBERSHIP_EXISTS', 'sudah memiliki keanggotaan satker ini.');
      throw err;
    }
    await recordMembershipChange(db, {
      membershipId: membership!.id,
      from: null,
      to: 2,
      change: 'CREATED',
      actorId: ticket.actorId,
      ticketId: ticket.id,
    });
    await removeRefusedRows(db, person.id, ticket.satkerId, ticket.actorId, ticket.id);
    return { personId: person.id, membershipId: membership!.id, newIdentity };
  }
}
