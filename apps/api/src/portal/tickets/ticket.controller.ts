import { Get, Param, ParseUUIDPipe, Query, Req, Res, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { LettersService } from '@loket/letters';
import { TicketLettersService, TicketQueryService } from '@loket/tickets';
import { attachmentHeaders, inlineAttachmentHeaders, sendDocument } from '../../tickets/download';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { TicketPage } from './ticket-page';
import { previewable } from './ticket-page-parts';

// A malformed id names no ticket: the same 404 as a ticket outside the person's scope (as in the API).
export const ticketId = new ParseUUIDPipe({ exceptionFactory: () => fail('TICKET_NOT_FOUND') });
const fileId = new ParseUUIDPipe({ exceptionFactory: () => fail('NOT_FOUND') });

/** The ticket page and its downloads, for satkers and staff alike (scope decides, as in the API). */
@PortalPage('tiket')
export class TicketController {
  constructor(
    private readonly page: TicketPage,
    private readonly query: TicketQueryService,
    private readonly ticketLetters: TicketLettersService,
    private readonly letters: LettersService,
  ) {}

  @Get(':id')
  show(
    @SignedIn() actor: Actor,
    @Param('id', ticketId) id: string,
    @Query('ok') ok: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.page.render(req, res, actor, id, { ok });
  }

  @Get(':id/lampiran/:fileId')
  async attachment(
    @SignedIn() actor: Actor,
    @Param('id', ticketId) id: string,
    @Param('fileId', fileId) attachmentId: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const meta = await this.query.attachment(actor, id, attachmentId);
    res.set(attachmentHeaders(meta));
    return new StreamableFile(this.query.openAttachment(meta.storageKey));
  }

  /** Pratinjau: PDF, PNG and JPEG (checked at upload) shown inline under a sandbox; anything else stays a download. */
  @Get(':id/lampiran/:fileId/pratinjau')
  async preview(
    @SignedIn() actor: Actor,
    @Param('id', ticketId) id: string,
    @Param('fileId', fileId) attachmentId: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const meta = await this.query.attachment(actor, id, attachmentId);
    res.set(previewable(meta.contentType) ? inlineAttachmentHeaders(meta) : attachmentHeaders(meta));
    return new StreamableFile(this.query.openAttachment(meta.storageKey));
  }

  @Get(':id/surat/:fileId')
  async letter(
    @SignedIn() actor: Actor,
    @Param('id', ticketId) id: string,
    @Param('fileId', fileId) letterId: string,
    @Query('format') format: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.ticketLetters.visible(actor, id);
    const doc = format === 'html' ? await this.letters.html(id, letterId) : await this.letters.pdf(id, letterId);
    return sendDocument(res, doc.number, format === 'html' ? 'html' : 'pdf', doc.body);
  }
}
