import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentActor, type Actor } from '@loket/auth';
import { fail, type ErrorCode } from '@loket/common';
import { UploadInterceptor, uploadsOf } from '@loket/files';
import {
  BulkActionsService,
  TicketFilingService,
  TicketQueryService,
  TicketRatingService,
  TicketWorkflowService,
  WorkspaceService,
} from '@loket/tickets';
import { parseFormField } from './form-field';
import { etagOf, expectedVersion } from './if-match';
import { EventDto, FileTicketDto, ListTicketsQuery, MessageDto, RatingDto } from './tickets.dto';
import { attachmentHeaders } from './download';
import { BulkActionDto, SearchTicketsDto } from './workspace.dto';
import {
  ApiCreated,
  ApiCreatedOrReplayed,
  ApiDownload,
  ApiErrors,
  ApiOk,
  ApiSuccess,
  ATTACHMENT_TYPES,
  UPLOAD_ERRORS,
} from '../http/api-docs';
import { BulkOutcomeDto, RatingResultDto, TicketSlaDto } from './ticket-actions.dto';
import { TicketDetailDto, TicketPageDto, toTicketDetail, ViewCountsDto, WorkspacePageDto } from './ticket-view.dto';

/** A service's checks (ticket-effects.ts), at filing and again when its outcome is applied on COMPLETE. */
const SERVICE_CHECK_ERRORS: ErrorCode[] = [
  'MEMBERSHIP_NOT_FOUND',
  'MEMBERSHIP_NOT_DELETABLE',
  'ECHELON_TOO_LOW',
  'ACCOUNT_EXISTS',
  'ACCOUNT_NOT_FOUND',
  'ACCESS_REQUIRED',
  'EMAIL_TAKEN',
];

const ETAG = { ETag: { description: 'Versi tiket, mis. "3"', schema: { type: 'string' } } };

// A malformed id names no ticket: the same 404 as a ticket outside the caller's scope.
const uuid = new ParseUUIDPipe({ exceptionFactory: () => fail('TICKET_NOT_FOUND') });

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly filing: TicketFilingService,
    private readonly workflow: TicketWorkflowService,
    private readonly query: TicketQueryService,
    private readonly rating: TicketRatingService,
    private readonly workspace: WorkspaceService,
    private readonly bulkActions: BulkActionsService,
  ) {}

  @Post()
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiHeader({ name: 'X-Satker', required: false, description: 'Kode satker, bila Anda terdaftar di beberapa satker' })
  @ApiOperation({ summary: 'Mengajukan tiket (formulir layanan dan lampirannya)' })
  @ApiCreatedOrReplayed(TicketDetailDto, {
    ...ETAG,
    Location: { description: 'Alamat tiket', schema: { type: 'string' } },
  })
  @ApiErrors(
    'UNAUTHENTICATED',
    'VALIDATION_FAILED',
    'MALFORMED_FORM_JSON',
    'NOT_A_SATKER_USER',
    'SATKER_REQUIRED',
    'SATKER_NOT_ALLOWED',
    'MEMBERSHIP_DORMANT',
    'UNKNOWN_SERVICE',
    'SERVICE_NOT_FILEABLE',
    'INVALID_IDEMPOTENCY_KEY',
    'IDEMPOTENCY_IN_PROGRESS',
    'IDEMPOTENCY_KEY_REUSED',
    'MISSING_ATTACHMENT',
    'QUEUE_UNAVAILABLE',
    ...SERVICE_CHECK_ERRORS,
    ...UPLOAD_ERRORS,
  )
  async file(
    @CurrentActor() actor: Actor,
    @Body() dto: FileTicketDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TicketDetailDto> {
    const { ticket, replayed } = await this.filing.file(
      actor,
      {
        serviceCode: dto.service,
        form: parseFormField(dto.form),
        satkerCode: req.header('x-satker') ?? null,
        idempotencyKey: req.header('idempotency-key') ?? null,
      },
      uploadsOf(req),
    );
    res
      .status(replayed ? 200 : 201)
      .setHeader('ETag', etagOf(ticket.version))
      .setHeader('Location', `/api/v1/tickets/${ticket.id}`);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return toTicketDetail(await this.query.view(actor, ticket));
  }

  @Get()
  @ApiOperation({
    summary: 'Tiket satker (terbaru dahulu) atau antrean petugas; dengan view, q atau sort: ruang kerja petugas',
  })
  @ApiOk({ anyOf: [TicketPageDto, WorkspacePageDto] }, 'Satu halaman tiket; WorkspacePageDto bila view, q atau sort')
  @ApiErrors(
    'UNAUTHENTICATED',
    'VALIDATION_FAILED',
    'INVALID_CURSOR',
    'VIEW_NOT_AVAILABLE',
    'SEARCH_TOO_SHORT',
    'NIK_SEARCH_REQUIRES_POST',
  )
  list(@CurrentActor() actor: Actor, @Query() q: ListTicketsQuery): Promise<TicketPageDto | WorkspacePageDto> {
    // A view, a search or a sort is the agent's workspace; without them, the plain queue or satker list.
    return q.view || q.q || q.sort
      ? this.workspace.list(actor, { ...q, limit: q.limit ?? 50 })
      : this.query.list(actor, { status: q.status, service: q.service, cursor: q.cursor, limit: q.limit ?? 50 });
  }

  @Get('views')
  @ApiOperation({ summary: 'Jumlah tiket per tampilan antrean (dan per petugas, untuk supervisor)' })
  @ApiOk(ViewCountsDto)
  @ApiErrors('UNAUTHENTICATED', 'VIEW_NOT_AVAILABLE')
  views(@CurrentActor() actor: Actor): Promise<ViewCountsDto> {
    return this.workspace.counts(actor);
  }

  @Post('search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mencari tiket di ruang kerja petugas (termasuk menurut NIK)' })
  @ApiOk(WorkspacePageDto)
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'INVALID_CURSOR', 'VIEW_NOT_AVAILABLE', 'SEARCH_TOO_SHORT')
  search(@CurrentActor() actor: Actor, @Body() dto: SearchTicketsDto): Promise<WorkspacePageDto> {
    return this.workspace.list(actor, { ...dto, limit: dto.limit ?? 50 }, true);
  }

  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({ summary: 'Satu aksi atas beberapa tiket; hasil per tiket (yang ditolak tidak menahan yang lain)' })
  @ApiOk(BulkOutcomeDto)
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED')
  bulk(@CurrentActor() actor: Actor, @Body() dto: BulkActionDto): Promise<BulkOutcomeDto> {
    return this.bulkActions.run(actor, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Tiket dengan percakapan, lampiran, riwayat dan peristiwa yang boleh dikirim' })
  @ApiSuccess(200, { json: TicketDetailDto, description: 'Tiket', headers: ETAG })
  @ApiErrors('UNAUTHENTICATED', 'TICKET_NOT_FOUND')
  async detail(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TicketDetailDto> {
    const view = await this.query.detail(actor, id);
    res.setHeader('ETag', etagOf(view.version));
    return toTicketDetail(view);
  }

  @Post(':id/events')
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiHeader({ name: 'If-Match', required: true, description: 'Versi tiket, mis. "3"' })
  @ApiOperation({ summary: 'Mengirim peristiwa alur kerja (ambil, minta perbaikan, selesaikan, ...)' })
  @ApiSuccess(200, { json: TicketDetailDto, description: 'Tiket setelah peristiwa', headers: ETAG })
  @ApiErrors(
    'UNAUTHENTICATED',
    'VALIDATION_FAILED',
    'TICKET_NOT_FOUND',
    'PRECONDITION_REQUIRED',
    'INVALID_IF_MATCH',
    'STALE_VERSION',
    'UNKNOWN_EVENT',
    'INVALID_TRANSITION',
    'EVENT_NOT_PERMITTED',
    'ASSIGNEE_NOT_ELIGIBLE',
    'ASSIGNEE_INACTIVE',
    'ATTACHMENTS_NOT_ALLOWED',
    'CONFIRMATION_REQUIRED',
    'REOPEN_NOT_ALLOWED',
    'TICKET_CLOSED',
    'OUTCOME_FAILED',
    'MISSING_ATTACHMENT',
    ...SERVICE_CHECK_ERRORS,
    ...UPLOAD_ERRORS,
  )
  async event(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: EventDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TicketDetailDto> {
    const version = expectedVersion(ifMatch);
    const ticket = await this.workflow.dispatch(id, actor, dto, version, uploadsOf(req));
    res.status(200).setHeader('ETag', etagOf(ticket.version));
    return toTicketDetail(await this.query.view(actor, ticket));
  }

  @Post(':id/messages')
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiOperation({ summary: 'Menulis pesan (publik, atau catatan internal petugas), boleh dengan lampiran' })
  @ApiSuccess(201, { json: TicketDetailDto, description: 'Tiket dengan pesan baru', headers: ETAG })
  @ApiErrors(
    'UNAUTHENTICATED',
    'VALIDATION_FAILED',
    'TICKET_NOT_FOUND',
    'MESSAGE_NOT_PERMITTED',
    'INTERNAL_NOTE_NOT_PERMITTED',
    'TICKET_CLOSED',
    ...UPLOAD_ERRORS,
  )
  async message(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: MessageDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TicketDetailDto> {
    const ticket = await this.workflow.postMessage(
      id,
      actor,
      { body: dto.body, visibility: dto.visibility ?? 'PUBLIC' },
      uploadsOf(req),
    );
    res.status(201).setHeader('ETag', etagOf(ticket.version));
    return toTicketDetail(await this.query.detail(actor, id));
  }

  @Post(':id/rating')
  @ApiOperation({ summary: 'Menilai layanan atas tiket yang selesai atau ditolak (sekali)' })
  @ApiCreated(RatingResultDto)
  @ApiErrors(
    'UNAUTHENTICATED',
    'VALIDATION_FAILED',
    'TICKET_NOT_FOUND',
    'RATING_NOT_PERMITTED',
    'RATING_NOT_OPEN',
    'ALREADY_RATED',
  )
  rate(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: RatingDto): Promise<RatingResultDto> {
    return this.rating.rate(actor, id, dto.nilai, dto.komentar?.trim() || null);
  }

  @Get(':id/sla')
  @ApiOperation({ summary: 'Kedudukan setiap jam SLA tiket dan alasannya' })
  @ApiOk(TicketSlaDto)
  @ApiErrors('UNAUTHENTICATED', 'TICKET_NOT_FOUND')
  sla(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<TicketSlaDto> {
    return this.query.sla(actor, id);
  }

  @Get(':id/attachments/:attachmentId')
  @ApiOperation({ summary: 'Mengunduh lampiran tiket' })
  @ApiDownload(ATTACHMENT_TYPES)
  @ApiErrors('UNAUTHENTICATED', 'TICKET_NOT_FOUND', 'ATTACHMENT_NOT_FOUND')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('attachmentId', uuid) attachmentId: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const meta = await this.query.attachment(actor, id, attachmentId);
    res.set(attachmentHeaders(meta));
    return new StreamableFile(this.query.openAttachment(meta.storageKey));
  }
}
