import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@loket/auth';
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
      pengguna: rows.map(({ nik, ...row }) => ({
        ...row, nik: maskNik(nik), statusLabel: STATUS_LABELS[row.status], tipePengguna: 'Satker',
      })),
    };
  }

  async deactivate(actor: Actor, satkerCode: string, membershipId: string, reason: string) {
    const satker = actingSatker(actor, satkerCode);
    await this.db.transaction((em) => this.requests.deactivate(em, satker.satkerId, membershipId, reason, actor.personId));
    return this.list(actor, satkerCode);
  }
}
