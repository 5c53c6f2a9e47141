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
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentActor, type Actor } from '@loket/auth';
import { fail } from '@loket/common';
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
  async file(
    @CurrentActor() actor: Actor,
    @Body() dto: FileTicketDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
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
    return this.query.view(actor, ticket);
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Query() q: ListTicketsQuery) {
    // A view, a search or a sort is the agent's workspace; without them, the plain queue or satker list.
    return q.view || q.q || q.sort
      ? this.workspace.list(actor, { ...q, limit: q.limit ?? 50 })
      : this.query.list(actor, { status: q.status, service: q.service, cursor: q.cursor, limit: q.limit ?? 50 });
  }

  @Get('views')
  views(@CurrentActor() actor: Actor) {
    return this.workspace.counts(actor);
  }

  @Post('search')
  @HttpCode(200)
  search(@CurrentActor() actor: Actor, @Body() dto: SearchTicketsDto) {
    return this.workspace.list(actor, { ...dto, limit: dto.limit ?? 50 }, true);
  }

  @Post('bulk')
  @HttpCode(200)
  bulk(@CurrentActor() actor: Actor, @Body() dto: BulkActionDto) {
    return this.bulkActions.run(actor, dto);
  }

  @Get(':id')
  async detail(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Res({ passthrough: true }) res: Response) {
    const view = await this.query.detail(actor, id);
    res.setHeader('ETag', etagOf(view.version));
    return view;
  }

  @Post(':id/events')
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiHeader({ name: 'If-Match', required: true, description: 'Versi tiket, mis. "3"' })
  async event(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: EventDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const version = expectedVersion(ifMatch);
    const ticket = await this.workflow.dispatch(id, actor, dto, version, uploadsOf(req));
    res.status(200).setHeader('ETag', etagOf(ticket.version));
    return this.query.view(actor, ticket);
  }

  @Post(':id/messages')
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('application/json', 'multipart/form-data')
  async message(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: MessageDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const ticket = await this.workflow.postMessage(
      id,
      actor,
      { body: dto.body, visibility: dto.visibility ?? 'PUBLIC' },
      uploadsOf(req),
    );
    res.status(201).setHeader('ETag', etagOf(ticket.version));
    return this.query.detail(actor, id);
  }

  @Post(':id/rating')
  rate(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: RatingDto) {
    return this.rating.rate(actor, id, dto.nilai, dto.komentar?.trim() || null);
  }

  @Get(':id/sla')
  sla(@CurrentActor() actor: Actor, @Param('id', uuid) id: string) {
    return this.query.sla(actor, id);
  }

  @Get(':id/attachments/:attachmentId')
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
