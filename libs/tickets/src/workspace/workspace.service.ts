import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { Catalogue } from '@loket/workflow';
import { allowedEventViews, summaryView } from '../ticket-view';
import { QUEUE_VIEWS, SORTS, VIEW_LABELS, type QueueSort, type QueueView } from './queue-views';
import { WorkspaceRepository, type WorkspaceRow } from './workspace.repository';

export interface WorkspaceQuery {
  view?: string;
  agent?: string;
  sort?: string;
  q?: string;
  service?: string;
  cursor?: string;
  limit: number;
}

const NIK_RUN = /\d{16}/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d\d-\d\d[ T][0-9:.+-]+$/;

const badCursor = () => fail('INVALID_CURSOR');

function decodeCursor(cursor: string, sort: QueueSort): { key: string | null; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const [s, key, id] = Array.isArray(parsed) ? parsed : [];
  const keyOk = (key === null && sort === 'deadline') || (typeof key === 'string' && TIMESTAMP.test(key));
  if (s !== sort || !keyOk || typeof id !== 'string' || !UUID.test(id)) throw badCursor();
  return { key, id };
}

/** Whether the agent has opened the ticket since it last changed (marks rows in the queue). */
const seenState = (r: WorkspaceRow) => (!r.seenAt ? 'UNSEEN' : r.updatedAt > r.seenAt ? 'CHANGED' : 'SEEN');

/**
 * The agent's workspace: named views of the open queue with their counts, search, sorting with a
 * stable tie-break, and which rows changed since the agent last opened them.
 */
@Injectable()
export class WorkspaceService {
  constructor(
    private readonly db: DataSource,
    private readonly catalogue: Catalogue,
    private readonly repo: WorkspaceRepository,
  ) {}

  /** A view and/or a search. `viaPost`: the text came in a request body, so it may hold a NIK. */
  async list(actor: Actor, input: WorkspaceQuery, viaPost = false) {
    const view = this.viewOf(actor, input);
    const search = this.searchOf(input.q, viaPost);
    if (!view && !search)
      throw fail('VALIDATION_FAILED', [
        { field: 'view', message: 'Pilih tampilan antrean atau isi kata kunci pencarian.' },
      ]);
    const sort = (input.sort ?? (search && !view ? 'filed' : 'deadline')) as QueueSort;
    if (!SORTS.includes(sort))
      throw fail('VALIDATION_FAILED', [
        { field: 'sort', message: `Urutan '${input.sort}' tidak dikenal.`, allowed: SORTS },
      ]);
    const rows = await this.repo.find(this.db, actor, {
      view,
      agent: input.agent ?? null,
      sort,
      search,
      service: input.service ?? null,
      limit: input.limit,
      after: input.cursor ? decodeCursor(input.cursor, sort) : null,
    });
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    return {
      view,
      sort,
      searched: !!search,
      items: page.map((r) => ({
        ...summaryView(this.catalogue, r, r),
        allowedEvents: allowedEventViews(this.catalogue, actor, r).map(({ type, label }) => ({ type, label })),
        seen: seenState(r),
      })),
      nextCursor:
        rows.length > input.limit && last
          ? Buffer.from(JSON.stringify([sort, last.cursorKey, last.id])).toString('base64url')
          : null,
    };
  }

  /** Every view's count (and, for supervisors, open tickets per agent) over the actor's offices. */
  async counts(actor: Actor) {
    this.requireStaff(actor);
    const offices = actor.queueOfficeIds;
    const counts = await this.repo.counts(this.db, offices, actor.personId);
    const supervisor = actor.staff.some((s) => s.role === 'SUPERVISOR');
    return {
      views: QUEUE_VIEWS.map((view) => ({ view, label: VIEW_LABELS[view], count: counts[view] })),
      agents: supervisor ? await this.repo.perAgent(this.db, offices) : null,
    };
  }

  /** Colleagues a ticket of the actor's offices may be handed to. */
  agents(actor: Actor) {
    this.requireStaff(actor);
    return this.repo.agents(this.db, actor.queueOfficeIds);
  }

  private viewOf(actor: Actor, input: WorkspaceQuery): QueueView | null {
    if (!input.view) return null;
    this.requireStaff(actor);
    const view = input.view as QueueView;
    if (![...QUEUE_VIEWS, 'agent'].includes(view)) {
      throw fail('VALIDATION_FAILED', [
        { field: 'view', message: `Tampilan '${input.view}' tidak dikenal.`, allowed: [...QUEUE_VIEWS, 'agent'] },
      ]);
    }
    if (view === 'agent' && !UUID.test(input.agent ?? '')) {
      throw fail('VALIDATION_FAILED', [
        { field: 'agent', message: 'Tampilan per petugas memerlukan petugas (agent).' },
      ]);
    }
    return view;
  }

  private searchOf(q: string | undefined, viaPost: boolean) {
    const text = q?.trim().replace(/\s+/g, ' ');
    if (!text) return null;
    if (!viaPost && NIK_RUN.test(text)) {
      throw fail('NIK_SEARCH_REQUIRES_POST');
    }
    if (text.length < 3) throw fail('SEARCH_TOO_SHORT');
    return { text, nik: /^\d{16}$/.test(text) ? text : null };
  }

  private requireStaff(actor: Actor) {
    if (actor.staff.length === 0) throw fail('VIEW_NOT_AVAILABLE');
  }
}
