import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { OfficeCalendars } from '@loket/admin';
import { CurrentActor, type Actor } from '@loket/auth';
import { CalendarAdmin, SlaReports, slaReportCsv, slaReportFileName, supervisorScopeOf } from '@loket/sla';
import { Catalogue } from '@loket/workflow';
import { downloadHeaders } from '../tickets/download';
import { CalendarDto, HolidayDto, OverrideDto, ReportQuery, SuspensionDto, WeeklyDto } from './sla.dto';

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
    return this.officeCalendars.applyScoped(actor, {
      change: 'CALENDAR_CREATED',
      calendarCode: d.code,
      name: d.name,
      officeCode: d.officeCode,
      copyOf: d.copyOf,
    });
  }

  @Post('calendars/holidays')
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
  weekly(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() d: WeeklyDto) {
    return this.officeCalendars.applyScoped(actor, { change: 'WEEKLY_CHANGED', calendarCode: code, weekly: d.weekly });
  }

  @Post('calendars/:code/overrides')
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
