import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, type Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { LettersService } from '@loket/letters';
import { actingSatker, MembershipDirectoryService, TicketLettersService } from '@loket/tickets';
import { sendDocument } from '../tickets/download';
import { FormatQuery, PenghapusanDocDto, ReplyLetterDto, SkPenunjukanDto } from './letters.dto';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => fail('TICKET_NOT_FOUND') });
const letterId = new ParseUUIDPipe({ exceptionFactory: () => fail('LETTER_NOT_FOUND') });

@ApiTags('letters')
@ApiBearerAuth()
@Controller()
export class LettersController {
  constructor(
    private readonly directory: MembershipDirectoryService,
    private readonly ticketLetters: TicketLettersService,
    private readonly letters: LettersService,
  ) {}

  @Post('tickets/:id/letters')
  issue(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: ReplyLetterDto) {
    return this.ticketLetters.issueReply(actor, id, dto);
  }

  @Get('tickets/:id/letters')
  async list(@CurrentActor() actor: Actor, @Param('id', uuid) id: string) {
    await this.ticketLetters.visible(actor, id);
    return this.letters.list(id);
  }

  @Get('tickets/:id/letters/:letterId')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('letterId', letterId) lid: string,
    @Query() q: FormatQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.ticketLetters.visible(actor, id);
    const format = q.format ?? 'pdf';
    const doc = format === 'pdf' ? await this.letters.pdf(id, lid) : await this.letters.html(id, lid);
    return sendDocument(res, doc.number, format, doc.body);
  }

  /** The SK penunjukan pre-filled with the users to register, for the KPA to sign and upload. */
  @Post('satkers/:kode/dokumen/sk-penunjukan')
  async sk(
    @CurrentActor() actor: Actor,
    @Param('kode') kode: string,
    @Body() dto: SkPenunjukanDto,
    @Query() q: FormatQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    const satker = actingSatker(actor, kode);
    const format = q.format ?? 'pdf';
    const body = await this.letters.document(
      'sk-penunjukan',
      {
        satker: { code: satker.satkerCode, name: satker.satkerName },
        pengguna: dto.pengguna.map((p) => ({ ...p, nip: p.nip ?? '-' })),
      },
      format,
    );
    return sendDocument(res, `SK-Penunjukan-MyIntress-${satker.satkerCode}`, format, body);
  }

  /** The deletion request letter pre-filled from the memberships chosen in Daftar Pengguna. */
  @Post('satkers/:kode/dokumen/surat-permintaan-penghapusan')
  async penghapusan(
    @CurrentActor() actor: Actor,
    @Param('kode') kode: string,
    @Body() dto: PenghapusanDocDto,
    @Query() q: FormatQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    const data = await this.directory.deletionLetter(actor, kode, dto.membershipIds);
    const format = q.format ?? 'pdf';
    const body = await this.letters.document('surat-permintaan-penghapusan', data, format);
    return sendDocument(res, `Permintaan-Penghapusan-${data.satker.code}`, format, body);
  }
}
