import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { many, one, type Queryable } from '@loket/db';
import { enqueueNotice } from '@loket/notify';

/** What the satker did that the ticket's agent should hear about. */
export const AGENT_NOTICE_KINDS: Record<string, string> = {
  CORRECTION_SUBMITTED: 'Satker mengirim perbaikan',
  SATKER_REPLIED: 'Satker membalas',
  RATED: 'Satker memberi penilaian layanan',
};

export interface AgentNotice {
  id: string;
  kind: string;
  label: string;
  ticketId: string;
  ticketNumber: string;
  subject: string;
  createdAt: Date;
  read: boolean;
}

/**
 * Notices to the agent holding a ticket when the satker moves it on: an entry in the portal (a
 * count in the header, a list page) and an e-mail through the outbox, both written in the
 * transaction of the satker's step, so one never exists without the other.
 */
@Injectable()
export class AgentNotices {
  constructor(private readonly ds: DataSource) {}

  async satkerActed(
    db: Queryable,
    ticket: { id: string; number: string; subject: string },
    assigneeId: string | null,
    kind: keyof typeof AGENT_NOTICE_KINDS,
  ): Promise<void> {
    if (!assigneeId) return; // nobody holds it: the queue's "Belum diambil" shows it to everyone
    const to = await one<{ name: string; email: string }>(
      db,
      `WITH n AS (INSERT INTO agent_notices (person_id, ticket_id, kind) VALUES ($1, $2, $3))
       SELECT name, email FROM persons WHERE id = $1`,
      [assigneeId, ticket.id, kind],
    );
    if (!to) return;
    await enqueueNotice(db, {
      topic: 'agent.satker-acted',
      recipient: to.email,
      ticketId: ticket.id,
      payload: { name: to.name, ticketNumber: ticket.number, subject: ticket.subject, what: AGENT_NOTICE_KINDS[kind] },
    });
  }

  async unread(personId: string): Promise<number> {
    const row = await one<{ n: number }>(
      this.ds,
      `SELECT count(*)::int AS n FROM agent_notices WHERE person_id = $1 AND read_at IS NULL`,
      [personId],
    );
    return row?.n ?? 0;
  }

  /** The newest notices of the person (the list page), newest first. */
  async list(personId: string, limit = 50): Promise<AgentNotice[]> {
    const rows = await many<Omit<AgentNotice, 'label'>>(
      this.ds,
      `SELECT n.id::text AS id, n.kind, n.ticket_id AS "ticketId", t.number AS "ticketNumber", t.subject,
              n.created_at AS "createdAt", n.read_at IS NOT NULL AS read
         FROM agent_notices n JOIN tickets t ON t.id = n.ticket_id
        WHERE n.person_id = $1 ORDER BY n.id DESC LIMIT $2`,
      [personId, limit],
    );
    return rows.map((r) => ({ ...r, label: AGENT_NOTICE_KINDS[r.kind] ?? 'Pemberitahuan' }));
  }

  async markAllRead(personId: string): Promise<void> {
    await this.ds.query(`UPDATE agent_notices SET read_at = now() WHERE person_id = $1 AND read_at IS NULL`, [
      personId,
    ]);
  }
}
