import { ApiProperty } from '@nestjs/swagger';

const FREE_OBJECT = { type: 'object', additionalProperties: true } as const;

export class BulkErrorDto {
  @ApiProperty({ example: 'STALE_VERSION' }) code: string;
  @ApiProperty() message: string;
}

export class BulkResultDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) number: string | null;
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: String, nullable: true }) status: string | null;
  @ApiProperty({ type: Number, nullable: true }) version: number | null;
  @ApiProperty({ type: BulkErrorDto, nullable: true, description: 'Mengapa tiket ini ditolak' })
  error: BulkErrorDto | null;
}

export class BulkOutcomeDto {
  @ApiProperty() action: string;
  @ApiProperty() succeeded: number;
  @ApiProperty() failed: number;
  @ApiProperty({ type: [BulkResultDto] }) results: BulkResultDto[];
}

export class RatingResultDto {
  @ApiProperty({ format: 'uuid' }) ticketId: string;
  @ApiProperty({ enum: ['POSITIF', 'NETRAL', 'NEGATIF'] }) rating: string;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
}

export class SlaClockDto {
  @ApiProperty({ enum: ['RESPONSE', 'RESOLUTION'] }) clock: string;
  @ApiProperty({ description: '1, lalu bertambah setiap tiket dibuka kembali' }) cycle: number;
  @ApiProperty({ ...FREE_OBJECT, description: 'Aturan jam SLA, dengan uraiannya (description)' })
  rule: Record<string, unknown>;
  @ApiProperty({ enum: ['RUNNING', 'PAUSED', 'MET', 'BREACHED', 'CANCELLED'] }) state: string;
  @ApiProperty({ type: Number, nullable: true }) targetMinutes: number | null;
  @ApiProperty() usedMinutes: number;
  @ApiProperty({ type: Number, nullable: true }) leftMinutes: number | null;
  @ApiProperty({ type: Date, nullable: true }) dueAt: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'Tenggat pada jam dinding kantor' })
  dueAtLocal: string | null;
  @ApiProperty({ type: Date, nullable: true }) breachedAt: Date | null;
  @ApiProperty() breachedByMinutes: number;
}

export class TicketSlaDto {
  @ApiProperty({ format: 'uuid' }) ticketId: string;
  @ApiProperty() number: string;
  @ApiProperty({
    type: [SlaClockDto],
    description: 'Setiap jam SLA dan penjelasannya (kalender, jeda, pengaturan layanan yang berlaku)',
  })
  clocks: SlaClockDto[];
}
