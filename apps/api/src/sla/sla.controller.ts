import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, isNationalAdmin, type Actor } from '@loket/auth';
import { forbidden } from '@loket/common';
import { CalendarAdmin, SlaReports, slaReportCsv, slaReportFileName, supervisorScopeOf } from '@loket/sla';
import { Catalogue } from '@loket/workflow';
import { downloadHeaders } from '../tickets/download';
import { CalendarDto, HolidayDto, OverrideDto, ReportQuery, SuspensionDto, WeeklyDto } from './sla.dto';

const adminOnly = (actor: Actor): string => {
  if (!isNationalAdmin(actor)) throw forbidden('NOT_AN_ADMIN', 'Perubahan kalender hanya untuk admin Kantor Pusat.');
  return actor.personId;
};

@ApiTags('sla')
@ApiBearerAuth()
@Controller()
export class SlaController {
  constructor(
    private readonly reports: SlaReports,
    private readonly admin: CalendarAdmin,
    private readonly catalogue: Catalogue,
  ) {}

  @Get('reports/sla')
  async report(@CurrentActor() actor: Actor, @Query() q: ReportQuery, @Res({ passthrough: true }) res: Response) {
    const scope = supervisorScopeOf(actor.staff);
    const report = await this.reports.report(scope, { from: q.from, to: q.to });
    if (q.format !== 'csv') return report;
    res.set(downloadHeaders(slaReportFileName(q.from, q.to), 'text/csv; charset=utf-8'));
    return slaReportCsv(report, new Map(this.catalogue.list().map((s) => [s.code, s.title])));
  }

  @Get('calendars')
  calendars() {
    return this.admin.list();
  }

  @Post('calendars')
  create(@CurrentActor() actor: Actor, @Body() d: CalendarDto) {
    return this.admin.apply({ change: 'CALENDAR_CREATED', calendarCode: d.code, name: d.name, officeCode: d.officeCode, copyOf: d.copyOf }, adminOnly(actor));
  }

  @Post('calendars/holidays')
  addHoliday(@CurrentActor() actor: Actor, @Body() d: HolidayDto) {
    return this.admin.apply({ change: 'HOLIDAY_ADDED', calendarCode: d.calendarCode ?? null, date: d.date, name: d.name, kind: d.kind }, adminOnly(actor));
  }

  @Delete('calendars/holidays/:date')
  removeHoliday(@CurrentActor() actor: Actor, @Param('date') date: string, @Query('calendarCode') calendarCode?: string) {
    return this.admin.apply({ change: 'HOLIDAY_REMOVED', calendarCode: calendarCode ?? null, date }, adminOnly(actor));
  }

  @Put('calendars/:code/weekly')
  weekly(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() d: WeeklyDto) {
    return this.admin.apply({ change: 'WEEKLY_CHANGED', calendarCode: code, weekly: d.weekly }, adminOnly(actor));
  }

  @Post('calendars/:code/overrides')
  override(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() d: OverrideDto) {
    return this.admin.apply({ change: 'OVERRIDE_ADDED', calendarCode: code, name: d.name, from: d.from, to: d.to, weekly: d.weekly }, adminOnly(actor));
  }

  @Post('calendars/suspensions')
  suspend(@CurrentActor() actor: Actor, @Body() d: SuspensionDto) {
    return this.admin.apply({
      change: 'SUSPENSION_DECLARED', calendarCode: d.calendarCode ?? null, startsAt: new Date(d.startsAt), endsAt: new Date(d.endsAt), reason: d.reason,
    }, adminOnly(actor));
  }
}
