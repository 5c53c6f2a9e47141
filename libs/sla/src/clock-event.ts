// Which ticket events the SLA clocks care about.

/** Agent actions the satker can see: they end the response clock. */
const VISIBLE_AGENT_EVENTS = new Set(['MESSAGE', 'REQUEST_CORRECTION', 'COMPLETE', 'REJECT', 'STATUS_NOTICE']);
/** Entering or leaving these pauses, resumes or stops clocks. */
const CLOCK_STATUSES = new Set(['MENUNGGU_PERBAIKAN', 'SELESAI', 'DITOLAK', 'DIBATALKAN', 'DITUTUP']);

/** A ticket event as the clocks see it. */
export interface ClockEvent {
  ticketId: string;
  from: string;
  to: string;
  type: string;
  byAgent: boolean;
  at: Date;
}

export const answersSatker = (e: Pick<ClockEvent, 'type' | 'byAgent'>) => e.byAgent && VISIBLE_AGENT_EVENTS.has(e.type);
export const movesClocks = (e: Pick<ClockEvent, 'from' | 'to'>) =>
  e.from !== e.to && [e.from, e.to].some((s) => CLOCK_STATUSES.has(s));

/**
 * Whether afterEvent reads the ticket's clocks for this event (a reopening changes them first): the
 * caller may then read them within its own statement (clocksJsonSql) and hand them over.
 */
export const readsClocks = (e: Omit<ClockEvent, 'ticketId' | 'at'>) =>
  e.type !== 'REOPEN' && (answersSatker(e) || movesClocks(e));
