import { Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { validateDto } from '@loket/common';
import { TicketLettersService } from '@loket/tickets';
import { ReplyLetterDto } from '../../letters/letters.dto';
import { sendLetterPreview } from '../../tickets/download';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { attemptOnPage } from './page-attempt';
import { ticketId } from './ticket.controller';
import { TicketPage } from './ticket-page';

const FIELDS = ['hal', 'sifat', 'lampiran', 'yth', 'isi', 'tembusan', 'nama', 'nip', 'jabatan'] as const;

/** The letter form's fields as typed (kept for showing the form again). */
function posted(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(FIELDS.map((f) => [f, typeof body[f] === 'string' ? (body[f] as string) : '']));
}

/** The form as the API's ReplyLetterDto (the same rules): tembusan one per line. */
function letterOf(p: Record<string, string>) {
  return validateDto(ReplyLetterDto, {
    hal: p.hal.trim(),
    sifat: p.sifat.trim(),
    lampiran: p.lampiran.trim(),
    yth: p.yth.trim(),
    isi: p.isi.trim(),
    tembusan: p.tembusan
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
    penandatangan: { nama: p.nama.trim(), nip: p.nip.trim(), jabatan: p.jabatan.trim() },
  });
}

/** Issuing the KPPN's reply letter (tanggapan) from the ticket page, and previewing it unnumbered first. */
@PortalPage('tiket')
export class TicketLetterFormController {
  constructor(
    private readonly ticketLetters: TicketLettersService,
    private readonly page: TicketPage,
  ) {}

  @Post(':id/surat')
  async issue(@SignedIn() actor: Actor, @Param('id', ticketId) id: string, @Req() req: Request, @Res() res: Response) {
    const p = posted(req.body);
    await attemptOnPage(
      this.page,
      req,
      res,
      actor,
      id,
      {
        name: 'LETTER',
        done: 'LETTER_ISSUED',
        again: { letter: p },
        fieldAliases: { 'penandatangan.nama': 'nama', 'penandatangan.nip': 'nip', 'penandatangan.jabatan': 'jabatan' },
      },
      async () => this.ticketLetters.issueReply(actor, id, await letterOf(p)),
    );
  }

  /** Opens in a new tab (formtarget): the letter as it would be issued, sandboxed; nothing is kept. */
  @Post(':id/surat/pratinjau')
  async preview(
    @SignedIn() actor: Actor,
    @Param('id', ticketId) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    sendLetterPreview(res, await this.ticketLetters.previewReply(actor, id, await letterOf(posted(req.body))));
  }
}
