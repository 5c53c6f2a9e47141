import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { DomainError } from '@loket/common';
import { BULK_ACTIONS, BulkActionsService, TicketQueryService, WorkspaceService } from '@loket/tickets';
import { Catalogue, STATUS_LABELS } from '@loket/workflow';
import { summaryOf } from '../forms/problems';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { isAgent, isSupervisor } from '../views/nav';
import { PortalViews } from '../views/portal-views';
import { chrome, PAGE_SIZE, queueHref, readAsk, SEEN_LABELS, type QueueAsk } from './queue-model';

const BULK_LABELS: Record<string, string> = { CLAIM: 'Ambil', ASSIGN: 'Tugaskan', UNASSIGN: 'Lepaskan penugasan' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The checked rows of the bulk form: `<id>:<version>` each, as the row showed the ticket. */
function selectedRows(value: unknown) {
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return all.flatMap((v) => {
    const [id, version] = String(v).split(':');
    return UUID.test(id) && /^\d{1,7}$/.test(version ?? '') ? [{ id, version: Number(version) }] : [];
  });
}

/**
 * The agent's queue: views as tabs with counts (per agent for supervisors), search (a NIK only by
 * the POSTed form, never in the URL), sorting, the filed date, rows changed since the agent last
 * opened them, and bulk claim / assign / unassign of checked rows with a per-ticket result page.
 */
@PortalPage('antrian', { href: '/antrian', label: 'Antrian', order: 20, when: (a) => isAgent(a) || isSupervisor(a) })
export class QueueController {
  constructor(
    private readonly query: TicketQueryService,
    private readonly workspace: WorkspaceService,
    private readonly bulkActions: BulkActionsService,
    private readonly catalogue: Catalogue,
    private readonly views: PortalViews,
  ) {}

  @Get()
  queue(@SignedIn() actor: Actor, @Query() q: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    return this.show(req, res, actor, readAsk(q, this.serviceCodes()), false);
  }

  /**
   * The search form always POSTs, so whatever is typed never lands in a URL first. Text without a
   * NIK is redirected to its shareable GET address; a NIK search is answered with the page itself.
   */
  @Post('cari')
  search(@SignedIn() actor: Actor, @Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const ask = readAsk(body, this.serviceCodes());
    if (!ask.q || !/\d{16}/.test(ask.q)) return res.redirect(303, queueHref(ask, {}));
    return this.show(req, res, actor, ask, true);
  }

  @Post('massal')
  async bulk(
    @SignedIn() actor: Actor,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const action = BULK_ACTIONS.find((a) => a === body.aksi) ?? null;
    const tickets = selectedRows(body.tiket);
    let outcome: Awaited<ReturnType<BulkActionsService['run']>> | null = null;
    let error: { code: string; message: string } | null = null;
    if (!action || tickets.length === 0) {
      error = {
        code: 'VALIDATION_FAILED',
        message: !action ? 'Pilih tindakan untuk tiket yang dicentang.' : 'Centang dulu tiket yang akan diproses.',
      };
    } else {
      try {
        const assigneeId =
          action === 'ASSIGN' && typeof body.petugas === 'string' && body.petugas ? body.petugas : undefined;
        outcome = await this.bulkActions.run(actor, { action, tickets: tickets.slice(0, 100), assigneeId });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        error = { code: err.code, message: action === 'ASSIGN' ? 'Pilih petugas yang akan ditugaskan.' : err.message };
      }
    }
    this.views.render(
      req,
      res,
      'staf/antrian-hasil',
      {
        title: 'Hasil tindakan massal',
        error,
        actionLabel: action ? BULK_LABELS[action] : '',
        succeeded: outcome?.succeeded ?? 0,
        failed: outcome?.failed ?? 0,
        results: (outcome?.results ?? []).map((r) => ({
          ...r,
          label: r.number ?? 'Tiket tidak ditemukan',
          status: r.status ? STATUS_LABELS[r.status] : null,
        })),
      },
      error ? 400 : 200,
    );
  }

  private serviceCodes() {
    return this.catalogue.list().map((s) => s.code);
  }

  private async show(req: Request, res: Response, actor: Actor, ask: QueueAsk, posted: boolean) {
    const [counts, agents] = await Promise.all([this.workspace.counts(actor), this.workspace.agents(actor)]);
    let error: { code: string; message: string } | null = null;
    let page: { items: Array<Record<string, unknown> & { seen?: string }>; nextCursor: string | null } = {
      items: [],
      nextCursor: null,
    };
    try {
      page = ask.status
        ? await this.query.list(
            { ...actor, satkers: [] },
            {
              status: ask.status,
              service: ask.service ?? undefined,
              cursor: ask.cursor ?? undefined,
              limit: PAGE_SIZE,
            },
          )
        : await this.workspace.list(
            actor,
            {
              view: ask.view,
              agent: ask.agent ?? undefined,
              sort: ask.sort,
              q: ask.q ?? undefined,
              service: ask.service ?? undefined,
              cursor: ask.cursor ?? undefined,
              limit: PAGE_SIZE,
            },
            posted,
          );
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      error = { code: err.code, message: summaryOf(err) };
    }
    const filtered = !!(ask.service || ask.status || ask.q);
    this.views.render(req, res, 'staf/antrian', {
      title: 'Antrian tiket',
      ...chrome(ask, counts, agents, actor),
      error,
      ask: { ...ask, view: ask.view, q: ask.q ?? '' },
      items: page.items.map((i) => ({
        ...i,
        canClaim: (i.allowedEvents as Array<{ type: string }>).some((e) => e.type === 'CLAIM'),
        seenLabel: SEEN_LABELS[i.seen ?? 'SEEN'] ?? null,
      })),
      services: this.catalogue.list().map((s) => ({ code: s.code, title: s.title, selected: s.code === ask.service })),
      filtered,
      posted,
      next: page.nextCursor && !posted ? queueHref(ask, { cursor: page.nextCursor }) : null,
      nextPosted: page.nextCursor && posted ? page.nextCursor : null,
      paged: !!ask.cursor,
      first: queueHref(ask, {}),
      clear: queueHref(ask, { q: null, service: null, status: null }),
      bulkActions: BULK_ACTIONS.map((a) => ({ code: a, label: BULK_LABELS[a] })),
    });
  }
}
