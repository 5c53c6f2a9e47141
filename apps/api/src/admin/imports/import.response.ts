import { ApiProperty } from '@nestjs/swagger';
import { IMPORT_KINDS, type ImportKind, type ImportReport } from '@loket/admin';

export class ImportProblemResponse {
  @ApiProperty({ type: 'integer', description: 'Nomor baris di berkas (baris judul = 1)' }) line: number;
  @ApiProperty() problem: string;
}

/** What an import run found and did (a dry run: what the real run would do). */
export class ImportReportResponse {
  @ApiProperty({ enum: IMPORT_KINDS }) kind: ImportKind;
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ enum: [',', ';'] }) delimiter: ',' | ';';
  @ApiProperty({ type: 'integer', description: 'Baris data di berkas' }) rows: number;
  @ApiProperty({ type: [ImportProblemResponse], description: 'Setiap baris bermasalah (uji coba)' })
  problems: ImportProblemResponse[];
  @ApiProperty({ type: 'integer' }) created: number;
  @ApiProperty({ type: 'integer' }) updated: number;
  @ApiProperty({ type: 'integer' }) unchanged: number;
  @ApiProperty({ type: 'integer', description: 'created + updated (0 bila berkas yang sama diimpor lagi)' })
  changed: number;
}

export const importReportResponse = (r: ImportReport): ImportReportResponse => ({
  kind: r.kind,
  dryRun: r.dryRun,
  delimiter: r.delimiter,
  rows: r.rows,
  problems: r.problems.map((p) => ({ line: p.line, problem: p.problem })),
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
  changed: r.changed,
});
