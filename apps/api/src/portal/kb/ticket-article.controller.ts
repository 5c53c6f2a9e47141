import { Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { removeUploads } from '@loket/files';
import { KbLinks } from '@loket/kb';
import { TicketQueryService } from '@loket/tickets';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { PortalUpload } from '../session/portal-upload.interceptor';
import { composerInput } from '../tickets/composer';
import { ticketId } from '../tickets/ticket.controller';
import { TicketPage } from '../tickets/ticket-page';
import { PortalViews } from '../views/portal-views';

const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

/**
 * "Sisipkan tautan" without JavaScript. The composer's "Cari artikel" button (partial kb-sisipkan)
 * posts the draft here: a page lists matching FAQ articles and carries the draft along; choosing one
 * returns the ticket page with the composer's text plus the article's title and public link. Sending
 * stays the composer's own action.
 */
@PortalPage('tiket')
export class TicketArticleController {
  constructor(
    private readonly query: TicketQueryService,
    private readonly links: KbLinks,
    private readonly page: TicketPage,
    private readonly views: PortalViews,
  ) {}

  @Post(':id/artikel')
  @PortalUpload()
  async compose(
    @SignedIn() actor: Actor,
    @Param('id', ticketId) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    // Files chosen in the composer do not travel through this detour; the page says so.
    await removeUploads(req);
    const input = composerInput(req.body);
    const chosen = text(req.body.sisipkan, 80);
    if (chosen || req.body.kembali) {
      const link = chosen ? await this.links.linkFor(actor, chosen) : null;
      const withLink = link
        ? `${input.text.trimEnd()}${input.text.trim() ? '\n\n' : ''}${link.title}: ${link.url}`
        : input.text;
      return this.page.render(req, res, actor, id, { composer: { ...input, text: withLink.slice(0, 10000) } });
    }
    const ticket = await this.query.detail(actor, id);
    if (!ticket.viewerRoles.some((r) => r === 'AGENT' || r === 'ESCALATION_AGENT')) {
      throw fail('NOT_TICKET_AGENT');
    }
    const q = text(req.body.artikel_cari, 200);
    const { articles } = await this.links.picker(actor, q);
    this.views.render(req, res, 'staf/sisipkan-artikel', {
      title: `Sisipkan artikel · tiket ${ticket.number}`,
      ticket: { id: ticket.id, number: ticket.number },
      q,
      articles,
      draft: { isi: input.text, visibilitas: input.visibility, aksi: input.action },
    });
  }
}
