import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { many, one } from '@loket/db';
import { CalendarStore, nextOpening, recordLevel, type LevelClock } from '@loket/sla';
import type { EscalationLevel } from '@loket/workflow';
import { TicketClockColumns } from './ticket-clock-columns';
import { TicketWorkflowService } from './ticket-workflow.service';

const BATCH = 100;
/** Statuses the worker escalates from: the ticket is with the KPPN, not waiting for the satker nor at the Kanwil already. */
const ESCALATABLE = ['BARU', 'DIPROSES'];

interface Pending extends LevelClock {
  level: number;
  definition: EscalationLevel;
}

/**
 * The escalation levels that come due some time after a breach (by default: one working day after
 * the resolution deadline, the ticket goes up to the Kanwil). The breach scheduled them; this sweep
 * fires each once, through the one transition path as the system. Tickets are claimed with SKIP
 * LOCKED and a level's row is marked fired in the same transaction, so several workers never fire
 * one twice. A level whose clock stopped (resolved, cancelled) or started a new cycle is dropped.
 */
@Injectable()
export class EscalationSweep {
  constructor(
    private readonly db: DataSource,
    private readonly workflow: TicketWorkflowService,
    private readonly calendars: CalendarStore,
    private readonly clockColumns: TicketClockColumns,
  ) {}

  async run(now: Date = new Date()): Promise<{ fired: number; escalated: number }> {
    return this.db.transaction(async (em) => {
      const candidates = await many<{ ticketId: string }>(
        em,
        `SELECT DISTINCT ticket_id AS "ticketId" FROM sla_escalations WHERE fired_at IS NULL AND due_at <= $1 LIMIT ${BATCH}`,
        [now],
      );
      const tickets = await many<{ id: string; status: string; hasKanwil: boolean }>(
        em,
        `SELECT t.id, t.status, o.parent_id IS NOT NULL AS "hasKanwil" FROM tickets t JOIN offices o ON o.id = t.office_id
          WHERE t.id = ANY($1::uuid[]) ORDER BY t.id FOR UPDATE OF t SKIP LOCKED`,
        [candidates.map((c) => c.ticketId)],
      );
      let fired = 0;
      let escalated = 0;
      for (const t of tickets) {
        const due = await many<Pending>(
          em,
          `SELECT ticket_id AS "ticketId", clock AS kind, cycle, level, definition, due_at AS "dueAt" FROM sla_escalations
            WHERE ticket_id = $1 AND fired_at IS NULL AND due_at <= $2 ORDER BY level FOR UPDATE`,
          [t.id, now],
        );
        for (const p of due) {
          const outcome = await this.fire(em, t, p, now);
          if (outcome === 'WAIT') continue;
          fired += 1;
          if (outcome === 'ESCALATED') escalated += 1;
        }
      }
      return { fired, escalated };
    });
  }

  private async fire(em: EntityManager, t: { id: string; status: string; hasKanwil: boolean }, p: Pending, now: Date) {
    const clock = await one<{ cycle: number; stopped: boolean; paused: boolean; calendarId: string }>(
      em,
      `SELECT cycle, stopped_at IS NOT NULL AS stopped, paused_since IS NOT NULL AS paused, calendar_id AS "calendarId"
         FROM sla_clocks WHERE ticket_id = $1 AND kind = $2`,
      [p.ticketId, p.kind],
    );
    // Waiting for the satker: the clock is paused, the level waits with it.
    if (clock?.paused && clock.cycle === p.cycle) return 'WAIT';
    const live = clock && !clock.stopped && clock.cycle === p.cycle;
    const outcome = !live
      ? 'DROPPED'
      : !p.definition.escalate
        ? 'FIRED'
        : !t.hasKanwil
          ? 'NO_KANWIL'
          : ESCALATABLE.includes(t.status)
            ? 'ESCALATED'
            : 'ALREADY_ESCALATED';
    await em.query(
      `UPDATE sla_escalations SET fired_at = $5, outcome = $6 WHERE ticket_id = $1 AND clock = $2 AND cycle = $3 AND level = $4`,
      [p.ticketId, p.kind, p.cycle, p.level, now, outcome],
    );
    if (outcome === 'DROPPED') return outcome;
    if (outcome === 'ESCALATED') {
      await this.workflow.transitionWithin(
        em,
        t.id,
        null,
        {
          type: 'ESCALATE',
          note: `Eskalasi otomatis ke Kanwil: tenggat penyelesaian terlewati (tingkat eskalasi ${p.level}).`,
        },
        null,
      );
      t.status = 'DIESKALASI';
    }
    const opening = nextOpening((await this.calendars.load(em, clock!.calendarId)).spec, now);
    await recordLevel(em, this.clockColumns, p, p.definition, 'SLA_ESCALATION', opening, outcome);
    return outcome;
  }
}
