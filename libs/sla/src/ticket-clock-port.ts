import type { Queryable, WriteBatch } from '@loket/db';
import type { EscalationAudience } from '@loket/workflow';

/** A stopped clock's result as the ticket keeps it: business minutes used, and whether within target (null: not measured). */
export interface ClockResult {
  minutes: number;
  met: boolean | null;
}

/** What an event's clock work leaves on the ticket's own row: queues sort by the deadline, reports read the rest. */
export interface TicketClockResults {
  /** The running resolution clock's deadline (null while paused or stopped). */
  dueAt: Date | null;
  firstResponseAt?: Date;
  response?: ClockResult;
  resolution?: ClockResult;
}

/** An escalation level that fires on a ticket's clock, as its history entry and notices carry it. */
export interface FiredLevel {
  event: 'SLA_WARNING' | 'SLA_BREACH' | 'SLA_ESCALATION';
  clock: string;
  dueAt: Date;
  level: number;
  cycle: number;
  /** FIRED, ESCALATED, or what the level found instead (recorded, not announced). */
  outcome: string;
  /** The breach mark the level sets on the ticket (its clock's deadline), or null. */
  breachedAt: Date | null;
}

/**
 * The SLA clocks' writes to the `tickets` row, its history and its notices. The row belongs to the tickets library, which sits
 * above sla in the layers: it provides this port (libs/tickets ticket-clock-columns.ts, bound in
 * TicketsModule), so sla decides the values and never writes, or imports, the other libraries' tables (tickets,
 * ticket_events, outbox).
 */
export abstract class TicketClockPort {
  /** The deadline and the results of the clocks an event stopped, in one write (a part of `batch` when given). */
  abstract recordClocks(
    db: Queryable,
    ticketId: string,
    results: TicketClockResults,
    batch?: WriteBatch,
  ): Promise<void>;
  /** A reopened ticket's later resolution cycle ended: counted apart from the first cycle's result. */
  abstract countReopenedCycle(db: Queryable, ticketId: string, met: boolean | null): Promise<void>;
  /** The ticket was reopened (its resolution clock starts a new cycle). */
  abstract countReopening(db: Queryable, ticketId: string): Promise<void>;
  /** An escalation level fired: its history entry, the ticket's level, and its breach mark when the level marks. */
  abstract recordLevel(db: Queryable, ticketId: string, fired: FiredLevel): Promise<void>;
  /** One notice (outbox topic) per person of the audience, held until `notBefore` when given. */
  abstract announceLevel(
    db: Queryable,
    ticketId: string,
    fired: FiredLevel,
    topic: string,
    audience: EscalationAudience[],
    notBefore: Date | null,
  ): Promise<void>;
}
