import { Get, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { AgentNotices } from '@loket/tickets';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { PortalViews } from '../views/portal-views';

/** The agent's notices: what satkers did on the tickets the agent holds, newest first. */
@PortalPage('pemberitahuan')
export class NoticesController {
  constructor(
    private readonly notices: AgentNotices,
    private readonly views: PortalViews,
  ) {}

  @Get()
  async list(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const items = await this.notices.list(actor.personId);
    this.views.render(req, res, 'staf/pemberitahuan', {
      title: 'Pemberitahuan',
      items,
      unread: items.some((i) => !i.read),
    });
  }

  @Post('dibaca')
  async read(@SignedIn() actor: Actor, @Res() res: Response) {
    await this.notices.markAllRead(actor.personId);
    res.redirect(303, '/pemberitahuan');
  }
}
