import { ApiProperty } from '@nestjs/swagger';
import type { ReplyTemplatesService } from '@loket/tickets';

type Listing = Awaited<ReturnType<ReplyTemplatesService['list']>>;
type Template = Awaited<ReturnType<ReplyTemplatesService['get']>>;
type Filled = Awaited<ReturnType<ReplyTemplatesService['fill']>>;

/** A canned reply as the caller sees it. */
export class ReplyTemplateResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Dokumen SK belum ditandatangani' }) title: string;
  @ApiProperty({ description: 'Teks dengan penanda {{...}}' }) body: string;
  @ApiProperty({ description: 'Templat nasional (Kantor Pusat)' }) national: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Kantor pemilik; null untuk templat nasional' })
  office: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
  @ApiProperty({ description: 'Pemanggil boleh mengubah dan menghapusnya' }) editable: boolean;
}

export class ReplyTemplateScopeResponse {
  @ApiProperty({ description: 'Boleh membuat templat nasional' }) national: boolean;
  @ApiProperty({ type: [String], description: 'Kantor (id) tempat boleh membuat templat kantor' }) officeIds: string[];
}

export class ReplyTemplateListResponse {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Penanda yang tersedia dan artinya',
    example: { nama_satker: 'Nama satker yang mengajukan' },
  })
  placeholders: Record<string, string>;
  @ApiProperty({ type: [ReplyTemplateResponse] }) items: ReplyTemplateResponse[];
  @ApiProperty({ type: ReplyTemplateScopeResponse }) canCreate: ReplyTemplateScopeResponse;
}

export class FilledReplyTemplateResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Teks dengan nilai tiket di tempat penandanya' }) text: string;
}

export const replyTemplateResponse = (t: Template): ReplyTemplateResponse => ({
  id: t.id,
  title: t.title,
  body: t.body,
  national: t.national,
  office: t.office,
  updatedAt: t.updatedAt,
  editable: t.editable,
});

export const replyTemplateListResponse = (l: Listing): ReplyTemplateListResponse => ({
  placeholders: { ...l.placeholders },
  items: l.items.map(replyTemplateResponse),
  canCreate: { national: l.canCreate.national, officeIds: l.canCreate.officeIds },
});

export const filledReplyTemplateResponse = (f: Filled): FilledReplyTemplateResponse => ({
  id: f.id,
  title: f.title,
  text: f.text,
});
