import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, type Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { LettersService } from '@loket/letters';
import { actingSatker, MembershipDirectoryService, TicketLettersService } from '@loket/tickets';
import { sendDocument } from '../tickets/download';
import { ACTING_SATKER_ERRORS, ApiCreated, ApiDownload, ApiErrors, ApiOk, DOCUMENT_TYPES } from '../http/api-docs';
import { FormatQuery, LetterDto, PenghapusanDocDto, ReplyLetterDto, SkPenunjukanDto, toLetter } from './letters.dto';

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
  @ApiOperation({ summary: 'Menerbitkan surat tanggapan bernomor atas tiket' })
  @ApiCreated(LetterDto)
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'TICKET_NOT_FOUND', 'LETTER_NOT_PERMITTED')
  async issue(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: ReplyLetterDto) {
    return toLetter(await this.ticketLetters.issueReply(actor, id, dto));
  }

  @Get('tickets/:id/letters')
  @ApiOperation({ summary: 'Surat yang diterbitkan atas tiket' })
  @ApiOk([LetterDto])
  @ApiErrors('UNAUTHENTICATED', 'TICKET_NOT_FOUND')
  async list(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<LetterDto[]> {
    await this.ticketLetters.visible(actor, id);
    return (await this.letters.list(id)).map(toLetter);
  }

  @Get('tickets/:id/letters/:letterId')
  @ApiOperation({ summary: 'Mengunduh surat (PDF, atau HTML dengan format=html)' })
  @ApiDownload(DOCUMENT_TYPES)
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'TICKET_NOT_FOUND', 'LETTER_NOT_FOUND', 'PDF_UNAVAILABLE')
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
  @ApiOperation({ summary: 'SK penunjukan terisi pengguna yang akan didaftarkan, untuk ditandatangani KPA' })
  @ApiDownload(DOCUMENT_TYPES, 'Dokumen yang dibuat (PDF, atau HTML dengan format=html)', 201)
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'PDF_UNAVAILABLE', ...ACTING_SATKER_ERRORS)
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
  @ApiOperation({ summary: 'Surat permintaan penghapusan terisi pengguna yang dipilih di Daftar Pengguna' })
  @ApiDownload(DOCUMENT_TYPES, 'Dokumen yang dibuat (PDF, atau HTML dengan format=html)', 201)
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'PDF_UNAVAILABLE', 'MEMBERSHIP_NOT_FOUND', ...ACTING_SATKER_ERRORS)
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
