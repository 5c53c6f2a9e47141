import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '@loket/auth';
import { KbDeflections, KbLinks } from '@loket/kb';
import { supervisorScopeOf } from '@loket/sla';
import { DeflectionDto, KbReportQuery, PickerQuery, SuggestionQuery } from './kb.dto';
import {
  kbDeflectionResponse,
  KbDeflectionResponse,
  kbPickerResponse,
  KbPickerResponse,
  kbReportResponse,
  KbReportResponse,
  kbSuggestionsResponse,
  KbSuggestionsResponse,
} from './kb-self-service.response';
import { ApiErrors } from '../http/api-docs';

/** Articles offered while filing, requests they answered, agents' article links, and the supervisor's report. */
@ApiTags('kb')
@ApiBearerAuth()
@Controller('kb')
export class KbSelfServiceController {
  constructor(
    private readonly deflections: KbDeflections,
    private readonly links: KbLinks,
  ) {}

  @Get('suggestions')
  @ApiOperation({ summary: 'Sampai 5 artikel untuk perihal yang diketik satker (atau untuk layanannya)' })
  @ApiOkResponse({ type: KbSuggestionsResponse })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'SATKER_REQUIRED')
  async suggestions(@CurrentActor() actor: Actor, @Query() q: SuggestionQuery): Promise<KbSuggestionsResponse> {
    return kbSuggestionsResponse(await this.deflections.suggestions(actor, q.layanan, q.q ?? ''));
  }

  @Post('deflections')
  @ApiOperation({ summary: '"Masalah saya terjawab": dicatat sebagai permintaan yang terjawab artikel, tanpa tiket' })
  @ApiCreatedResponse({ type: KbDeflectionResponse })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'SATKER_REQUIRED', 'UNKNOWN_SERVICE', 'ARTICLE_NOT_FOUND')
  async deflect(@CurrentActor() actor: Actor, @Body() dto: DeflectionDto): Promise<KbDeflectionResponse> {
    return kbDeflectionResponse(await this.deflections.deflect(actor, dto.layanan, dto.artikel, dto.perihal ?? null));
  }

  @Get('picker')
  @ApiOperation({ summary: 'Artikel untuk disisipkan ke balasan: judul dan alamat publik, dalam lingkup petugas' })
  @ApiOkResponse({ type: KbPickerResponse })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'NOT_STAFF')
  async picker(@CurrentActor() actor: Actor, @Query() q: PickerQuery): Promise<KbPickerResponse> {
    return kbPickerResponse(await this.links.picker(actor, q.q ?? ''));
  }

  @Get('report')
  @ApiOperation({ summary: 'Per layanan: artikel dibaca, permintaan terjawab artikel, tiket diajukan (supervisor)' })
  @ApiOkResponse({ type: KbReportResponse })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'NOT_A_SUPERVISOR', 'INVALID_PERIOD')
  async report(@CurrentActor() actor: Actor, @Query() q: KbReportQuery): Promise<KbReportResponse> {
    return kbReportResponse(await this.deflections.report(supervisorScopeOf(actor.staff), { from: q.from, to: q.to }));
  }
}
