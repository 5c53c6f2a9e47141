export const TICKET_STATUSES = [
  'BARU',
  'DIPROSES',
  'MENUNGGU_PERBAIKAN',
  'DIESKALASI',
  'SELESAI',
  'DITOLAK',
  'DIBATALKAN',
  'DITUTUP',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/**
 * How the acting person stands towards one ticket; computed by the ticket layer, never sent by a client.
 * A SUPERVISOR (of the ticket's KPPN, or of its Kanwil) and an ESCALATION_SUPERVISOR (of its Kanwil)
 * only hand the ticket to an agent or back to the pool; they do not work it.
 */
export type ActorRole = 'SATKER' | 'AGENT' | 'ESCALATION_AGENT' | 'SUPERVISOR' | 'ESCALATION_SUPERVISOR' | 'SYSTEM';

export interface ActorFacts {
  actorId: string | null;
  roles: ActorRole[];
  /** The person an ASSIGN names, with the roles they would hold on this ticket. */
  target?: { personId: string; roles: ActorRole[] };
  /** For REOPEN: whether the ticket's last assignee still works its office. */
  assigneeServes?: boolean;
}

/** An event as the machine sees it: a type, the actor's facts and the validated payload. */
export interface WorkflowEvent {
  type: string;
  facts: ActorFacts;
  payload?: Record<string, unknown>;
}

/** A named side effect the ticket layer applies inside the same transaction as the status change. */
export interface Effect {
  type: string;
  params?: Record<string, unknown>;
}

/** What is stored per ticket: enough to rebuild the machine state with `resolveState`. */
export interface PersistedSnapshot {
  value: TicketStatus;
  context: TicketContext;
}

export interface TicketContext {
  assigneeId: string | null;
  correctionRounds: number;
}
