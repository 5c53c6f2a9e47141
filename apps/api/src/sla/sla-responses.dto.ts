import { ApiProperty } from '@nestjs/swagger';
import type { JsonPieces, SlaReports } from '@loket/sla';

const FREE_OBJECT = { type: 'object', additionalProperties: true } as const;

export class PeriodDto {
  @ApiProperty({ example: '2026-01-01' }) from: string;
  @ApiProperty({ example: '2027-01-01', description: 'eksklusif' }) to: string;
}

export class OfficeNameDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class BreachDto {
  @ApiProperty({ format: 'uuid' }) ticketId: string;
  @ApiProperty() number: string;
  @ApiProperty() service: string;
  @ApiProperty() office: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ enum: ['RESPONSE', 'RESOLUTION'] }) clock: string;
  @ApiProperty({ required: false }) cycle?: number;
  @ApiProperty() dueAt: Date;
  @ApiProperty({ type: Date, nullable: true }) stoppedAt: Date | null;
  @ApiProperty() breachedAt: Date;
  @ApiProperty({ type: String, nullable: true }) agent: string | null;
}

export class SlaReportDto {
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty({ type: [OfficeNameDto] }) offices: OfficeNameDto[];
  @ApiProperty({
    type: 'array',
    items: FREE_OBJECT,
    description: 'Per bulan dan layanan (dengan baris ringkasan): jumlah, capaian SLA, persentil waktu',
  })
  rows: Record<string, unknown>[];
  @ApiProperty({ description: 'Baris per petugas (rollupLevel 0) ikut dalam rows' }) agentRows: boolean;
  @ApiProperty({ type: 'array', items: FREE_OBJECT, description: 'Tiket terbuka per kantor dan layanan menurut umur' })
  backlog: Record<string, unknown>[];
  @ApiProperty({ type: [BreachDto], description: 'Pelanggaran SLA terbaru' }) breaches: BreachDto[];
  @ApiProperty({ description: 'Ada pelanggaran lain yang tidak ditampilkan' }) moreBreaches: boolean;
}

type ReportJson = Awaited<ReturnType<SlaReports['reportJson']>>;

/** JSON in pieces as one UTF-8 buffer, outside the collected heap, each piece written straight into it. */
function utf8(pieces: JsonPieces): Buffer {
  const buffer = Buffer.allocUnsafe(pieces.reduce((length, piece) => length + Buffer.byteLength(piece), 0));
  let at = 0;
  for (const piece of pieces) at += buffer.write(piece, at);
  return buffer;
}

/**
 * The report as the API answers it (SlaReportDto), as UTF-8 JSON in SlaReportDto's key order: the
 * rows and breaches written in as PostgreSQL wrote them (no parse, no writing again, no joined
 * string: a national year is megabytes of rows), the small rest written by JSON.stringify.
 */
export function slaReportJson(r: ReportJson): Buffer {
  const fields: Record<keyof SlaReportDto, JsonPieces> = {
    period: [JSON.stringify({ from: r.period.from, to: r.period.to })],
    offices: [JSON.stringify(r.offices)],
    rows: r.rowsJson,
    agentRows: [JSON.stringify(r.agentRows)],
    backlog: [JSON.stringify(r.backlog)],
    breaches: [r.breachesJson],
    moreBreaches: [JSON.stringify(r.moreBreaches)],
  };
  const pieces = Object.entries(fields).flatMap(([key, value], i) => [`${i ? ',' : '{'}"${key}":`, ...value]);
  return utf8([...pieces, '}']);
}

export class CalendarViewDto {
  @ApiProperty({ example: 'STANDAR-WITA' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'Asia/Makassar' }) timeZone: string;
  @ApiProperty({ ...FREE_OBJECT, description: 'Hari ISO (1=Senin) -> [[menitMulai, menitSelesai], ...]' })
  weekly: Record<string, unknown>;
  @ApiProperty() version: number;
  @ApiProperty() updatedAt: Date;
}

/** A calendars row (calendar-admin.ts list: code, name, timeZone, weekly, version, updatedAt). */
export const toCalendarView = (row: unknown): CalendarViewDto => {
  const r = row as CalendarViewDto;
  return {
    code: r.code,
    name: r.name,
    timeZone: r.timeZone,
    weekly: r.weekly,
    version: r.version,
    updatedAt: r.updatedAt,
  };
};

export class CalendarVersionDto {
  @ApiProperty() code: string;
  @ApiProperty() version: number;
}

export class CalendarChangeResultDto {
  @ApiProperty({ type: [CalendarVersionDto], description: 'Kalender yang berubah, dengan versi barunya' })
  calendars: CalendarVersionDto[];
  @ApiProperty({ description: 'Jam SLA tiket terbuka yang dihitung ulang' }) clocksRecomputed: number;
}
