import { ApiProperty } from '@nestjs/swagger';
import type { OfficeCalendarView } from '@loket/admin';
import type { WeeklyWindows } from '@loket/sla';
import { officeResponse, OfficeResponse } from './offices.response';

/** ISO weekday (1 = Senin) to its service windows in minutes after local midnight, [start, end). */
const WEEKLY = {
  type: 'object',
  description: 'Hari ISO (1=Senin) -> [[menitMulai, menitSelesai], ...]; hari tanpa isian bukan hari kerja',
  example: {
    1: [
      [450, 720],
      [780, 960],
    ],
  },
  additionalProperties: {
    type: 'array',
    items: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 },
  },
} as const;

export class OfficeCalendarInfo {
  @ApiProperty({ example: 'KANTOR-KPPN-201' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'Asia/Jayapura' }) timeZone: string;
  @ApiProperty(WEEKLY) weekly: WeeklyWindows;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ description: 'Kalender milik kantor ini saja (bukan kalender bersama)' }) own: boolean;
}

export class LocalHolidayResponse {
  @ApiProperty({ format: 'date', example: '2026-12-01' }) date: string;
  @ApiProperty() name: string;
}

export class HoursOverrideResponse {
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty(WEEKLY) weekly: WeeklyWindows;
}

export class OfficeCalendarResponse {
  @ApiProperty({ type: OfficeResponse }) office: OfficeResponse;
  @ApiProperty({ type: OfficeCalendarInfo }) calendar: OfficeCalendarInfo;
  @ApiProperty({ type: [LocalHolidayResponse], description: 'Libur lokal tahun ini dan seterusnya' })
  localHolidays: LocalHolidayResponse[];
  @ApiProperty({ type: [HoursOverrideResponse] }) overrides: HoursOverrideResponse[];
}

export class CalendarVersionResponse {
  @ApiProperty() code: string;
  @ApiProperty({ type: 'integer' }) version: number;
}

/** What a calendar change did: the calendars it touched (new versions) and the open SLA clocks it recomputed. */
export class OfficeCalendarChangeResponse {
  @ApiProperty({ type: [CalendarVersionResponse] }) calendars: CalendarVersionResponse[];
  @ApiProperty({ type: 'integer' }) clocksRecomputed: number;
}

export const officeCalendarResponse = (v: OfficeCalendarView): OfficeCalendarResponse => ({
  office: officeResponse(v.office),
  calendar: {
    code: v.calendar.code,
    name: v.calendar.name,
    timeZone: v.calendar.timeZone,
    weekly: v.calendar.weekly,
    version: v.calendar.version,
    own: v.calendar.own,
  },
  localHolidays: v.localHolidays.map((h) => ({ date: h.date, name: h.name })),
  overrides: v.overrides.map((o) => ({ name: o.name, from: o.from, to: o.to, weekly: o.weekly })),
});

export const officeCalendarChangeResponse = (r: {
  calendars: Array<{ code: string; version: number }>;
  clocksRecomputed: number;
}): OfficeCalendarChangeResponse => ({
  calendars: r.calendars.map((c) => ({ code: c.code, version: c.version })),
  clocksRecomputed: r.clocksRecomputed,
});
