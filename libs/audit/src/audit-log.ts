import { Injectable } from '@nestjs/common';
import { one, type Queryable } from '@loket/db';

/** One administrative change: who did what to which record, in whose office, before and after. */
export interface AuditEntry {
  /** The person who made the change; null for the system (a scheduled job, start-up seeding). */
  actorId: string | null;
  /** The office whose admins may read the entry (the changed office, the satker's KPPN, the staff role's office). */
  officeId: string | null;
  /** Stable English verb, e.g. OFFICE_CREATED, SATKER_MOVED, STAFF_ROLE_REVOKED. */
  action: string;
  /** OFFICE, SATKER, STAFF_ROLE, CALENDAR, SERVICE_SETTING, MEMBERSHIP, IMPORT... */
  entityType: string;
  /** The record's natural key as people know it (office code, kode satker, NIK@office/role). */
  entityKey: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export interface AuditRecorded {
  id: string;
  at: Date;
}

/**
 * The append-only audit log. record() writes through the caller's Queryable, so the entry commits
 * or rolls back with the change it describes; the table itself refuses UPDATE and DELETE.
 */
@Injectable()
export class AuditLog {
  async record(db: Queryable, e: AuditEntry): Promise<AuditRecorded> {
    const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
    return (await one<AuditRecorded>(
      db,
      `INSERT INTO audit_log (actor_id, office_id, action, entity_type, entity_key, before, after, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id::text AS id, at`,
      [e.actorId, e.officeId, e.action, e.entityType, e.entityKey, json(e.before), json(e.after), e.reason ?? null],
    ))!;
  }
}
