import { Injectable } from '@nestjs/common';
import { one, type Queryable } from '@loket/db';
import { enqueueNotice, type Notice } from '@loket/notify';
import { Catalogue } from '@loket/workflow';
import type { TicketRow } from './ticket.types';

const SELF_REGISTRATION = 'MYINTRESS_DAFTAR_MANDIRI';
/** What a notice needs to know of its ticket. */
export type NoticeTicket = Pick<TicketRow, 'id' | 'number' | 'subject' | 'serviceCode' | 'form'>;

/** Who a ticket's notices go to: its filer, with the names of its office and satker. */
export interface Recipient {
  name: string;
  email: string;
  officeName: string;
  satkerName: string;
}
type NoticeEvent = { type: string; text?: string; byAgent: boolean };

const NOTIFIED = new Set([
  'FILED',
  'REQUEST_CORRECTION',
  'MESSAGE',
  'STATUS_NOTICE',
  'COMPLETE',
  'REJECT',
  'EXPIRE',
  'REOPEN',
]);

/**
 * Which ticket events tell someone by e-mail, and whom. Written to the outbox in the event's own
 * transaction, so a committed event always has its notice and a rolled-back one never does.
 */
@Injectable()
export class TicketNotices {
  constructor(private readonly catalogue: Catalogue) {}

  /** Whether an event of this service tells anyone (most events tell nobody: no query for them). */
  tells(serviceCode: string, type: string): boolean {
    return Boolean(this.catalogue.service(serviceCode)?.notices?.[type]) || NOTIFIED.has(type);
  }

  async afterEvent(db: Queryable, ticket: NoticeTicket, event: NoticeEvent): Promise<void> {
    if (!this.tells(ticket.serviceCode, event.type)) return;
    const to = await one<Recipient>(
      db,
      `SELECT p.name, p.email, o.name AS "officeName", s.name AS "satkerName"
         FROM tickets t JOIN persons p ON p.id = t.filed_by JOIN offices o ON o.id = t.office_id JOIN satkers s ON s.id = t.satker_id
        WHERE t.id = $1`,
      [ticket.id],
    );
    if (!to) return;
    for (const notice of await this.compose(db, ticket, event, to)) await enqueueNotice(db, notice);
  }

  /** The notices an event sends, `to` being the ticket's filer with its office and satker; written by the caller. */
  async compose(db: Queryable, ticket: NoticeTicket, event: NoticeEvent, to: Recipient): Promise<Notice[]> {
    const own = this.catalogue.service(ticket.serviceCode)?.notices?.[event.type];
    const base = { name: to.name, ticketNumber: ticket.number, subject: ticket.subject, officeName: to.officeName };
    const notice = (topic: string, payload: Record<string, unknown>, recipient = to.email): Notice[] => [
      { topic, recipient, ticketId: ticket.id, payload },
    ];

    if (ticket.serviceCode === SELF_REGISTRATION) {
      // The person registered hears the outcome; the satker sees it in Daftar Pengguna.
      const person = { name: String(ticket.form.nama), satkerName: to.satkerName };
      if (event.type === 'COMPLETE') return notice('membership.approved', person, String(ticket.form.email));
      if (event.type === 'REJECT')
        return notice('membership.rejected', { ...person, reason: event.text ?? '' }, String(ticket.form.email));
      return [];
    }
    if (own) return notice(own, { ...base, message: event.text ?? '' });
    switch (event.type) {
      case 'FILED':
        return notice('ticket.filed', base);
      case 'STATUS_NOTICE':
        return notice('ticket.answered', { ...base, message: event.text ?? '' });
      case 'REQUEST_CORRECTION':
        return notice('ticket.correction-requested', { ...base, message: event.text ?? '' });
      case 'MESSAGE':
        return event.byAgent ? notice('ticket.answered', { ...base, message: event.text ?? '' }) : [];
      case 'COMPLETE':
        return notice('ticket.completed', base);
      case 'REJECT':
        return notice('ticket.rejected', { ...base, reason: event.text ?? '' });
      case 'EXPIRE':
        return notice('ticket.expired', base);
      case 'REOPEN': {
        // The agent it went back to hears it (a ticket back in BARU waits in the office's queue).
        const agent = await one<{ name: string; email: string }>(
          db,
          `SELECT p.name, p.email FROM tickets t JOIN persons p ON p.id = t.assignee_id WHERE t.id = $1`,
          [ticket.id],
        );
        return agent
          ? notice(
              'ticket.reopened',
              { ...base, name: agent.name, satkerName: to.satkerName, reason: event.text ?? '' },
              agent.email,
            )
          : [];
      }
    }
    return [];
  }
}
