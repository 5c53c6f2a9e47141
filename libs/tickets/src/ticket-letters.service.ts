import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { many, one, type Queryable } from '@loket/db';
import { endsWithClosing, letterhead, LettersService } from '@loket/letters';
import { maskNik, STATUS_LABELS } from '@loket/registry';
import { factsFor } from './scope';
import { TicketRepository } from './ticket.repository';
import type { TicketRow } from './ticket.types';

export interface ReplyLetter {
  hal: string;
  sifat: string;
  lampiran: string;
  yth: string;
  isi: string;
  tembusan: string[];
  penandatangan: { nama: string; nip: string; jabatan: string };
}

/** Letters that belong to tickets: the KPPN's reply (tanggapan) and the deletion confirmation. */
@Injectable()
export class TicketLettersService {
  constructor(
    private readonly db: DataSource,
    private readonly tickets: TicketRepository,
    private readonly letters: LettersService,
  ) {}

  async visible(actor: Actor, ticketId: string): Promise<TicketRow> {
    const ticket = await this.tickets.findVisible(this.db, ticketId, actor);
    if (!ticket) throw fail('TICKET_NOT_FOUND');
    return ticket;
  }

  async issueReply(actor: Actor, ticketId: string, input: ReplyLetter) {
    return this.db.transaction(async (em) => {
      const ticket = await this.replyTicket(em, actor, ticketId, 'FOR UPDATE OF t');
      const letter = await this.letters.issue(em, {
        ticketId,
        officeId: ticket.officeId,
        template: 'tanggapan',
        data: await this.replyData(em, ticket, input),
        issuedBy: actor.personId,
      });
      await this.tickets.insertEvent(em, {
        ticketId,
        type: 'LETTER_ISSUED',
        from: ticket.status,
        to: ticket.status,
        actorId: actor.personId,
        payload: { letterId: letter.id, number: letter.number },
      });
      return letter;
    });
  }

  /** The reply letter as it would be issued now, without a number and without keeping anything. */
  async previewReply(actor: Actor, ticketId: string, input: ReplyLetter): Promise<string> {
    const ticket = await this.replyTicket(this.db, actor, ticketId);
    const data = await this.replyData(this.db, ticket, input);
    return this.letters.renderer.letter('tanggapan', {
      ...data,
      nomor: 'S-....../....../......(diberikan saat diterbitkan)',
      tanggalSurat: new Date().toISOString(),
    });
  }

  private async replyTicket(db: Queryable, actor: Actor, ticketId: string, lock = ''): Promise<TicketRow> {
    const ticket = await this.tickets.findVisible(db, ticketId, actor, lock);
    if (!ticket) throw fail('TICKET_NOT_FOUND');
    const roles = factsFor(actor, ticket).roles;
    if (!roles.includes('AGENT') && !roles.includes('ESCALATION_AGENT')) {
      throw fail('LETTER_NOT_PERMITTED');
    }
    return ticket;
  }

  private async replyData(db: Queryable, ticket: TicketRow, input: ReplyLetter) {
    const paragraf = input.isi
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    return {
      ...(await this.common(db, ticket)),
      hal: input.hal,
      sifat: input.sifat,
      lampiran: input.lampiran,
      yth: input.yth,
      paragraf,
      // The template's closing sentence only where the agent wrote none.
      penutupDariIsi: endsWithClosing(paragraf),
      tembusan: input.tembusan,
      penandatangan: input.penandatangan,
    };
  }

  /** The deletion confirmation, issued with SELESAI of a deletion ticket (an effect in its transaction). */
  async issueDeletionConfirmation(
    db: Queryable,
    ticket: TicketRow,
    actorId: string | null,
    reason: string,
    skNumber: string,
  ) {
    const ids = (ticket.form.pengguna as Array<{ membershipId: string }>).map((p) => p.membershipId);
    const pengguna = await many<{ nama: string; nik: string; status: number }>(
      db,
      `SELECT p.name AS nama, p.nik, m.status FROM myintress_memberships m JOIN persons p ON p.id = m.person_id
        WHERE m.id = ANY($1::uuid[]) ORDER BY p.name`,
      [ids],
    );
    const signer = await one<{ nama: string; nip: string | null }>(
      db,
      `SELECT name AS nama, nip FROM persons WHERE id = $1`,
      [actorId],
    );
    const data = {
      ...(await this.common(db, ticket)),
      alasan: reason,
      nomorSk: skNumber,
      pengguna: pengguna.map((p) => ({ nama: p.nama, nik: maskNik(p.nik), status: STATUS_LABELS[p.status] })),
      penandatangan: { nama: signer?.nama ?? '-', nip: signer?.nip ?? '-', jabatan: 'Petugas Layanan' },
    };
    return this.letters.issue(db, {
      ticketId: ticket.id,
      officeId: ticket.officeId,
      template: 'konfirmasi-penghapusan',
      data,
      issuedBy: actorId,
    });
  }

  private async common(db: Queryable, ticket: TicketRow) {
    const satker = await one<{ code: string; name: string }>(db, `SELECT code, name FROM satkers WHERE id = $1`, [
      ticket.satkerId,
    ]);
    return {
      kantor: await letterhead(db, ticket.officeId),
      satker,
      tiket: { number: ticket.number, subject: ticket.subject },
    };
  }
}
