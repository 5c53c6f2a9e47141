import type { Actor } from '@loket/auth';
import type { ActorFacts, ActorRole } from '@loket/workflow';

/**
 * The only definition of "which tickets may this person see": their satkers' tickets, the queue of
 * the offices where they hold a staff role, the tickets of the KPPNs under a Kanwil where they do,
 * and every ticket for a Kantor Pusat supervisor (read only: the machine gives them no role), as the
 * SLA report's national scope does. Every ticket query appends it, so a ticket outside it does not
 * exist for that person (404).
 */
export function visibleClause(actor: Actor, alias: string, firstParam: number): { sql: string; params: unknown[] } {
  const satkers = actor.satkers.map((s) => s.satkerId);
  const national = seesNationalScope(actor);
  const [a, b, c] = [firstParam, firstParam + 1, firstParam + 2];
  // The staff roles' offices and those under them come with the session (Actor.queueOfficeIds).
  return {
    sql: `(${alias}.satker_id = ANY($${a}::uuid[]) OR ${alias}.office_id = ANY($${b}::uuid[]) OR $${c}::boolean)`,
    params: [satkers, actor.queueOfficeIds, national],
  };
}

/** A Kantor Pusat supervisor reads every ticket (the SLA report's national scope). */
export const seesNationalScope = (actor: Actor) =>
  actor.staff.some((s) => s.role === 'SUPERVISOR' && s.officeKind === 'PUSAT');

/** What the machine may know about the actor for one ticket. */
export function factsFor(
  actor: Actor,
  ticket: { satkerId: string; officeId: string; officeParentId: string | null },
): ActorFacts {
  const roles: ActorRole[] = [];
  if (actor.satkers.some((s) => s.satkerId === ticket.satkerId)) roles.push('SATKER');
  const holds = (role: string, officeId: string | null) =>
    officeId !== null && actor.staff.some((s) => s.role === role && s.officeId === officeId);
  if (holds('CSO', ticket.officeId)) roles.push('AGENT');
  if (holds('CSO', ticket.officeParentId)) roles.push('ESCALATION_AGENT');
  // A supervisor assigns within the offices in scope: their KPPN, or every KPPN under their Kanwil.
  if (holds('SUPERVISOR', ticket.officeId) || holds('SUPERVISOR', ticket.officeParentId)) roles.push('SUPERVISOR');
  if (holds('SUPERVISOR', ticket.officeParentId)) roles.push('ESCALATION_SUPERVISOR');
  return { actorId: actor.personId, roles };
}

export const SYSTEM_FACTS: ActorFacts = { actorId: null, roles: ['SYSTEM'] };
