// What the ticket repository writes (new tickets, events, stored files) and the change announcement
// every write carries; kept apart from the repository's queries.
import type { Notice } from '@loket/notify';
import type { PersistedSnapshot } from '@loket/workflow';

/** The PostgreSQL channel on which ticket changes are announced. */
export const TICKET_CHANNEL = 'loket_tickets';

/**
 * The NOTIFY that tells every api process (LISTEN loket_tickets) that ticket `alias` changed (event
 * type `type`, an SQL expression). Inside the transaction it is delivered only at commit, and never
 * for a rolled-back change. Ids, type and status only: no names, no NIKs.
 */
export const announcement = (alias: string, type: string) =>
  `pg_notify('${TICKET_CHANNEL}', json_build_object('ticketId', ${alias}.id, 'officeId', ${alias}.office_id, 'satkerId', ${alias}.satker_id,
     'type', ${type}, 'status', ${alias}.status, 'version', ${alias}.version)::text)`;

/** An entry of a ticket's history. */
export interface NewEvent {
  ticketId: string;
  type: string;
  from: string | null;
  actorId: string | null;
  payload: object;
}

export interface NewTicket {
  officeId: string;
  satkerId: string;
  serviceCode: string;
  machineId: string;
  machineVersion: number;
  snapshot: PersistedSnapshot;
  subject: string;
  form: Record<string, unknown>;
  filedBy: string;
}

/** A filing's whole write (see insertFiled). */
export interface FiledTicket extends NewTicket {
  id: string;
  number: string;
  dueAt: Date | null;
  files: StoredFile[];
  claim: { personId: string; key: string; requestHash: string } | null;
  eventPayload: object;
  notices: Notice[];
}

export interface StoredFile {
  kind: string;
  originalName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
}
