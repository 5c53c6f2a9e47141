import type { Queryable } from '@loket/db';

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

/**
 * The SLA clocks' writes to the `tickets` row. The row belongs to the tickets library, which sits
 * above sla in the layers: it provides this port (libs/tickets ticket-clock-columns.ts, bound in
 * TicketsModule), so sla decides the values and never writes, or imports, the other library's table.
 */
export abstract class TicketClockPort {
  /** The deadline and the results of the clocks an event stopped, in one write. */
  abstract recordClocks(db: Queryable, ticketId: string, results: TicketClockResults): Promise<void>;
  /** A reopened ticket's later resolution cycle ended: counted apart from the first cycle's result. */
  abstract countReopenedCycle(db: Queryable, ticketId: string, met: boolean | null): Promise<void>;
  /** The ticket was reopened (its resolution clock starts a new cycle). */
  abstract countReopening(db: Queryable, ticketId: string): Promise<void>;
  /** An escalation level fired: the ticket's level, and its breach mark at `dueAt` when the level marks. */
  abstract markLevel(db: Queryable, ticketId: string, level: number, breachedAt: Date | null): Promise<void>;
}
