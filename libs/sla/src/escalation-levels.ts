import { one, type Queryable } from '@loket/db';
import type { EscalationLevel } from '@loket/workflow';
import type { FiredLevel, TicketClockPort } from './ticket-clock-port';

/** A clock at the moment one of its levels comes due. */
export interface LevelClock {
  ticketId: string;
  kind: string;
  dueAt: Date;
  cycle: number;
}

export type LevelEvent = 'SLA_WARNING' | 'SLA_BREACH' | 'SLA_ESCALATION';
const TOPIC: Record<LevelEvent, string> = {
  SLA_WARNING: 'sla.warning',
  SLA_BREACH: 'sla.breach',
  SLA_ESCALATION: 'sla.escalated',
};

/**
 * Fires a level once: the (ticket, clock, cycle, level) row is the lock, so a second worker (or a
 * second sweep) inserting it finds it there and does nothing. Writes the history entry, the ticket's
 * mark and the notices (held until `notBefore`, the office's next opening). False when it had fired.
 */
export async function fireLevel(
  db: Queryable,
  tickets: TicketClockPort,
  c: LevelClock,
  level: EscalationLevel,
  event: LevelEvent,
  notBefore: Date | null,
): Promise<boolean> {
  const fired = await one(
    db,
    `INSERT INTO sla_escalations (ticket_id, clock, cycle, level, definition, due_at, fired_at, outcome)
     VALUES ($1, $2, $3, $4, $5, $6, now(), 'FIRED') ON CONFLICT DO NOTHING RETURNING level`,
    [c.ticketId, c.kind, c.cycle, level.level, JSON.stringify(level), c.dueAt],
  );
  if (!fired) return false;
  await recordLevel(db, tickets, c, level, event, notBefore);
  return true;
}

/** The history entry, the mark and the notices of a level that fires now. */
export async function recordLevel(
  db: Queryable,
  tickets: TicketClockPort,
  c: LevelClock,
  level: EscalationLevel,
  event: LevelEvent,
  notBefore: Date | null,
  outcome = 'FIRED',
) {
  const fired: FiredLevel = {
    event,
    clock: c.kind,
    dueAt: c.dueAt,
    level: level.level,
    cycle: c.cycle,
    outcome,
    breachedAt: level.mark ? c.dueAt : null,
  };
  await tickets.recordLevel(db, c.ticketId, fired);
  // A level that found nothing to do (already escalated by hand, no Kanwil above) is recorded, not announced.
  if ((outcome === 'FIRED' || outcome === 'ESCALATED') && level.notify.length)
    await tickets.announceLevel(db, c.ticketId, fired, TOPIC[event], level.notify, notBefore);
}

/** A level some time after the breach, to be fired by the ticket layer's sweep when `dueAt` comes. */
export async function scheduleLevel(db: Queryable, c: LevelClock, level: EscalationLevel, dueAt: Date): Promise<void> {
  await db.query(
    `INSERT INTO sla_escalations (ticket_id, clock, cycle, level, definition, due_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
    [c.ticketId, c.kind, c.cycle, level.level, JSON.stringify(level), dueAt],
  );
}
