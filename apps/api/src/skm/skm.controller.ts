import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, type Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { supervisorScopeOf } from '@loket/sla';
import { questionnaire, skmCsv, SkmReports, SkmSurveyService, type Semester } from '@loket/skm';
import { downloadHeaders } from '../tickets/download';
import { SkmAnswersDto, SkmReportQuery } from './skm.dto';
import {
  skmOfferResponse,
  SkmOfferResponse,
  skmPendingResponse,
  SkmPendingResponse,
  skmQuestionnaireResponse,
  SkmQuestionnaireResponse,
  skmReportResponse,
  SkmReportResponse,
  skmSkippedResponse,
  SkmSkippedResponse,
  skmSubmittedResponse,
  SkmSubmittedResponse,
} from './skm.response';
import { ApiErrors } from '../http/api-docs';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => fail('TICKET_NOT_FOUND') });

/** The SKM survey of PermenPANRB 14/2017: the questionnaire, answering or skipping it per closed ticket, and the IKM report. */
@ApiTags('skm')
@ApiBearerAuth()
@Controller('skm')
export class SkmController {
  constructor(
    private readonly survey: SkmSurveyService,
    private readonly reports: SkmReports,
  ) {}

  @Get('kuesioner')
  @ApiOperation({ summary: 'Sembilan unsur, skala 1-4 dengan label jawabannya, dan data responden' })
  @ApiOkResponse({ type: SkmQuestionnaireResponse })
  @ApiErrors('UNAUTHENTICATED')
  definition(): SkmQuestionnaireResponse {
    return skmQuestionnaireResponse(questionnaire());
  }

  @Get('tawaran')
  @ApiOperation({ summary: 'Tiket satker yang selesai semester ini dan menunggu survei' })
  @ApiOkResponse({ type: [SkmPendingResponse] })
  @ApiErrors('UNAUTHENTICATED')
  async pending(@CurrentActor() actor: Actor): Promise<SkmPendingResponse[]> {
    return (await this.survey.pending(actor, 20)).map(skmPendingResponse);
  }

  @Get('tiket/:id')
  @ApiOperation({ summary: 'Apakah survei tiket ini ditawarkan (OFFERED) atau mengapa tidak' })
  @ApiOkResponse({ type: SkmOfferResponse })
  @ApiErrors('UNAUTHENTICATED', 'TICKET_NOT_FOUND')
  async offer(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<SkmOfferResponse> {
    return skmOfferResponse(await this.survey.offer(actor, id));
  }

  @Post('tiket/:id/jawaban')
  @ApiOperation({
    summary:
      'Mengisi survei untuk tiket yang selesai/ditolak/ditutup; 409 bila sudah diisi (tiket ini, atau layanan ini semester ini)',
  })
  @ApiCreatedResponse({ type: SkmSubmittedResponse })
  @ApiErrors(
    'UNAUTHENTICATED',
    'VALIDATION_FAILED',
    'TICKET_NOT_FOUND',
    'SKM_NOT_PERMITTED',
    'SKM_NOT_OPEN',
    'SKM_ALREADY_ANSWERED',
    'SKM_PERIOD_ANSWERED',
  )
  async submit(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: SkmAnswersDto,
  ): Promise<SkmSubmittedResponse> {
    return skmSubmittedResponse(await this.survey.submit(actor, id, { ...dto }));
  }

  @Post('tiket/:id/lewati')
  @HttpCode(200)
  @ApiOperation({ summary: 'Melewati survei tiket ini (diingat; survei tidak wajib)' })
  @ApiOkResponse({ type: SkmSkippedResponse })
  @ApiErrors('UNAUTHENTICATED', 'TICKET_NOT_FOUND', 'SKM_NOT_PERMITTED', 'SKM_NOT_OPEN', 'SKM_ALREADY_ANSWERED')
  async skip(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<SkmSkippedResponse> {
    return skmSkippedResponse(await this.survey.skip(actor, id));
  }

  @Get('laporan')
  @ApiProduces('application/json', 'text/csv')
  @ApiExtraModels(SkmReportResponse)
  @ApiOkResponse({
    description: 'JSON, atau dengan `format=csv` unduhan CSV (UTF-8 dengan BOM, judul kolom berbahasa Indonesia)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(SkmReportResponse) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @ApiOperation({
    summary: 'NRR per unsur, IKM (25-100), mutu dan kinerja per kantor, layanan dan periode, dalam cakupan supervisor',
  })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'NOT_A_SUPERVISOR', 'INVALID_PERIOD')
  async report(
    @CurrentActor() actor: Actor,
    @Query() q: SkmReportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SkmReportResponse | string> {
    const report = await this.reports.report(supervisorScopeOf(actor.staff), {
      year: Number(q.tahun),
      semester: q.semester ? (Number(q.semester) as Semester) : null,
    });
    if (q.format !== 'csv') return skmReportResponse(report);
    res.set(
      downloadHeaders(`laporan-skm-${q.tahun}${q.semester ? `-s${q.semester}` : ''}.csv`, 'text/csv; charset=utf-8'),
    );
    return skmCsv(report);
  }
}
