import { Injectable } from '@nestjs/common';
import type { Actor } from '@loket/auth';
import { many, one, type Queryable } from '@loket/db';
import { seesNationalScope } from '../scope';
import { NAMES_JOIN, NAMES_SQL, TICKET_COLUMNS, type TicketNames, type TicketRow } from '../ticket.types';
import { OPEN_SQL, sortSql, viewClause, type QueueSort, type QueueView } from './queue-views';

export interface FindOptions {
  view: QueueView | null;
  /** The agent whose tickets the `agent` view lists. */
  agent: string | null;
  sort: QueueSort;
  after: { key: string | null; id: string } | null;
  service: string | null;
  search: { text: string; nik: string | null } | null;
  limit: number;
}

export type WorkspaceRow = TicketRow & TicketNames & { seenAt: Date | null; cursorKey: string | null };

export interface ViewCounts {
  unassigned: number;
  mine: number;
  waiting: number;
  escalated: number;
  warning: number;
  breached: number;
  open: number;
}

/** The SQL of the agent's workspace: views, counts, search, and what the agent has seen. */
@Injectable()
export class WorkspaceRepository {
  /**
   * One page of a view or a search, within the actor's scope. Views read open tickets of the
   * actor's offices through the open-ticket indexes; a search reads the search documents of
   * everything the actor may see (closed tickets too) unless a view narrows it.
   */
  find(db: Queryable, actor: Actor, o: FindOptions): Promise<WorkspaceRow[]> {
    const params: unknown[] = [];
    const param = (v: unknown) => `$${params.push(v)}`;
    const where: string[] = [];
    // A search by filing date needs nothing of tickets to pick its page: then only the search table is read.
    const searchOnly = !!o.search && !o.view && !o.service && o.sort === 'filed';
    let from = 'tickets t';
    if (o.search) {
      from = searchOnly ? 'ticket_search x' : 'ticket_search x JOIN tickets t ON t.id = x.ticket_id';
      where.push(searchScope(actor, param));
      where.push(
        o.search.nik
          ? `x.niks @> ARRAY[${param(o.search.nik)}::text]`
          : `(x.keys LIKE ${param(`%${likeEscape(fold(o.search.text))}%`)} OR x.doc @@ websearch_to_tsquery('indonesian', ${param(o.search.text)}))`,
      );
    } else {
      const offices = actor.queueOfficeIds;
      where.push(
        offices.length === 1
          ? `t.office_id = ${param(offices[0])}::uuid`
          : `t.office_id = ANY(${param(offices)}::uuid[])`,
      );
    }
    if (o.view) where.push(OPEN_SQL, viewClause(o.view, actor.personId, o.agent, param));
    if (o.service) where.push(`t.service_code = ${param(o.service)}`);
    const sort = sortSql(o.sort, o.after, param, !!o.search);
    // The page is chosen first (ids and sort keys only, read in index order where one fits), then
    // joined to names and clocks: the joins run for one page, never for every match.
    return many<WorkspaceRow>(
      db,
      `SELECT ${TICKET_COLUMNS}, ${NAMES_SQL}, p.k::text AS "cursorKey",
              (SELECT seen_at FROM ticket_seen WHERE person_id = ${param(actor.personId)} AND ticket_id = t.id) AS "seenAt"
         FROM (SELECT ${sort.id} AS id, ${sort.key} AS k FROM ${from}
                WHERE ${where.join(' AND ')} ${sort.after}
                ORDER BY ${sort.order} LIMIT ${param(o.limit + 1)}) p
         JOIN tickets t ON t.id = p.id JOIN offices o ON o.id = t.office_id ${NAMES_JOIN}
        ORDER BY ${sort.outer}`,
      params,
    );
  }

  /** Every view's count in one pass over the offices' open tickets (an index-only scan of a partial index). */
  async counts(db: Queryable, offices: string[], me: string): Promise<ViewCounts> {
    const row = await one<ViewCounts>(
      db,
      `SELECT count(*) FILTER (WHERE t.assignee_id IS NULL)::int AS unassigned,
              count(*) FILTER (WHERE t.assignee_id = $2)::int AS mine,
              count(*) FILTER (WHERE t.status = 'MENUNGGU_PERBAIKAN')::int AS waiting,
              count(*) FILTER (WHERE t.status = 'DIESKALASI')::int AS escalated,
              count(*) FILTER (WHERE t.due_at <= now())::int AS breached,
              count(*)::int AS open,
              (SELECT count(*) FROM sla_clocks c
                WHERE c.office_id = ANY($1::uuid[]) AND c.kind = 'RESOLUTION' AND c.stopped_at IS NULL AND c.paused_since IS NULL
                  AND c.warn_at <= now() AND c.due_at > now())::int AS warning
         FROM tickets t WHERE t.office_id = ANY($1::uuid[]) AND ${OPEN_SQL}`,
      [offices, me],
    );
    return row!;
  }

  /** The CSOs of the offices and whoever holds an open ticket there, with how many open tickets each holds. */
  perAgent(db: Queryable, offices: string[]) {
    return many<{ id: string; name: string; count: number }>(
      db,
      `SELECT p.id, p.name, count(t.id)::int AS count
         FROM persons p LEFT JOIN tickets t ON t.assignee_id = p.id AND t.office_id = ANY($1::uuid[]) AND ${OPEN_SQL}
        WHERE p.id IN (SELECT person_id FROM staff_roles WHERE office_id = ANY($1::uuid[]) AND role = 'CSO'
                       UNION SELECT t.assignee_id FROM tickets t WHERE t.office_id = ANY($1::uuid[]) AND ${OPEN_SQL} AND t.assignee_id IS NOT NULL)
        GROUP BY p.id, p.name ORDER BY p.name, p.id`,
      [offices],
    );
  }

  /** The CSOs of the offices, whom a ticket may be assigned to. */
  agents(db: Queryable, offices: string[]) {
    return many<{ id: string; name: string }>(
      db,
      `SELECT DISTINCT p.id, p.name FROM staff_roles r JOIN persons p ON p.id = r.person_id
        WHERE r.office_id = ANY($1::uuid[]) AND r.role = 'CSO' ORDER BY p.name, p.id`,
      [offices],
    );
  }

  /** The agent has now seen the ticket as it stands (a later change marks its row again). */
  async markSeen(db: Queryable, personId: string, ticketId: string): Promise<void> {
    await db.query(
      `INSERT INTO ticket_seen (person_id, ticket_id, seen_at) VALUES ($1, $2, now())
       ON CONFLICT (person_id, ticket_id) DO UPDATE SET seen_at = now()`,
      [personId, ticketId],
    );
  }
}

/**
 * visibleClause's rule for the search table, spelled with only the parts that apply: an agent of
 * one office gets `x.office_id = $n`, which reads (office_id, created_at, id) in order and stops
 * after a page, instead of an OR that forces every match of the office to be sorted.
 */
function searchScope(actor: Actor, param: (v: unknown) => string): string {
  if (seesNationalScope(actor)) return 'TRUE';
  const satkers = actor.satkers.map((s) => s.satkerId);
  const offices = actor.queueOfficeIds;
  const parts = [
    ...(offices.length === 1
      ? [`x.office_id = ${param(offices[0])}::uuid`]
      : offices.length
        ? [`x.office_id = ANY(${param(offices)}::uuid[])`]
        : []),
    ...(satkers.length ? [`x.satker_id = ANY(${param(satkers)}::uuid[])`] : []),
  ];
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

/** As the search keys are stored: lower case, accents removed (unaccent at write time). */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A user's text matched literally inside LIKE: % and _ are not wildcards there. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
