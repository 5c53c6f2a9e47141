import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { WeeklyWindows } from '@loket/sla';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ReportQuery {
  @ApiProperty({ example: '2026-01-01' }) @Matches(DATE) from: string;
  @ApiProperty({ example: '2027-01-01', description: 'eksklusif' }) @Matches(DATE) to: string;
  @ApiPropertyOptional({ enum: ['json', 'csv'] }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Sertakan baris per petugas. Bawaan: ya untuk cakupan satu kantor, tidak untuk Kanwil atau nasional.',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  agents?: 'true' | 'false';
}

export class HolidayDto {
  @ApiProperty({ example: '2026-12-31' }) @Matches(DATE) date: string;
  @ApiProperty() @IsString() @MaxLength(200) name: string;
  @ApiProperty({ enum: ['LIBUR_NASIONAL', 'CUTI_BERSAMA', 'LOKAL'] })
  @IsIn(['LIBUR_NASIONAL', 'CUTI_BERSAMA', 'LOKAL'])
  kind: 'LIBUR_NASIONAL' | 'CUTI_BERSAMA' | 'LOKAL';
  @ApiPropertyOptional({ description: 'Kode kalender untuk libur lokal' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  calendarCode?: string;
}

export class WeeklyDto {
  @ApiProperty({ description: 'Hari ISO (1=Senin) -> [[menitMulai, menitSelesai], ...]' })
  @IsObject()
  weekly: WeeklyWindows;
}

export class OverrideDto extends WeeklyDto {
  @ApiProperty({ example: 'Jam layanan Ramadan 1448 H' }) @IsString() @MaxLength(200) name: string;
  @ApiProperty() @Matches(DATE) from: string;
  @ApiProperty() @Matches(DATE) to: string;
}

export class SuspensionDto {
  @ApiPropertyOptional({ description: 'Kosong: semua kalender' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  calendarCode?: string;
  @ApiProperty() @IsDateString() startsAt: string;
  @ApiProperty() @IsDateString() endsAt: string;
  @ApiProperty() @IsString() @MaxLength(500) reason: string;
}

export class CalendarDto {
  @ApiProperty({ example: 'KPPN-134' }) @Matches(/^[A-Z0-9.-]{2,40}$/) code: string;
  @ApiProperty() @IsString() @MaxLength(200) name: string;
  @ApiProperty({ description: 'Kode kantor yang memakai kalender ini' }) @IsString() @MaxLength(40) officeCode: string;
  @ApiProperty({ example: 'STANDAR-WITA', description: 'Kalender yang disalin' })
  @IsString()
  @MaxLength(40)
  copyOf: string;
}
