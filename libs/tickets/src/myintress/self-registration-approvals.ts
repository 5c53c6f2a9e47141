import { Injectable } from '@nestjs/common';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { maskNik } from '@loket/registry';
import { SELF_REGISTRATION } from '@loket/services';
import { TicketQueryService } from '../ticket-query.service';

/** What a Tambah Pengguna request asks, as the approval ticket's form holds it. */
export interface SelfRegistrationRequest {
  jenis: string;
  nik: string;
  nama: string;
  nip: string;
  telepon: string;
  email: string;
  nomorSk: string;
}

const requestOf = (form: Record<string, unknown>): SelfRegistrationRequest => {
  const field = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : '');
  return {
    jenis: field('jenis'),
    nik: field('nik'),
    nama: field('nama'),
    nip: field('nip'),
    telepon: field('telepon'),
    email: field('email'),
    nomorSk: field('nomorSk'),
  };
};

/**
 * The KPPN's queue of self-registrations awaiting a decision (approval tickets still BARU), with
 * who is asked for, read through the same scoped queue query as every other queue.
 */
@Injectable()
export class SelfRegistrationApprovals {
  constructor(private readonly query: TicketQueryService) {}

  async pending(actor: Actor, cursor: string | undefined, limit: number) {
    const page = await this.query.list(
      { ...actor, satkers: [] },
      { service: SELF_REGISTRATION, status: 'BARU', cursor, limit, withForm: true },
    );
    return {
      items: page.items.map(({ form, ...item }) => {
        const request = requestOf(form ?? {});
        return { ...item, request: { ...request, nik: request.nik ? maskNik(request.nik) : '' } };
      }),
      nextCursor: page.nextCursor,
    };
  }

  /** One request in full (NIK unmasked: the verifier compares it with the SK), for staff of its KPPN. */
  async detail(actor: Actor, ticketId: string) {
    const view = await this.query.detail({ ...actor, satkers: [] }, ticketId);
    if (view.service.code !== SELF_REGISTRATION) throw fail('TICKET_NOT_FOUND');
    return { ...view, request: requestOf(view.form as Record<string, unknown>) };
  }
}
