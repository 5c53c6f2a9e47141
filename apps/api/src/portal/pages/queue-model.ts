import type { Actor } from '@loket/auth';
import { QUEUE_VIEWS, SORT_LABELS, SORTS, VIEW_LABELS, type QueueView, type WorkspaceService } from '@loket/tickets';
import { STATUS_LABELS, TICKET_STATUSES } from '@loket/workflow';

export const PAGE_SIZE = 25;

/** What the queue page was asked for (query string or, for a NIK, the POSTed form). */
export interface QueueAsk {
  view: QueueView;
  agent: string | null;
  sort: string;
  q: string | null;
  service: string | null;
  status: string | null;
  cursor: string | null;
}

const pick = <T extends string>(value: unknown, allowed: readonly T[]) =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : null;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the page's parameters; anything malformed is ignored (the page falls back to its default). */
export function readAsk(input: Record<string, unknown>, services: string[]): QueueAsk {
  const agent = typeof input.petugas === 'string' && UUID.test(input.petugas) ? input.petugas : null;
  const view = pick(input.tampilan, [...QUEUE_VIEWS, 'agent'] as const) ?? 'open';
  const q = typeof input.q === 'string' && input.q.trim() ? input.q.trim().slice(0, 200) : null;
  return {
    view: view === 'agent' && !agent ? 'open' : view,
    agent,
    sort: pick(input.urut, SORTS) ?? (q ? 'filed' : 'deadline'),
    q,
    service: pick(input.layanan, services),
    status: pick(input.status, TICKET_STATUSES),
    cursor: typeof input.setelah === 'string' && input.setelah.length <= 300 ? input.setelah : null,
  };
}

/** The link of a tab, a sort or a page, keeping the rest of what was asked (never a NIK: those are POSTed). */
export function queueHref(ask: QueueAsk, change: Partial<QueueAsk>): string {
  const a = { ...ask, cursor: null, ...change };
  const params = new URLSearchParams();
  if (a.cursor) params.set('setelah', a.cursor);
  params.set('tampilan', a.view);
  if (a.agent && a.view === 'agent') params.set('petugas', a.agent);
  params.set('urut', a.sort);
  if (a.q && !/\d{16}/.test(a.q)) params.set('q', a.q);
  if (a.service) params.set('layanan', a.service);
  if (a.status) params.set('status', a.status);
  return `/antrian?${params}`;
}

type Counts = Awaited<ReturnType<WorkspaceService['counts']>>;

/** Tabs with their counts, the supervisor's per-agent list, the sort links. */
export function chrome(ask: QueueAsk, counts: Counts, agents: Array<{ id: string; name: string }>, actor: Actor) {
  return {
    tabs: counts.views.map((v) => ({
      label: v.label,
      count: v.count,
      href: queueHref(ask, { view: v.view, agent: null, status: null }),
      current: !ask.status && ask.view === v.view,
    })),
    perAgent:
      counts.agents?.map((a) => ({
        ...a,
        href: queueHref(ask, { view: 'agent', agent: a.id, status: null }),
        current: ask.view === 'agent' && ask.agent === a.id,
      })) ?? null,
    sorts: SORTS.map((s) => ({ label: SORT_LABELS[s], href: queueHref(ask, { sort: s }), current: ask.sort === s })),
    viewLabel:
      ask.view === 'agent'
        ? `${VIEW_LABELS.agent}: ${counts.agents?.find((a) => a.id === ask.agent)?.name ?? ''}`
        : VIEW_LABELS[ask.view],
    statuses: TICKET_STATUSES.map((s) => ({ code: s, label: STATUS_LABELS[s], selected: s === ask.status })),
    colleagues: agents.map((a) => ({ ...a, self: a.id === actor.personId })),
  };
}

export const SEEN_LABELS: Record<string, string | null> = {
  UNSEEN: 'Belum Anda buka',
  CHANGED: 'Ada perubahan',
  SEEN: null,
};
