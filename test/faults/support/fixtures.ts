// What several fault specs set up and check the same way: a world with everyone logged in, and the
// reconciliation of a completed MyIntress registration.
import { login, type Http } from '../../support/api';
import { createWorld, type World } from '../../support/world';
import type { FaultDb } from './harness';

export interface LoggedInWorld {
  w: World;
  tok: { satker: string; cso: string; cso2: string };
}

export async function loggedInWorld(db: FaultDb, api: Http): Promise<LoggedInWorld> {
  const w = await createWorld(db.ds);
  const [satker, cso, cso2] = await Promise.all([w.satkerUser, w.cso, w.cso2].map((p) => login(api, p)));
  return { w, tok: { satker, cso, cso2 } };
}

export interface CompletionState {
  id: string;
  status: string;
  completes: number;
  memberships: number;
  active: number;
  completedNotices: number;
  activations: number;
}

/**
 * Per ticket, everything SELESAI stands for: the COMPLETE event, the memberships it created (and
 * how many are active), the completion notice and the activation notices of the new people.
 */
export async function completionStates(db: FaultDb, ticketIds: string[]): Promise<CompletionState[]> {
  return db.ds.query(
    `SELECT t.id, t.status,
       (SELECT count(*) FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'COMPLETE')::int AS completes,
       (SELECT count(*) FROM myintress_memberships m WHERE m.source_ticket_id = t.id)::int AS memberships,
       (SELECT count(*) FROM myintress_memberships m WHERE m.source_ticket_id = t.id AND m.status = 2)::int AS active,
       (SELECT count(*) FROM outbox o WHERE o.ticket_id = t.id AND o.topic = 'ticket.completed')::int AS "completedNotices",
       (SELECT count(*) FROM outbox o WHERE o.ticket_id = t.id AND o.topic = 'digit.activation')::int AS activations
     FROM tickets t WHERE t.id = ANY($1::uuid[]) ORDER BY t.created_at`, [ticketIds]);
}

/** All of SELESAI (for `users` new people) or none of it; anything else is a torn completion. */
export function completionKind(s: CompletionState, users: number): 'complete' | 'none' | 'torn' {
  const all = { status: 'SELESAI', completes: 1, memberships: users, active: users, completedNotices: 1, activations: users };
  const none = { status: 'DIPROSES', completes: 0, memberships: 0, active: 0, completedNotices: 0, activations: 0 };
  const same = (want: Record<string, unknown>) => Object.entries(want).every(([k, v]) => s[k as keyof CompletionState] === v);
  return same(all) ? 'complete' : same(none) ? 'none' : 'torn';
}
