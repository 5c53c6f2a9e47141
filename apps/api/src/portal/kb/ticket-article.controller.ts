import { Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { forbidden } from '@loket/common';
import { removeUploads } from '@loket/files';
import { KbLinks } from '@loket/kb';
import { TicketQueryService } from '@loket/tickets';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { PortalUpload } from '../session/portal-upload.interceptor';
import { ticketId } from '../tickets/ticket.controller';
import { PortalViews } from '../views/portal-views';

const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

/**
 * "Sisipkan tautan" without JavaScript: the ticket page's reply form posts its draft here (the
 * kb-sisipkan partial's button), which answers with the same composer, matching FAQ articles, and the
 * chosen article's title and public link appended to the draft. Sending stays the ticket's own action.
 */
@PortalPage('tiket')
export class TicketArticleController {
  constructor(
    private readonly query: TicketQueryService,
    private readonly links: KbLinks,
    private readonly views: PortalViews,
  ) {}

  @Post(':id/artikel')
  @PortalUpload()
  async compose(@SignedIn() actor: Actor, @Param('id', ticketId) id: string, @Req() req: Request, @Res() res: Response) {
    await removeUploads(req);
    const ticket = await this.query.detail(actor, id);
    if (!ticket.viewerRoles.some((r) => r === 'AGENT' || r === 'ESCALATION_AGENT')) {
      throw forbidden('NOT_TICKET_AGENT', 'Hanya petugas yang menangani tiket ini yang dapat menyusun balasan.');
    }
    // The ticket page's composer calls its text box `isi`; the article page's own form `body`.
    let body = text(req.body.body ?? req.body.isi, 10000);
    const chosen = text(req.body.sisipkan, 80);
    const inserted = chosen ? await this.links.linkFor(actor, chosen) : null;
    if (inserted) body = `${body.trimEnd()}${body.trim() ? '\n\n' : ''}${inserted.title}: ${inserted.url}`;
    const q = text(req.body.artikel_cari, 200);
    const { articles } = await this.links.picker(actor, q);
    this.views.render(req, res, 'staf/sisipkan-artikel', {
      title: `Balas tiket ${ticket.number}`, ticket: { id: ticket.id, number: ticket.number, subject: ticket.subject }, body, q, articles, inserted,
    });
  }
}
