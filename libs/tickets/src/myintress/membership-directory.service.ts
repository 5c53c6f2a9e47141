import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { many } from '@loket/db';
import { maskNik, MembershipRequests, STATUS_LABELS } from '@loket/registry';
import { actingSatker, readableSatker } from './satker-access';

/** Daftar Pengguna of a satker and the changes its own users make there. */
@Injectable()
export class MembershipDirectoryService {
  constructor(
    private readonly db: DataSource,
    private readonly requests: MembershipRequests,
  ) {}

  async list(actor: Actor, satkerCode: string) {
    const satker = await readableSatker(this.db, actor, satkerCode);
    const rows = await this.requests.list(this.db, satker.satkerId);
    return {
      satker: { code: satker.satkerCode, name: satker.satkerName },
      pengguna: rows.map(({ nik, personId, ...row }) => ({
        ...row,
        nik: maskNik(nik),
        self: personId === actor.personId,
        statusLabel: STATUS_LABELS[row.status],
        tipePengguna: 'Satker',
      })),
    };
  }

  async deactivate(actor: Actor, satkerCode: string, membershipId: string, reason: string) {
    const satker = actingSatker(actor, satkerCode);
    await this.db.transaction((em) =>
      this.requests.deactivate(em, satker.satkerId, membershipId, reason, actor.personId),
    );
    return this.list(actor, satkerCode);
  }

  /**
   * What the pre-filled deletion request letter says: the satker, its KPPN and each chosen member
   * in full (nama, NIK, NIP, peran, e-mail, status). The letter is the satker's own signed request to
   * its KPPN, which must be able to tell exactly whom to remove.
   */
  async deletionLetter(actor: Actor, satkerCode: string, membershipIds: string[]) {
    const satker = actingSatker(actor, satkerCode);
    const rows = await many<{
      nama: string;
      nik: string;
      nip: string | null;
      peran: string;
      email: string;
      status: number;
      kppn: string;
    }>(
      this.db,
      `SELECT p.name AS nama, p.nik, coalesce(m.nip, p.nip) AS nip, m.role_name AS peran, coalesce(m.email, p.email) AS email,
              m.status, o.name AS kppn
         FROM myintress_memberships m JOIN persons p ON p.id = m.person_id
         JOIN satkers s ON s.id = m.satker_id JOIN offices o ON o.id = s.kppn_id
        WHERE m.id = ANY($1::uuid[]) AND m.satker_id = $2 AND m.deleted_at IS NULL ORDER BY p.name`,
      [membershipIds, satker.satkerId],
    );
    if (rows.length === 0 || rows.length !== new Set(membershipIds).size) {
      throw fail('MEMBERSHIP_NOT_FOUND');
    }
    return {
      satker: { code: satker.satkerCode, name: satker.satkerName },
      kppn: { name: rows[0].kppn },
      pengguna: rows.map((r) => ({
        nama: r.nama,
        nik: r.nik,
        nip: r.nip || '-',
        peran: r.peran || '-',
        email: r.email || '-',
        status: STATUS_LABELS[r.status],
      })),
    };
  }
}
