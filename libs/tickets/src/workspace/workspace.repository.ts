import { Injectable } from '@nestjs/common';
import type { Actor } from '@loket/auth';
import { many, one, type Queryable } from '@loket/db';
import { NAMES_JOIN, NAMES_SQL, TICKET_COLUMNS, type TicketNames, type TicketRow } from '../ticket.types';
import { OPEN_SQL, sortSql, viewClause, type QueueSort, type QueueView } from './queue-views';
import { searchCondition, searchPageSql, searchScope, type SearchTerms } from './search-sql';

export interface FindOptions {
  view: QueueView | null;
  /** The agent whose tickets the `agent` view lists. */
  agent: string | null;
  sort: QueueSort;
  after: { key: string | null; id: string } | null;
  service: string | null;
  search: SearchTerms | null;
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

/** Person $1 has now seen ticket $2 as it stands (a later change marks its row again). */
export const SEEN_UPSERT = `INSERT INTO ticket_seen (person_id, ticket_id, seen_at) VALUES ($1, $2, now())
  ON CONFLICT (person_id, ticket_id) DO UPDATE SET seen_at = now()`;

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
    const sort = sortSql(o.sort, o.after, param, !!o.search);
    const limit = param(o.limit + 1);
    // A search by filing date needs nothing of tickets to pick its page: then only the search table is read.
    const searchOnly = !!o.search && !o.view && !o.service && o.sort === 'filed';
    const page = searchOnly
      ? searchPageSql(actor, o.search!, sort, limit, param)
      : `SELECT ${sort.id} AS id, ${sort.key} AS k FROM ${o.search ? 'ticket_search x JOIN tickets t ON t.id = x.ticket_id' : 'tickets t'}
          WHERE ${this.where(actor, o, param).join(' AND ')} ${sort.after}
          ORDER BY ${sort.order} LIMIT ${limit}`;
    // The page is chosen first (ids and sort keys only, read in index order where one fits), then
    // joined to names and clocks: the joins run for one page, never for every match.
    return many<WorkspaceRow>(
      db,
      `SELECT ${TICKET_COLUMNS}, ${NAMES_SQL}, p.k::text AS "cursorKey",
              (SELECT seen_at FROM ticket_seen WHERE person_id = ${param(actor.personId)} AND ticket_id = t.id) AS "seenAt"
         FROM (${page}) p
         JOIN tickets t ON t.id = p.id JOIN offices o ON o.id = t.office_id ${NAMES_JOIN}
        ORDER BY ${sort.outer}`,
      params,
    );
  }

  /** The conditions of a view, or of a search within a view or sorted by the tickets' own columns. */
  private where(actor: Actor, o: FindOptions, param: (v: unknown) => string): string[] {
    const where: string[] = [];
    if (o.search) where.push(searchScope(actor, param), searchCondition(o.search, param));
    else {
      const offices = actor.queueOfficeIds;
      where.push(
        offices.length === 1
          ? `t.office_id = ${param(offices[0])}::uuid`
          : `t.office_id = ANY(${param(offices)}::uuid[])`,
      );
    }
    if (o.view) where.push(OPEN_SQL, viewClause(o.view, actor.personId, o.agent, param));
    if (o.service) where.push(`t.service_code = ${param(o.service)}`);
    return where;
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
    await db.query(SEEN_UPSERT, [personId, ticketId]);
  }
}
