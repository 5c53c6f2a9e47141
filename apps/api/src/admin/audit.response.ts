import { ApiProperty } from '@nestjs/swagger';
import type { AuditRow } from '@loket/admin';

const JSON_VALUE = { type: 'object', additionalProperties: true, nullable: true } as const;

/** One audit entry; every NIK in it is masked. */
export class AuditEntryResponse {
  @ApiProperty({ example: '1042', description: 'Nomor urut entri (kursor `before`)' }) id: string;
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: sistem' }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true, example: '9171********0004' }) actorNik: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ type: String, nullable: true }) officeCode: string | null;
  @ApiProperty({ type: String, nullable: true }) officeName: string | null;
  @ApiProperty({ example: 'SATKER_MOVED' }) action: string;
  @ApiProperty({ example: 'SATKER' }) entityType: string;
  @ApiProperty({ example: '679613' }) entityKey: string;
  @ApiProperty({ ...JSON_VALUE, description: 'Data sebelum perubahan' }) before: unknown;
  @ApiProperty({ ...JSON_VALUE, description: 'Data sesudah perubahan' }) after: unknown;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse], description: 'Terbaru lebih dulu' }) items: AuditEntryResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Nilai `before` untuk halaman berikutnya; null: habis' })
  nextCursor: string | null;
}

const entry = (r: AuditRow): AuditEntryResponse => ({
  id: r.id,
  at: r.at,
  actorId: r.actorId,
  actorNik: r.actorNik,
  actorName: r.actorName,
  officeCode: r.officeCode,
  officeName: r.officeName,
  action: r.action,
  entityType: r.entityType,
  entityKey: r.entityKey,
  before: r.before,
  after: r.after,
  reason: r.reason,
});

export const auditPageResponse = (p: { items: AuditRow[]; nextCursor: string | null }): AuditPageResponse => ({
  items: p.items.map(entry),
  nextCursor: p.nextCursor,
});
