import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { OfficeCalendars } from '@loket/admin';
import { CurrentActor, type Actor } from '@loket/auth';
import { OverrideDto } from '../sla/sla.dto';
import {
  officeCalendarChangeResponse,
  OfficeCalendarChangeResponse,
  officeCalendarResponse,
  OfficeCalendarResponse,
} from './office-calendar.response';
import { ApiErrors } from '../http/api-docs';

export class LocalHolidayDto {
  @ApiProperty({ example: '2026-12-01' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) date: string;
  @ApiProperty({ example: 'Hari jadi Kota Jayapura' }) @IsString() @MaxLength(200) name: string;
}

/** An office's own calendar as its admins keep it: local holidays and hour overrides. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/offices/:code/calendar')
export class OfficeCalendarController {
  constructor(private readonly calendars: OfficeCalendars) {}

  @Get()
  @ApiOperation({ summary: 'Kalender kantor: jam layanan, libur lokal tahun ini dan seterusnya, jam layanan khusus' })
  @ApiOkResponse({ type: OfficeCalendarResponse })
  @ApiErrors('UNAUTHENTICATED', 'NOT_AN_ADMIN', 'OFFICE_NOT_FOUND')
  async view(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<OfficeCalendarResponse> {
    return officeCalendarResponse(await this.calendars.view(actor, code));
  }

  @Post('holidays')
  @ApiOperation({
    summary: 'Tambah libur lokal (kantor yang masih memakai kalender bersama mendapat kalendernya sendiri lebih dulu)',
  })
  @ApiCreatedResponse({ type: OfficeCalendarChangeResponse })
  @ApiErrors(
    'UNAUTHENTICATED',
    'NOT_AN_ADMIN',
    'VALIDATION_FAILED',
    'OFFICE_NOT_FOUND',
    'INVALID_CALENDAR_CHANGE',
    'CALENDAR_EXISTS',
  )
  async addHoliday(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body() d: LocalHolidayDto,
  ): Promise<OfficeCalendarChangeResponse> {
    return officeCalendarChangeResponse(
      await this.calendars.change(actor, code, { change: 'HOLIDAY_ADDED', date: d.date, name: d.name }),
    );
  }

  @Delete('holidays/:date')
  @ApiOperation({ summary: 'Hapus libur lokal' })
  @ApiOkResponse({ type: OfficeCalendarChangeResponse })
  @ApiErrors('UNAUTHENTICATED', 'NOT_AN_ADMIN', 'OFFICE_NOT_FOUND', 'INVALID_CALENDAR_CHANGE', 'CALENDAR_EXISTS')
  async removeHoliday(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Param('date') date: string,
  ): Promise<OfficeCalendarChangeResponse> {
    return officeCalendarChangeResponse(await this.calendars.change(actor, code, { change: 'HOLIDAY_REMOVED', date }));
  }

  @Post('overrides')
  @ApiOperation({ summary: 'Tambah jam layanan khusus untuk rentang tanggal (mis. Ramadan)' })
  @ApiCreatedResponse({ type: OfficeCalendarChangeResponse })
  @ApiErrors(
    'UNAUTHENTICATED',
    'NOT_AN_ADMIN',
    'VALIDATION_FAILED',
    'OFFICE_NOT_FOUND',
    'INVALID_CALENDAR_CHANGE',
    'INVALID_WEEKLY_WINDOWS',
    'CALENDAR_EXISTS',
  )
  async addOverride(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body() d: OverrideDto,
  ): Promise<OfficeCalendarChangeResponse> {
    const change = { change: 'OVERRIDE_ADDED' as const, name: d.name, from: d.from, to: d.to, weekly: d.weekly };
    return officeCalendarChangeResponse(await this.calendars.change(actor, code, change));
  }
}
