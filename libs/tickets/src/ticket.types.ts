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
}

export const TICKET_COLUMNS = `t.id, t.number, t.office_id AS "officeId", o.parent_id AS "officeParentId",
  t.satker_id AS "satkerId", t.service_code AS "serviceCode", t.machine_id AS "machineId",
  t.machine_version AS "machineVersion", t.status, t.snapshot, t.subject, t.form,
  t.assignee_id AS "assigneeId", t.filed_by AS "filedBy", t.correction_rounds AS "correctionRounds",
  t.version, t.created_at AS "createdAt", t.updated_at AS "updatedAt", t.resolved_at AS "resolvedAt", t.due_at AS "dueAt",
  (SELECT warn_at FROM sla_clocks WHERE ticket_id = t.id AND kind = 'RESOLUTION' AND stopped_at IS NULL) AS "warnAt"`;

export interface AcceptedFile {
  kind: string;
  originalName: string;
  contentType: string;
  size: number;
  sha256: string;
  tempPath: string;
}
