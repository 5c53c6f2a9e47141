import { Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { TicketQueryService } from '@loket/tickets';
import { OPEN_STATUSES } from '@loket/workflow';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { isAgent, isSatkerUser } from '../views/nav';
import { PortalViews } from '../views/portal-views';

/** The same person as a satker user only (a CSO who also belongs to a satker sees that satker's tickets here). */
export const asSatkerUser = (actor: Actor): Actor => ({ ...actor, staff: [] });

@PortalPage('', { href: '/', label: 'Beranda', order: 0, when: () => true })
export class HomeController {
  constructor(
    private readonly query: TicketQueryService,
    private readonly views: PortalViews,
  ) {}

  @Get()
  async home(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    if (!isSatkerUser(actor)) {
      if (isAgent(actor)) return res.redirect(303, '/antrian');
      return this.views.render(req, res, 'beranda-staf', { title: 'Beranda' });
    }
    const satker = asSatkerUser(actor);
    const [waiting, ...others] = await Promise.all([
      'MENUNGGU_PERBAIKAN', 'BARU', 'DIPROSES', 'DIESKALASI', undefined,
    ].map((status) => this.query.list(satker, { status, limit: status ? 50 : 10 })));
    const recent = others.pop()!;
    const open = others.flatMap((p) => p.items).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    this.views.render(req, res, 'satker/beranda', {
      title: 'Beranda',
      waiting: waiting.items,
      open,
      recent: recent.items.filter((t) => !OPEN_STATUSES.includes(t.status)),
      dormant: actor.dormantSatkerCodes,
    });
  }
}
