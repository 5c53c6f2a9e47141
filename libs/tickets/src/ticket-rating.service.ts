import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { one } from '@loket/db';
import { factsFor } from './scope';
import { TicketRepository } from './ticket.repository';
import { AgentNotices } from './workspace/agent-notices';

export type Rating = 'POSITIF' | 'NETRAL' | 'NEGATIF';

/** After SELESAI or DITOLAK, and until the ticket closes, the satker rates the service once. */
@Injectable()
export class TicketRatingService {
  constructor(
    private readonly db: DataSource,
    private readonly tickets: TicketRepository,
    private readonly agentNotices: AgentNotices,
  ) {}

  async rate(actor: Actor, ticketId: string, rating: Rating, comment: string | null) {
    return this.db.transaction(async (em) => {
      const ticket = await this.tickets.lockVisible(em, ticketId, actor);
      if (!ticket) throw fail('TICKET_NOT_FOUND');
      if (!factsFor(actor, ticket).roles.includes('SATKER')) {
        throw fail('RATING_NOT_PERMITTED');
      }
      if (ticket.status !== 'SELESAI' && ticket.status !== 'DITOLAK') {
        throw fail('RATING_NOT_OPEN', { status: ticket.status });
      }
      const saved = await one(
        em,
        `INSERT INTO ticket_ratings (ticket_id, rating, comment, person_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (ticket_id) DO NOTHING RETURNING ticket_id`,
        [ticketId, rating, comment, actor.personId],
      );
      if (!saved) throw fail('ALREADY_RATED');
      await em.query(`UPDATE tickets SET rating = $2 WHERE id = $1`, [ticketId, rating]);
      await this.tickets.insertEvent(em, {
        ticketId,
        type: 'RATED',
        from: ticket.status,
        to: ticket.status,
        actorId: actor.personId,
        payload: { rating },
      });
      await this.agentNotices.satkerActed(em, ticket, ticket.assigneeId, 'RATED');
      return { ticketId, rating, comment };
    });
  }
}
