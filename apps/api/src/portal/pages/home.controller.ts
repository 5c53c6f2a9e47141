import { Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { SkmSurveyService } from '@loket/skm';
import { TicketQueryService, WorkspaceService } from '@loket/tickets';
import { OPEN_STATUSES, TICKET_STATUSES } from '@loket/workflow';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { isAgent, isSatkerUser, isSupervisor } from '../views/nav';
import { PortalViews } from '../views/portal-views';

const BREACHES_SHOWN = 20;

/** The same person as a satker user only (a CSO who also belongs to a satker sees that satker's tickets here). */
export const asSatkerUser = (actor: Actor): Actor => ({ ...actor, staff: [], queueOfficeIds: [] });

@PortalPage('', { href: '/', label: 'Beranda', order: 0, when: () => true })
export class HomeController {
  constructor(
    private readonly query: TicketQueryService,
    private readonly views: PortalViews,
    private readonly skm: SkmSurveyService,
    private readonly workspace: WorkspaceService,
  ) {}

  /** A supervisor's start: the open tickets past their deadline in their offices, and where to go next. */
  private async supervisorHome(actor: Actor, req: Request, res: Response) {
    const [breached, counts] = await Promise.all([
      this.workspace.list(actor, { view: 'breached', limit: BREACHES_SHOWN }),
      this.workspace.counts(actor),
    ]);
    const count = (view: string) => counts.views.find((v) => v.view === view)?.count ?? 0;
    this.views.render(req, res, 'beranda-staf', {
      title: 'Beranda',
      supervisor: {
        breached: breached.items,
        breachedCount: count('breached'),
        openCount: count('open'),
        more: !!breached.nextCursor,
      },
    });
  }

  @Get()
  async home(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    if (!isSatkerUser(actor)) {
      if (isAgent(actor)) return res.redirect(303, '/antrian');
      if (isSupervisor(actor)) return this.supervisorHome(actor, req, res);
      return this.views.render(req, res, 'beranda-staf', { title: 'Beranda', supervisor: null });
    }
    const satker = asSatkerUser(actor);
    // Newest first: what waits on the satker, its other open tickets, and the latest closed ones.
    const [waiting, open, recent, surveys] = await Promise.all([
      this.query.list(satker, { status: 'MENUNGGU_PERBAIKAN', limit: 50 }),
      this.query.list(satker, { statuses: OPEN_STATUSES.filter((s) => s !== 'MENUNGGU_PERBAIKAN'), limit: 50 }),
      this.query.list(satker, { statuses: TICKET_STATUSES.filter((s) => !OPEN_STATUSES.includes(s)), limit: 10 }),
      this.skm.pending(satker),
    ]);
    this.views.render(req, res, 'satker/beranda', {
      title: 'Beranda',
      waiting: waiting.items,
      open: open.items,
      recent: recent.items,
      dormant: actor.dormantSatkerCodes,
      surveys,
    });
  }
}
