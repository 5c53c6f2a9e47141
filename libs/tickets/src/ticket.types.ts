import type { PersistedSnapshot, TicketStatus } from '@loket/workflow';

export interface TicketRow {
  id: string;
  number: string;
  officeId: string;
  officeParentId: string | null;
  satkerId: string;
  serviceCode: string;
  machineId: string;
  machineVersion: number;
  status: TicketStatus;
  snapshot: PersistedSnapshot;
  subject: string;
  form: Record<string, unknown>;
  assigneeId: string | null;
  filedBy: string;
  correctionRounds: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  /** Resolution deadline while the clock runs (null when paused, stopped or without SLA). */
  dueAt: Date | null;
  warnAt: Date | null;
  /** The escalation mark: when a deadline was first missed, and the highest escalation level reached (0: none). */
  breachedAt: Date | null;
  escalationLevel: number;
}

export const TICKET_COLUMNS = `t.id, t.number, t.office_id AS "officeId", o.parent_id AS "officeParentId",
  t.satker_id AS "satkerId", t.service_code AS "serviceCode", t.machine_id AS "machineId",
  t.machine_version AS "machineVersion", t.status, t.snapshot, t.subject, t.form,
  t.assignee_id AS "assigneeId", t.filed_by AS "filedBy", t.correction_rounds AS "correctionRounds",
  t.version, t.created_at AS "createdAt", t.updated_at AS "updatedAt", t.resolved_at AS "resolvedAt", t.due_at AS "dueAt",
  t.breached_at AS "breachedAt", t.escalation_level AS "escalationLevel",
  (SELECT warn_at FROM sla_clocks WHERE ticket_id = t.id AND kind = 'RESOLUTION' AND stopped_at IS NULL) AS "warnAt"`;

export interface AcceptedFile {
  kind: string;
  originalName: string;
  contentType: string;
  size: number;
  sha256: string;
  tempPath: string;
}

/** The office, satker and assignee names a view shows; `NAMES_SQL` needs `NAMES_JOIN` and offices as o. */
export interface TicketNames {
  satkerCode: string;
  satkerName: string;
  officeCode: string;
  officeName: string;
  /** The office's IANA zone: its times are shown on its wall clock. */
  officeTimeZone: string;
  assigneeName: string | null;
}

export const NAMES_SQL = `s.code AS "satkerCode", s.name AS "satkerName", o.code AS "officeCode", o.name AS "officeName", o.time_zone AS "officeTimeZone",
  a.name AS "assigneeName"`;
export const NAMES_JOIN = `JOIN satkers s ON s.id = t.satker_id LEFT JOIN persons a ON a.id = t.assignee_id`;

export interface ThreadMessage {
  id: string;
  visibility: 'PUBLIC' | 'INTERNAL';
  body: string;
  eventType: string | null;
  createdAt: Date;
  authorId: string | null;
  authorName: string | null;
}

export interface ThreadEvent {
  id: string;
  type: string;
  fromStatus: string | null;
  toStatus: string;
  actorName: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
}

export interface ThreadAttachment {
  id: string;
  kind: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
  supersededAt: Date | null;
  messageId: string | null;
  /** Visibility of the message the file came with; null for files of the filing or an event. */
  messageVisibility: 'PUBLIC' | 'INTERNAL' | null;
}

export type TicketWithThread = TicketRow &
  TicketNames & {
    messages: ThreadMessage[];
    events: ThreadEvent[];
    attachments: ThreadAttachment[];
  };
