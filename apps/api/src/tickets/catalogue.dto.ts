import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FormFieldDto {
  @ApiProperty({ example: 'perihal' }) name: string;
  @ApiProperty({ enum: ['text', 'nik', 'email', 'phone', 'id', 'choice', 'list'] }) kind: string;
  @ApiProperty() label: string;
  @ApiPropertyOptional({ description: 'Semua kecuali list' }) required?: boolean;
  @ApiPropertyOptional({ description: 'text' }) maxLength?: number;
  @ApiPropertyOptional({ type: [String], description: 'choice' }) options?: string[];
  @ApiPropertyOptional({ description: 'list' }) minItems?: number;
  @ApiPropertyOptional({ description: 'list' }) maxItems?: number;
  @ApiPropertyOptional({ type: () => [FormFieldDto], description: 'list: isian setiap butir' }) item?: FormFieldDto[];
}

export class AttachmentSpecDto {
  @ApiProperty({ example: 'SK_PENUNJUKAN' }) kind: string;
  @ApiProperty() label: string;
  @ApiProperty() required: boolean;
  @ApiProperty({ type: [String], enum: ['pdf', 'image'] }) accept: string[];
  @ApiProperty() maxBytes: number;
}

export class ServiceDto {
  @ApiProperty({ example: 'MYINTRESS_DAFTAR_KPPN' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ description: '{satkerName} dan {satkerCode} diisi dari satker pengaju' }) subjectPattern: string;
  @ApiProperty({ type: [FormFieldDto] }) form: FormFieldDto[];
  @ApiProperty({ type: [AttachmentSpecDto] }) attachments: AttachmentSpecDto[];
  @ApiProperty({ type: [String], enum: ['SATKER'], description: 'Kosong: diajukan oleh sistem' }) filedBy: string[];
  @ApiProperty({ description: 'Pemanggil dapat mengajukan layanan ini sekarang' }) canFile: boolean;
}
