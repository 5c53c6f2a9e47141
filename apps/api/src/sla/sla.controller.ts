import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { OfficeCalendars } from '@loket/admin';
import { CurrentActor, type Actor } from '@loket/auth';
import { CalendarAdmin, SlaReports, slaReportCsv, slaReportFileName, supervisorScopeOf } from '@loket/sla';
import { Catalogue } from '@loket/workflow';
import { downloadHeaders } from '../tickets/download';
import { ApiCreated, ApiErrors, ApiOk, ApiSuccess } from '../http/api-docs';
import { CalendarDto, HolidayDto, OverrideDto, ReportQuery, SuspensionDto, WeeklyDto } from './sla.dto';
import {
  CalendarChangeResultDto,
  CalendarViewDto,
  SlaReportDto,
  slaReportJson,
  toCalendarView,
} from './sla-responses.dto';

/** What a calendar change can be refused for (office-calendars.ts, calendar-admin.ts). */
const CalendarErrors = () =>
  ApiErrors(
    'UNAUTHENTICATED',
    'VALIDATION_FAILED',
    'NOT_AN_ADMIN',
    'OFFICE_NOT_FOUND',
    'CALENDAR_NOT_FOUND',
    'CALENDAR_EXISTS',
    'INVALID_HOLIDAY',
    'INVALID_WEEKLY_WINDOWS',
    'INVALID_CALENDAR_CHANGE',
  );

@ApiTags('sla')
@ApiBearerAuth()
@Controller()
export class SlaController {
  constructor(
    private readonly reports: SlaReports,
    private readonly admin: CalendarAdmin,
    private readonly officeCalendars: OfficeCalendars,
    private readonly catalogue: Catalogue,
  ) {}

  @Get('reports/sla')
  @ApiOperation({ summary: 'Laporan capaian SLA dalam cakupan supervisor (JSON, atau CSV dengan format=csv)' })
  @ApiSuccess(200, { json: SlaReportDto, files: ['text/csv'], description: 'Laporan; text/csv bila format=csv' })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'NOT_A_SUPERVISOR', 'INVALID_PERIOD')
  async report(
    @CurrentActor() actor: Actor,
    @Query() q: ReportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile | string> {
    const scope = supervisorScopeOf(actor.staff);
    const agentRows = q.agents === undefined ? undefined : q.agents === 'true';
    const period = { from: q.from, to: q.to };
    if (q.format !== 'csv') {
      // Already JSON (slaReportJson): sent as it is, not written again by Nest.
      const json = slaReportJson(await this.reports.reportJson(scope, period, { agentRows }));
      return new StreamableFile(json, { type: 'application/json; charset=utf-8' });
    }
    const report = await this.reports.report(scope, period, { agentRows });
    res.set(downloadHeaders(slaReportFileName(q.from, q.to), 'text/csv; charset=utf-8'));
    return slaReportCsv(report, new Map(this.catalogue.list().map((s) => [s.code, s.title])));
  }

  @Get('calendars')
  @ApiOperation({ summary: 'Kalender layanan dengan jam mingguannya' })
  @ApiOk([CalendarViewDto])
  @ApiErrors('UNAUTHENTICATED')
  async calendars(): Promise<CalendarViewDto[]> {
    return (await this.admin.list()).map(toCalendarView);
  }

  @Post('calendars')
  @ApiOperation({ summary: 'Kalender baru untuk satu kantor, salinan kalender lain' })
  @ApiCreated(CalendarChangeResultDto)
  @CalendarErrors()
  create(@CurrentActor() actor: Actor, @Body() d: CalendarDto) {
    return this.officeCalendars.applyScoped(actor, {
      change: 'CALENDAR_CREATED',
      calendarCode: d.code,
      name: d.name,
      officeCode: d.officeCode,
      copyOf: d.copyOf,
    });
  }

  @Post('calendars/holidays')
  @ApiOperation({ summary: 'Menambah hari libur (nasional, cuti bersama, atau lokal satu kalender)' })
  @ApiCreated(CalendarChangeResultDto)
  @CalendarErrors()
  addHoliday(@CurrentActor() actor: Actor, @Body() d: HolidayDto) {
    return this.officeCalendars.applyScoped(actor, {
      change: 'HOLIDAY_ADDED',
      calendarCode: d.calendarCode ?? null,
      date: d.date,
      name: d.name,
      kind: d.kind,
    });
  }

  @Delete('calendars/holidays/:date')
  @ApiOperation({ summary: 'Menghapus hari libur' })
  @ApiOk(CalendarChangeResultDto)
  @CalendarErrors()
  removeHoliday(
    @CurrentActor() actor: Actor,
    @Param('date') date: string,
    @Query('calendarCode') calendarCode?: string,
  ) {
    return this.officeCalendars.applyScoped(actor, {
      change: 'HOLIDAY_REMOVED',
      calendarCode: calendarCode ?? null,
      date,
    });
  }

  @Put('calendars/:code/weekly')
  @ApiOperation({ summary: 'Mengganti jam layanan mingguan kalender' })
  @ApiOk(CalendarChangeResultDto)
  @CalendarErrors()
  weekly(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() d: WeeklyDto) {
    return this.officeCalendars.applyScoped(actor, { change: 'WEEKLY_CHANGED', calendarCode: code, weekly: d.weekly });
  }

  @Post('calendars/:code/overrides')
  @ApiOperation({ summary: 'Jam layanan khusus untuk rentang tanggal (mis. Ramadan)' })
  @ApiCreated(CalendarChangeResultDto)
  @CalendarErrors()
  override(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() d: OverrideDto) {
    return this.officeCalendars.applyScoped(actor, {
      change: 'OVERRIDE_ADDED',
      calendarCode: code,
      name: d.name,
      from: d.from,
      to: d.to,
      weekly: d.weekly,
    });
  }

  @Post('calendars/suspensions')
  @ApiOperation({ summary: 'Penghentian layanan sementara (jam SLA tidak berjalan)' })
  @ApiCreated(CalendarChangeResultDto)
  @CalendarErrors()
  suspend(@CurrentActor() actor: Actor, @Body() d: SuspensionDto) {
    return this.officeCalendars.applyScoped(actor, {
      change: 'SUSPENSION_DECLARED',
      calendarCode: d.calendarCode ?? null,
      startsAt: new Date(d.startsAt),
      endsAt: new Date(d.endsAt),
      reason: d.reason,
    });
  }
}
