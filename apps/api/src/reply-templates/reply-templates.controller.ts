import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, type Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { ReplyTemplatesService } from '@loket/tickets';
import { CreateReplyTemplateDto, FillReplyTemplateQuery, UpdateReplyTemplateDto } from './reply-templates.dto';
import {
  filledReplyTemplateResponse,
  FilledReplyTemplateResponse,
  replyTemplateListResponse,
  ReplyTemplateListResponse,
  replyTemplateResponse,
  ReplyTemplateResponse,
} from './reply-templates.response';
import { ApiErrors } from '../http/api-docs';

const templateId = new ParseUUIDPipe({
  exceptionFactory: () => fail('TEMPLATE_NOT_FOUND'),
});

/** Canned replies: national (Kantor Pusat) and per office; supervisors keep them, agents use them. */
@ApiTags('reply-templates')
@ApiBearerAuth()
@Controller('reply-templates')
export class ReplyTemplatesController {
  constructor(private readonly templates: ReplyTemplatesService) {}

  @Get()
  @ApiOperation({ summary: 'Templat balasan nasional dan kantor-kantor petugas, dengan penanda yang tersedia' })
  @ApiOkResponse({ type: ReplyTemplateListResponse })
  @ApiErrors('UNAUTHENTICATED', 'NOT_STAFF')
  async list(@CurrentActor() actor: Actor): Promise<ReplyTemplateListResponse> {
    return replyTemplateListResponse(await this.templates.list(actor));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Satu templat balasan' })
  @ApiOkResponse({ type: ReplyTemplateResponse })
  @ApiErrors('UNAUTHENTICATED', 'NOT_STAFF', 'TEMPLATE_NOT_FOUND')
  async get(@CurrentActor() actor: Actor, @Param('id', templateId) id: string): Promise<ReplyTemplateResponse> {
    return replyTemplateResponse(await this.templates.get(actor, id));
  }

  /** The template's text filled in for one ticket (what the composer puts in its text box). */
  @Get(':id/filled')
  @ApiOperation({ summary: 'Teks templat dengan penanda diisi nilai satu tiket' })
  @ApiOkResponse({ type: FilledReplyTemplateResponse })
  @ApiErrors('UNAUTHENTICATED', 'NOT_STAFF', 'VALIDATION_FAILED', 'TICKET_NOT_FOUND', 'TEMPLATE_NOT_FOUND')
  async fill(
    @CurrentActor() actor: Actor,
    @Param('id', templateId) id: string,
    @Query() q: FillReplyTemplateQuery,
  ): Promise<FilledReplyTemplateResponse> {
    return filledReplyTemplateResponse(await this.templates.fill(actor, q.ticketId, id));
  }

  @Post()
  @ApiOperation({ summary: 'Membuat templat (supervisor; nasional: supervisor Kantor Pusat)' })
  @ApiCreatedResponse({ type: ReplyTemplateResponse })
  @ApiErrors('UNAUTHENTICATED', 'NOT_STAFF', 'VALIDATION_FAILED', 'TEMPLATE_NOT_PERMITTED', 'UNKNOWN_PLACEHOLDER')
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateReplyTemplateDto): Promise<ReplyTemplateResponse> {
    const input = { title: dto.judul, body: dto.isi, national: dto.cakupan === 'NASIONAL' };
    return replyTemplateResponse(await this.templates.create(actor, input));
  }

  @Put(':id')
  @ApiOperation({ summary: 'Mengubah templat (supervisor pemiliknya)' })
  @ApiOkResponse({ type: ReplyTemplateResponse })
  @ApiErrors(
    'UNAUTHENTICATED',
    'NOT_STAFF',
    'VALIDATION_FAILED',
    'TEMPLATE_NOT_FOUND',
    'TEMPLATE_NOT_PERMITTED',
    'UNKNOWN_PLACEHOLDER',
  )
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', templateId) id: string,
    @Body() dto: UpdateReplyTemplateDto,
  ): Promise<ReplyTemplateResponse> {
    return replyTemplateResponse(await this.templates.update(actor, id, { title: dto.judul, body: dto.isi }));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Menghapus templat (supervisor pemiliknya)' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Templat dihapus' })
  @ApiErrors('UNAUTHENTICATED', 'NOT_STAFF', 'TEMPLATE_NOT_FOUND', 'TEMPLATE_NOT_PERMITTED')
  remove(@CurrentActor() actor: Actor, @Param('id', templateId) id: string): Promise<void> {
    return this.templates.delete(actor, id);
  }
}
