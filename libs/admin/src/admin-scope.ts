import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';

/**
 * What a person may administer, from their ADMIN roles: Kantor Pusat everything; a Kanwil its own
 * office and the KPPNs under it (their satkers and staff); a KPPN (or Pusintek) its own staff and
 * calendar. Every admin query filters offices through officeClause, so an office outside the scope
 * (and everything hanging off it) does not exist for that person: a 404, as for tickets.
 */
export interface AdminScope {
  actorId: string;
  national: boolean;
  /** Offices administered with everything under them (Kanwil admins). */
  regionIds: string[];
  /** Offices administered on their own (KPPN and Pusintek admins). */
  officeIds: string[];
}

export function adminScopeOf(actor: Actor): AdminScope {
  const admin = actor.staff.filter((s) => s.role === 'ADMIN');
  const scope = {
    actorId: actor.personId,
    national: admin.some((s) => s.officeKind === 'PUSAT'),
    regionIds: admin.filter((s) => s.officeKind === 'KANWIL').map((s) => s.officeId),
    officeIds: admin.filter((s) => s.officeKind === 'KPPN' || s.officeKind === 'PUSINTEK').map((s) => s.officeId),
  };
  if (!scope.national && !scope.regionIds.length && !scope.officeIds.length) {
    throw fail('NOT_AN_ADMIN', { reason: 'OFFICE_ADMIN' });
  }
  return scope;
}

/**
 * SQL that keeps rows of an offices alias inside the scope. 'staff' is what every admin reaches
 * (staff, calendars, the audit log); 'structure' is what shapes the organisation (offices, satkers),
 * which only Kantor Pusat and Kanwil admins change, so a KPPN admin sees only its own office there.
 */
export function officeClause(scope: AdminScope, alias: string, firstParam: number): { sql: string; params: unknown[] } {
  const [a, b, c] = [firstParam, firstParam + 1, firstParam + 2];
  return {
    sql: `($${a}::boolean OR ${alias}.id = ANY($${b}::uuid[]) OR ${alias}.parent_id = ANY($${c}::uuid[]))`,
    params: [scope.national, [...scope.regionIds, ...scope.officeIds], scope.regionIds],
  };
}

/** May this person change the structure (office record, satkers) of an office they can see? */
export function mayShape(scope: AdminScope, office: { id: string; parentId: string | null }): boolean {
  return (
    scope.national ||
    scope.regionIds.includes(office.id) ||
    (office.parentId !== null && scope.regionIds.includes(office.parentId))
  );
}

export function requireShape(scope: AdminScope, office: { id: string; parentId: string | null }): void {
  if (!mayShape(scope, office)) {
    throw fail('ADMIN_SCOPE', { reason: 'OFFICE_DATA' });
  }
}
