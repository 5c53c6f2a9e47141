import { Injectable } from '@nestjs/common';
import { one, type Queryable } from '@loket/db';
import { enqueueNotice } from '@loket/notify';
import { Catalogue } from '@loket/workflow';
import type { TicketRow } from './ticket.types';

const SELF_REGISTRATION = 'MYINTRESS_DAFTAR_MANDIRI';
/** What a notice needs to know of its ticket. */
export type NoticeTicket = Pick<TicketRow, 'id' | 'number' | 'subject' | 'serviceCode' | 'form'>;

const NOTIFIED = new Set(['FILED', 'REQUEST_CORRECTION', 'MESSAGE', 'STATUS_NOTICE', 'COMPLETE', 'REJECT', 'EXPIRE', 'REOPEN']);

/**
 * Which ticket events tell someone by e-mail, and whom. Written to the outbox in the event's own
 * transaction, so a committed event always has its notice and a rolled-back one never does.
 */
@Injectable()
export class TicketNotices {
  constructor(private readonly catalogue: Catalogue) {}

  async afterEvent(db: Queryable, ticket: NoticeTicket, event: { type: string; text?: string; byAgent: boolean }): Promise<void> {
    const own = this.catalogue.service(ticket.serviceCode)?.notices?.[event.type];
    if (!own && !NOTIFIED.has(event.type)) return; // most events tell nobody: no query for them
    const to = await one<{ name: string; email: string; officeName: string; satkerName: string }>(db,
      `SELECT p.name, p.email, o.name AS "officeName", s.name AS "satkerName"
         FROM tickets t JOIN persons p ON p.id = t.filed_by JOIN offices o ON o.id = t.office_id JOIN satkers s ON s.id = t.satker_id
        WHERE t.id = $1`, [ticket.id]);
    if (!to) return;
    const base = { name: to.name, ticketNumber: ticket.number, subject: ticket.subject, officeName: to.officeName };
    const send = (topic: string, payload: Record<string, unknown>, recipient = to.email) =>
      enqueueNotice(db, { topic, recipient, ticketId: ticket.id, payload });

    if (ticket.serviceCode === SELF_REGISTRATION) {
      // The person registered hears the outcome; the satker sees it in Daftar Pengguna.
      const person = { name: String(ticket.form.nama), satkerName: to.satkerName };
      if (event.type === 'COMPLETE') await send('membership.approved', person, String(ticket.form.email));
      if (event.type === 'REJECT') await send('membership.rejected', { ...person, reason: event.text ?? '' }, String(ticket.form.email));
      return;
    }
    if (own) return void (await send(own, { ...base, message: event.text ?? '' }));
    switch (event.type) {
      case 'FILED':
        return void (await send('ticket.filed', base));
      case 'STATUS_NOTICE':
        return void (await send('ticket.answered', { ...base, message: event.text ?? '' }));
      case 'REQUEST_CORRECTION':
        return void (await send('ticket.correction-requested', { ...base, message: event.text ?? '' }));
      case 'MESSAGE':
        if (event.byAgent) await send('ticket.answered', { ...base, message: event.text ?? '' });
        return;
      case 'COMPLETE':
        return void (await send('ticket.completed', base));
      case 'REJECT':
        return void (await send('ticket.rejected', { ...base, reason: event.text ?? '' }));
      case 'EXPIRE':
        return void (await send('ticket.expired', base));
      case 'REOPEN': {
        // The agent it went back to hears it (a ticket back in BARU waits in the office's queue).
        const agent = await one<{ name: string; email: string }>(db,
          `SELECT p.name, p.email FROM tickets t JOIN persons p ON p.id = t.assignee_id WHERE t.id = $1`, [ticket.id]);
        if (agent) await send('ticket.reopened', { ...base, name: agent.name, satkerName: to.satkerName, reason: event.text ?? '' }, agent.email);
        return;
      }
    }
  }
}
