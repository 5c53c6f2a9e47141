import { ApiProperty } from '@nestjs/swagger';
import type { documentView, RatingSummary } from '@loket/kb';

/** "Apakah artikel ini membantu?": the votes and their average. */
export class KbRatingResponse {
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiProperty({ type: Number, nullable: true, example: 4.5, description: 'Satu desimal; null sebelum suara pertama' })
  average: number | null;
}

export class KbOfficeResponse {
  @ApiProperty({ example: 'KPPN-201' }) code: string;
  @ApiProperty({ example: 'KPPN Jayapura' }) name: string;
}

/** A juknis PDF attached to an article. */
export class KbDocumentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'juknis-myintress.pdf' }) name: string;
  @ApiProperty({ example: 'application/pdf' }) contentType: string;
  @ApiProperty({ type: 'integer' }) sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 (heksadesimal)' }) sha256: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export const kbRatingResponse = (r: RatingSummary): KbRatingResponse => ({ count: r.count, average: r.average });

export const kbDocumentResponse = (d: ReturnType<typeof documentView>): KbDocumentResponse => ({
  id: d.id,
  name: d.name,
  contentType: d.contentType,
  sizeBytes: d.sizeBytes,
  sha256: d.sha256,
  createdAt: d.createdAt,
});

/** The document downloads: the stored PDF as it was uploaded. */
export const PDF_DOWNLOAD = {
  description: 'Berkas PDF (unduhan)',
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
} as const;
