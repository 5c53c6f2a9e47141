// What several fault specs set up and check the same way: a world with everyone logged in, and the
// reconciliation of a completed MyIntress registration.
import { randomUUID } from 'node:crypto';
import { auth, login, type Http } from '../../support/api';
import { createPerson, createWorld, type World } from '../../support/world';
import type { FaultDb } from './harness';
import { makeSupervisor } from '../../support/sla-history';

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
     FROM tickets t WHERE t.id = ANY($1::uuid[]) ORDER BY t.created_at`,
    [ticketIds],
  );
}

/** All of SELESAI (for `users` new people) or none of it; anything else is a torn completion. */
export function completionKind(s: CompletionState, users: number): 'complete' | 'none' | 'torn' {
  const all = {
    status: 'SELESAI',
    completes: 1,
    memberships: users,
    active: users,
    completedNotices: 1,
    activations: users,
  };
  const none = { status: 'DIPROSES', completes: 0, memberships: 0, active: 0, completedNotices: 0, activations: 0 };
  const same = (want: Record<string, unknown>) =>
    Object.entries(want).every(([k, v]) => s[k as keyof CompletionState] === v);
  return same(all) ? 'complete' : same(none) ? 'none' : 'torn';
}

/** A PERTANYAAN ticket filed by the satker over HTTP (JSON, no files); returns its id. */
export async function fileQuestion(api: Http, token: string): Promise<string> {
  const res = await api.http
    .post('/api/v1/tickets')
    .set(auth(token))
    .send({ service: 'PERTANYAAN', form: { perihal: 'Jadwal rekonsiliasi', uraian: 'Mohon informasi jadwalnya.' } });
  if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** A supervisor of the office, so SLA warnings and breaches have someone to notify. */
export async function addSupervisor(db: FaultDb, officeId: string): Promise<void> {
  await makeSupervisor(db.ds, (await createPerson(db.ds, 'Supervisor Uji')).id, officeId);
}

async function columnsOf(db: FaultDb, table: string, except: string[]): Promise<string[]> {
  const rows = await db.ds.query(
    `SELECT column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND NOT column_name = ANY($2::text[])
        AND is_generated = 'NEVER' AND identity_generation IS NULL
      ORDER BY ordinal_position`,
    [table, except],
  );
  return rows.map((r: { c: string }) => r.c);
}

/** `n` copies of a filed ticket with its SLA clocks, by SQL (many due clocks in a second); returns their ids. */
export async function cloneTickets(db: FaultDb, seedId: string, n: number): Promise<string[]> {
  const ticketCols = (await columnsOf(db, 'tickets', ['id', 'number'])).join(', ');
  const clockCols = (await columnsOf(db, 'sla_clocks', ['ticket_id'])).map((c) => `c.${c}`);
  const rows = await db.ds.query(
    `WITH copies AS (
       INSERT INTO tickets (number, ${ticketCols})
       SELECT number || '-K' || $3 || '-' || g, ${ticketCols} FROM tickets CROSS JOIN generate_series(1, $2::int) g WHERE id = $1
       RETURNING id),
     clocks AS (
       INSERT INTO sla_clocks (ticket_id, ${clockCols.map((c) => c.slice(2)).join(', ')})
       SELECT copies.id, ${clockCols.join(', ')} FROM copies CROSS JOIN sla_clocks c WHERE c.ticket_id = $1)
     SELECT id FROM copies`,
    [seedId, n, randomUUID().slice(0, 8)],
  );
  return rows.map((r: { id: string }) => r.id);
}
