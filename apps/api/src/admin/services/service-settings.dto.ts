import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const RULE = {
  description:
    'Target: {kind: BUSINESS_MINUTES, minutes} (menit kerja), {kind: WORKING_DAYS, days} (hari kerja x 450 menit) atau, ' +
    'hanya untuk layanan SC03-1, {kind: SC03_CUTOFF}',
  example: { kind: 'WORKING_DAYS', days: 2 },
};

/** A new version of a service's SLA settings; rules are rebuilt field by field by the service. */
export class ServiceSettingsDto {
  @ApiProperty({
    example: '2026-12-01',
    description: 'Tanggal mulai berlaku (waktu setempat kantor antrean); tidak boleh sebelum hari ini (WIB)',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  effectiveFrom: string;

  @ApiProperty({
    ...RULE,
    nullable: true,
    description: `${RULE.description}; null untuk layanan tanpa target respons pertama`,
  })
  @IsOptional()
  @IsObject()
  response: Record<string, unknown> | null;

  @ApiProperty(RULE) @IsObject() resolution: Record<string, unknown>;

  @ApiProperty({
    example: { percent: 75 },
    description: '{percent: 1-99} dari target, atau {minutesBefore} menit kerja sebelum batas waktu',
  })
  @IsObject()
  warning: Record<string, unknown>;

  @ApiProperty({ example: 'Penyesuaian target sesuai SOP baru' }) @IsString() @MaxLength(500) reason: string;
}
