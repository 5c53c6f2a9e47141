import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { DomainError, fail } from '@loket/common';
import { SelfRegistrationApprovals, TicketWorkflowService, type EventCommand } from '@loket/tickets';
import { problemsOf } from '../forms/problems';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { ticketId } from '../tickets/ticket.controller';
import { isAgent } from '../views/nav';
import { PortalViews } from '../views/portal-views';

const PAGE_SIZE = 25;
const JENIS: Record<string, string> = { PENDAFTARAN: 'Pendaftaran baru', REAKTIVASI: 'Aktivasi kembali (Dormant)' };
const DONE: Record<string, string> = {
  COMPLETE: 'Pendaftaran disetujui. Status pengguna di Daftar Pengguna satker kini 2 – Aktif.',
  REJECT: 'Pendaftaran ditolak. Satker melihat status 5 – Pendaftaran Ditolak beserta alasannya di Daftar Pengguna.',
};

/** CSO agents only; a ticket outside their offices is then a 404, as everywhere. */
function agent(actor: Actor): Actor {
  if (!isAgent(actor)) throw fail('NOT_AN_AGENT');
  return actor;
}

interface DecisionState {
  error?: { code: string; message: string };
  reasonError?: string | null;
  conflict?: boolean;
}

/**
 * The KPPN's approval queue of self-registrations (Tambah Pengguna by a satker): the requests
 * waiting, one request with its SK, and the decision (approve, or reject with a reason) through the
 * ticket workflow like any other event.
 */
@PortalPage('persetujuan', { href: '/persetujuan', label: 'Persetujuan pengguna', order: 25, when: isAgent })
export class ApprovalsController {
  constructor(
    private readonly approvals: SelfRegistrationApprovals,
    private readonly workflow: TicketWorkflowService,
    private readonly views: PortalViews,
  ) {}

  @Get()
  async queue(
    @SignedIn() actor: Actor,
    @Query() q: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const cursor = typeof q.setelah === 'string' && q.setelah.length <= 200 ? q.setelah : undefined;
    const page = await this.approvals.pending(agent(actor), cursor, PAGE_SIZE);
    const number = typeof q.tiket === 'string' && /^[A-Za-z0-9/.-]{1,60}$/.test(q.tiket) ? q.tiket : null;
    this.views.render(req, res, 'staf/persetujuan', {
      title: 'Persetujuan pendaftaran pengguna',
      ok: typeof q.ok === 'string' && DONE[q.ok] ? `${number ? `Tiket ${number}: ` : ''}${DONE[q.ok]}` : null,
      items: page.items.map((i) => ({ ...i, jenis: JENIS[i.request.jenis] ?? i.request.jenis })),
      next: page.nextCursor ? `/persetujuan?setelah=${encodeURIComponent(page.nextCursor)}` : null,
      paged: !!cursor,
    });
  }

  @Get(':id')
  show(@SignedIn() actor: Actor, @Param('id', ticketId) id: string, @Req() req: Request, @Res() res: Response) {
    return this.render(req, res, agent(actor), id, {}, 200);
  }

  @Post(':id/setujui')
  approve(@SignedIn() actor: Actor, @Param('id', ticketId) id: string, @Req() req: Request, @Res() res: Response) {
    return this.decide(req, res, actor, id, { type: 'COMPLETE' });
  }

  @Post(':id/tolak')
  reject(@SignedIn() actor: Actor, @Param('id', ticketId) id: string, @Req() req: Request, @Res() res: Response) {
    const reason = typeof req.body.reason === 'string' ? req.body.reason.trim().slice(0, 2000) : '';
    return this.decide(req, res, actor, id, { type: 'REJECT', reason });
  }

  private async decide(req: Request, res: Response, actor: Actor, id: string, cmd: EventCommand) {
    const version = /^\d{1,9}$/.test(String(req.body.versi)) ? Number(req.body.versi) : -1;
    try {
      const ticket = await this.workflow.dispatch(id, agent(actor), cmd, version);
      res.redirect(303, `/persetujuan?ok=${cmd.type}&tiket=${encodeURIComponent(ticket.number)}`);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status === 404 || err.status >= 500) throw err;
      const state = {
        error: { code: err.code, message: err.message },
        conflict: err.status === 409,
        reasonError: cmd.type === 'REJECT' ? (problemsOf(err).get('reason') ?? null) : null,
      };
      await this.render(req, res, actor, id, state, err.status);
    }
  }

  private async render(req: Request, res: Response, actor: Actor, id: string, state: DecisionState, status: number) {
    const view = await this.approvals.detail(actor, id);
    const can = (type: string) => view.allowedEvents.some((e) => e.type === type);
    this.views.render(
      req,
      res,
      'staf/persetujuan-tiket',
      {
        title: `Persetujuan pendaftaran ${view.request.nama}`,
        t: view,
        r: view.request,
        jenis: JENIS[view.request.jenis] ?? view.request.jenis,
        sk: view.attachments.filter((a) => a.current).map((a) => ({ ...a, url: `/tiket/${view.id}/lampiran/${a.id}` })),
        canApprove: can('COMPLETE'),
        canReject: can('REJECT'),
        error: state.error ?? null,
        reasonError: state.reasonError ?? null,
        conflict: !!state.conflict,
      },
      status,
    );
  }
}
