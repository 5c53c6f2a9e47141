import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { many } from '@loket/db';
import { nextOpening } from './calendar';
import { CalendarStore } from './calendar-store';
import type { EscalationLevel } from '@loket/workflow';
import { recordBreach, recordWarning } from './breach';
import { TicketClockPort } from './ticket-clock-port';

interface DueClock {
  ticketId: string;
  kind: string;
  dueAt: Date;
  calendarId: string;
  cycle: number;
  levels: EscalationLevel[] | null;
}

const BATCH = 500;

/**
 * Marks warnings and breaches, each exactly once per clock. Tickets are claimed with SKIP LOCKED, so
 * several workers share the work without doing any of it twice; a breach is recorded at the due
 * instant even when the sweep runs long after it (a worker that was down). Notices wait for the
 * office's next opening.
 */
@Injectable()
export class SlaSweeper {
  constructor(
    private readonly db: DataSource,
    private readonly calendars: CalendarStore,
    private readonly tickets: TicketClockPort,
  ) {}

  async run(now: Date = new Date()): Promise<{ warnings: number; breaches: number }> {
    return this.db.transaction(async (em) => {
      const columns = `ticket_id AS "ticketId", kind, due_at AS "dueAt", calendar_id AS "calendarId", cycle, rule -> '_escalation' AS levels`;
      // Tickets first, then their clocks: the order of the transition path, so the two never deadlock.
      // A ticket another sweeper (or a person) holds now is skipped and taken by the next sweep.
      const candidates = await many<{ ticketId: string }>(
        em,
        `SELECT DISTINCT ticket_id AS "ticketId" FROM sla_clocks
          WHERE stopped_at IS NULL AND paused_since IS NULL AND breached_at IS NULL
            AND (due_at <= $1 OR (warned_at IS NULL AND warn_at <= $1))
          LIMIT ${BATCH}`,
        [now],
      );
      const tickets = (
        await many<{ id: string }>(
          em,
          `SELECT id FROM tickets WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE SKIP LOCKED`,
          [candidates.map((c) => c.ticketId)],
        )
      ).map((t) => t.id);
      const breaches = await many<DueClock>(
        em,
        `SELECT ${columns} FROM sla_clocks
          WHERE ticket_id = ANY($2::uuid[]) AND stopped_at IS NULL AND paused_since IS NULL AND breached_at IS NULL AND due_at <= $1
          ORDER BY ticket_id, kind FOR UPDATE`,
        [now, tickets],
      );
      const spec = async (c: DueClock) => (await this.calendars.load(em, c.calendarId)).spec;
      const opening = async (c: DueClock) => nextOpening(await spec(c), now);
      for (const c of breaches) await recordBreach(em, this.tickets, c, await opening(c), await spec(c));
      const warnings = await many<DueClock>(
        em,
        `SELECT ${columns} FROM sla_clocks
          WHERE ticket_id = ANY($2::uuid[]) AND stopped_at IS NULL AND paused_since IS NULL AND warned_at IS NULL
            AND breached_at IS NULL AND warn_at <= $1 AND due_at > $1
          ORDER BY ticket_id, kind FOR UPDATE`,
        [now, tickets],
      );
      for (const c of warnings) {
        await em.query(`UPDATE sla_clocks SET warned_at = warn_at WHERE ticket_id = $1 AND kind = $2`, [
          c.ticketId,
          c.kind,
        ]);
        await recordWarning(em, this.tickets, c, await opening(c));
      }
      return { warnings: warnings.length, breaches: breaches.length };
    });
  }
}
