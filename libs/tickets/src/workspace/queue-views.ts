import { OPEN_STATUSES } from '@loket/workflow';

/** The named views of an agent's queue, in the order the portal shows them as tabs. */
export const QUEUE_VIEWS = ['unassigned', 'mine', 'waiting', 'escalated', 'warning', 'breached', 'open'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number] | 'agent';

export const VIEW_LABELS: Record<QueueView, string> = {
  unassigned: 'Belum diambil',
  mine: 'Tiket saya',
  waiting: 'Menunggu satker',
  escalated: 'Dieskalasi',
  warning: 'Hampir lewat tenggat',
  breached: 'Lewat tenggat',
  open: 'Semua terbuka',
  agent: 'Per petugas',
};

export const SORTS = ['deadline', 'filed', 'updated'] as const;
export type QueueSort = (typeof SORTS)[number];

export const SORT_LABELS: Record<QueueSort, string> = {
  deadline: 'Tenggat terdekat',
  filed: 'Terbaru diajukan',
  updated: 'Terakhir diperbarui',
};

/** Spelled out (not a parameter) so the planner matches the open-ticket partial indexes. */
export const OPEN_SQL = `t.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** A resolution clock that has passed its warning but not its deadline (the queue badge's WARNING). */
const WARNING_SQL = `t.due_at > now() AND EXISTS (SELECT 1 FROM sla_clocks c WHERE c.ticket_id = t.id AND c.kind = 'RESOLUTION'
  AND c.stopped_at IS NULL AND c.paused_since IS NULL AND c.warn_at <= now())`;

/** The condition a view adds to open tickets; `param` binds a value and answers its placeholder. */
export function viewClause(view: QueueView, me: string, agent: string | null, param: (v: unknown) => string): string {
  switch (view) {
    case 'unassigned':
      return 't.assignee_id IS NULL';
    case 'mine':
      return `t.assignee_id = ${param(me)}::uuid`;
    case 'agent':
      return `t.assignee_id = ${param(agent)}::uuid`;
    case 'waiting':
      return `t.status = 'MENUNGGU_PERBAIKAN'`;
    case 'escalated':
      return `t.status = 'DIESKALASI'`;
    case 'warning':
      return WARNING_SQL;
    case 'breached':
      return 't.due_at <= now()';
    case 'open':
      return 'TRUE';
  }
}

/**
 * ORDER BY and keyset condition of a sort; every sort ends on the id so equal keys keep one order.
 * A search sorted by filing date reads the search table's own (office, created_at, id) order (`x`).
 */
export function sortSql(
  sort: QueueSort,
  after: { key: string | null; id: string } | null,
  param: (v: unknown) => string,
  searching = false,
) {
  if (sort === 'deadline') {
    let cond = '';
    if (after?.key === null) cond = `AND t.due_at IS NULL AND t.id > ${param(after.id)}::uuid`;
    else if (after) {
      const [due, id] = [param(after.key), param(after.id)];
      cond = `AND (t.due_at > ${due}::timestamptz OR (t.due_at = ${due}::timestamptz AND t.id > ${id}::uuid) OR t.due_at IS NULL)`;
    }
    return {
      key: 't.due_at',
      id: 't.id',
      order: 't.due_at ASC NULLS LAST, t.id ASC',
      after: cond,
      outer: 'p.k ASC NULLS LAST, p.id ASC',
    };
  }
  const [column, id] =
    sort === 'updated'
      ? ['t.updated_at', 't.id']
      : searching
        ? ['x.created_at', 'x.ticket_id']
        : ['t.created_at', 't.id'];
  const cond = after ? `AND (${column}, ${id}) < (${param(after.key)}::timestamptz, ${param(after.id)}::uuid)` : '';
  return { key: column, id, order: `${column} DESC, ${id} DESC`, after: cond, outer: 'p.k DESC, p.id DESC' };
}
