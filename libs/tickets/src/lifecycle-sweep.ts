import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { many } from '@loket/db';
import { TicketWorkflowService } from './ticket-workflow.service';

const BATCH = 100;

/**
 * Time-driven transitions, through the same transition path as people's: tickets resolved 7 days
 * ago are closed (DITUTUP), tickets waiting 14 days for the satker's correction are cancelled with a
 * notice (sent by the transition path). Candidates are claimed with SKIP LOCKED, so several workers never act on one ticket twice.
 */
@Injectable()
export class LifecycleSweep {
  constructor(
    private readonly db: DataSource,
    private readonly workflow: TicketWorkflowService,
  ) {}

  async run(now: Date = new Date()): Promise<{ closed: number; expired: number }> {
    const closed = await this.db.transaction(async (em) => {
      const due = await many<{ id: string }>(
        em,
        `SELECT id FROM tickets WHERE status IN ('SELESAI', 'DITOLAK') AND resolved_at <= $1::timestamptz - interval '7 days'
          ORDER BY resolved_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [now],
      );
      for (const { id } of due) await this.workflow.transitionWithin(em, id, null, { type: 'CLOSE' }, null);
      return due.length;
    });
    const expired = await this.db.transaction(async (em) => {
      const due = await many<{ id: string }>(
        em,
        `SELECT t.id FROM tickets t
          WHERE t.status = 'MENUNGGU_PERBAIKAN'
            AND (SELECT max(e.created_at) FROM ticket_events e WHERE e.ticket_id = t.id AND e.to_status = 'MENUNGGU_PERBAIKAN'
                  AND e.from_status <> 'MENUNGGU_PERBAIKAN') <= $1::timestamptz - interval '14 days'
          LIMIT ${BATCH} FOR UPDATE OF t SKIP LOCKED`,
        [now],
      );
      for (const { id } of due) await this.workflow.transitionWithin(em, id, null, { type: 'EXPIRE' }, null);
      return due.length;
    });
    return { closed, expired };
  }
}
