import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import type { Queryable } from '@loket/db';
import { endsWithClosing, LettersService } from '@loket/letters';
import { ticketLetterBasics } from '@loket/services';
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

/** The KPPN's reply letter (tanggapan) to a ticket; a service's own letters are effects in its folder. */
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
      ...(await ticketLetterBasics(db, ticket)),
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
}
