import { Injectable } from '@nestjs/common';
import { one, type Queryable, type WriteBatch } from '@loket/db';
import { enqueueNotice, enqueueNoticesIn, type Notice } from '@loket/notify';
import { composeNotices, ServiceRegistry, type Recipient } from '@loket/services';
import type { TicketRow } from './ticket.types';

export type { Recipient } from '@loket/services';
/** What a notice needs to know of its ticket. */
export type NoticeTicket = Pick<TicketRow, 'id' | 'number' | 'subject' | 'serviceCode' | 'form'>;
type NoticeEvent = { type: string; text?: string; byAgent: boolean };

/**
 * Sends the e-mails a ticket event calls for, as its service's definition lists them (notices.ts of
 * its folder). Written to the outbox in the event's own transaction, so a committed event always has
 * its notice and a rolled-back one never does.
 */
@Injectable()
export class TicketNotices {
  private readonly anyTells = new Map<string, boolean>();

  constructor(private readonly services: ServiceRegistry) {}

  /** Whether an event of this service tells anyone (most events tell nobody: no query for them). */
  tells(serviceCode: string, type: string): boolean {
    return (this.services.notices(serviceCode)[type]?.length ?? 0) > 0;
  }

  /** Whether an event of this type tells anyone in some service (then a transition reads the filer with its lock). */
  mayTell(type: string): boolean {
    let known = this.anyTells.get(type);
    if (known === undefined) {
      known = this.services.list().some((d) => this.tells(d.code, type));
      this.anyTells.set(type, known);
    }
    return known;
  }

  /**
   * `filer`: the ticket's filer as the caller read it already (undefined: read here); `batch`: the
   * notices become its part, for the caller to send.
   */
  async afterEvent(
    db: Queryable,
    ticket: NoticeTicket,
    event: NoticeEvent,
    filer?: Recipient | null,
    batch?: WriteBatch,
  ): Promise<void> {
    if (!this.tells(ticket.serviceCode, event.type)) return;
    const to =
      filer !== undefined
        ? filer
        : await one<Recipient>(
            db,
            `SELECT p.name, p.email, o.name AS "officeName", s.name AS "satkerName"
               FROM tickets t JOIN persons p ON p.id = t.filed_by JOIN offices o ON o.id = t.office_id JOIN satkers s ON s.id = t.satker_id
              WHERE t.id = $1`,
            [ticket.id],
          );
    if (!to) return;
    const notices = await this.compose(db, ticket, event, to);
    if (batch && notices.length) enqueueNoticesIn(batch, 'notices', notices);
    else for (const notice of notices) await enqueueNotice(db, notice);
  }

  /** The notices an event sends, `to` being the ticket's filer with its office and satker; written by the caller. */
  compose(db: Queryable, ticket: NoticeTicket, event: NoticeEvent, to: Recipient): Promise<Notice[]> {
    return composeNotices(this.services.notices(ticket.serviceCode)[event.type], {
      ticket,
      event,
      filer: to,
      // The ticket's assignee as the transition left it (REOPEN tells the agent it went back to).
      assignee: () =>
        one<{ name: string; email: string }>(
          db,
          `SELECT p.name, p.email FROM tickets t JOIN persons p ON p.id = t.assignee_id WHERE t.id = $1`,
          [ticket.id],
        ),
    });
  }
}
