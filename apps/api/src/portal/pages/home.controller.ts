import { Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { SkmSurveyService } from '@loket/skm';
import { TicketQueryService } from '@loket/tickets';
import { OPEN_STATUSES, TICKET_STATUSES } from '@loket/workflow';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { isAgent, isSatkerUser } from '../views/nav';
import { PortalViews } from '../views/portal-views';

/** The same person as a satker user only (a CSO who also belongs to a satker sees that satker's tickets here). */
export const asSatkerUser = (actor: Actor): Actor => ({ ...actor, staff: [], queueOfficeIds: [] });

@PortalPage('', { href: '/', label: 'Beranda', order: 0, when: () => true })
export class HomeController {
  constructor(
    private readonly query: TicketQueryService,
    private readonly views: PortalViews,
    private readonly skm: SkmSurveyService,
  ) {}

  @Get()
  async home(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    if (!isSatkerUser(actor)) {
      if (isAgent(actor)) return res.redirect(303, '/antrian');
      return this.views.render(req, res, 'beranda-staf', { title: 'Beranda' });
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
