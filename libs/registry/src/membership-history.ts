import type { Queryable } from '@loket/db';

export interface MembershipChange {
  membershipId: string;
  from: number | null;
  to: number | null;
  change:
    | 'CREATED'
    | 'REQUEST_REPLACED'
    | 'APPROVED'
    | 'REJECTED'
    | 'REACTIVATED'
    | 'REACTIVATION_REFUSED'
    | 'DEACTIVATED'
    | 'DORMANT'
    | 'DELETED'
    | 'SUPERSEDED_BY_APPROVAL'
    /** Phone or e-mail corrected by an admin of the satker's KPPN; the status stays. */
    | 'CONTACT_CORRECTED';
  reason?: string | null;
  actorId: string | null;
  ticketId: string | null;
}

/** Appends one line to a membership's history; callers pass their transaction. */
export async function recordMembershipChange(db: Queryable, c: MembershipChange): Promise<void> {
  await db.query(
    `INSERT INTO membership_history (membership_id, from_status, to_status, change, reason, actor_id, ticket_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [c.membershipId, c.from, c.to, c.change, c.reason ?? null, c.actorId, c.ticketId],
  );
}
