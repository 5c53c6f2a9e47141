import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ServiceSettingsAdmin } from '@loket/admin';
import type { SlaPolicy, SlaRule } from '@loket/workflow';

type Summary = Awaited<ReturnType<ServiceSettingsAdmin['list']>>[number];
type Detail = Awaited<ReturnType<ServiceSettingsAdmin['show']>>;
type Version = Detail['versions'][number];

/** A target: business minutes, working days (x 450 minutes) or the SC03-1 cut-off. */
export class SlaRuleResponse {
  @ApiProperty({ enum: ['BUSINESS_MINUTES', 'WORKING_DAYS', 'SC03_CUTOFF'] }) kind: SlaRule['kind'];
  @ApiPropertyOptional({ type: 'integer', description: 'Menit kerja (BUSINESS_MINUTES)' }) minutes?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'Hari kerja (WORKING_DAYS)' }) days?: number;
}

/** One of the two: a share of the target, or business minutes before the deadline. */
export class SlaWarningResponse {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 99 }) percent?: number;
  @ApiPropertyOptional({ type: 'integer' }) minutesBefore?: number;
}

export class ServiceSettingsVersionResponse {
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ format: 'date', example: '2026-12-01' }) effectiveFrom: string;
  @ApiProperty({ type: SlaRuleResponse, nullable: true, description: 'null: tanpa target respons pertama' })
  response: SlaRuleResponse | null;
  @ApiProperty({ type: SlaRuleResponse }) resolution: SlaRuleResponse;
  @ApiProperty({ type: SlaWarningResponse }) warning: SlaWarningResponse;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class ServiceSettingsSummaryResponse {
  @ApiProperty({ example: 'PERTANYAAN' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: ServiceSettingsVersionResponse, description: 'Versi yang berlaku hari ini (WIB)' })
  inForce: ServiceSettingsVersionResponse;
  @ApiProperty({ type: [ServiceSettingsVersionResponse], description: 'Versi terjadwal, paling awal lebih dulu' })
  scheduled: ServiceSettingsVersionResponse[];
}

export class ServiceSettingsDetailResponse extends ServiceSettingsSummaryResponse {
  @ApiProperty({ type: [ServiceSettingsVersionResponse], description: 'Semua versi' })
  versions: ServiceSettingsVersionResponse[];
}

const rule = (r: SlaRule): SlaRuleResponse =>
  r.kind === 'BUSINESS_MINUTES'
    ? { kind: r.kind, minutes: r.minutes }
    : r.kind === 'WORKING_DAYS'
      ? { kind: r.kind, days: r.days }
      : { kind: r.kind };

const warning = (w: SlaPolicy['warning']): SlaWarningResponse =>
  'percent' in w ? { percent: w.percent } : { minutesBefore: w.minutesBefore };

export const serviceSettingsVersionResponse = (v: Version): ServiceSettingsVersionResponse => ({
  version: v.version,
  effectiveFrom: v.effectiveFrom,
  response: v.response && rule(v.response),
  resolution: rule(v.resolution),
  warning: warning(v.warning),
  reason: v.reason,
  createdAt: v.createdAt,
});

export const serviceSettingsSummaryResponse = (s: Summary): ServiceSettingsSummaryResponse => ({
  code: s.code,
  title: s.title,
  inForce: serviceSettingsVersionResponse(s.inForce),
  scheduled: s.scheduled.map(serviceSettingsVersionResponse),
});

export const serviceSettingsDetailResponse = (d: Detail): ServiceSettingsDetailResponse => ({
  ...serviceSettingsSummaryResponse(d),
  versions: d.versions.map(serviceSettingsVersionResponse),
});
