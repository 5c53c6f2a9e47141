import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class SignerDto {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(120) nama: string;
  @ApiProperty() @IsString() @MaxLength(30) nip: string;
  @ApiProperty({ example: 'Kepala Kantor' }) @IsString() @MaxLength(120) jabatan: string;
}

export class ReplyLetterDto {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(300) hal: string;
  @ApiProperty({ example: 'Biasa' }) @IsString() @MaxLength(40) sifat: string;
  @ApiProperty({ example: '-' }) @IsString() @MaxLength(80) lampiran: string;
  @ApiProperty({ example: 'Kuasa Pengguna Anggaran' }) @IsString() @MaxLength(200) yth: string;
  @ApiProperty({ description: 'Isi surat; paragraf dipisahkan baris kosong' })
  @IsString()
  @MinLength(3)
  @MaxLength(20000)
  isi: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  tembusan: string[];
  @ApiProperty({ type: SignerDto }) @ValidateNested() @Type(() => SignerDto) penandatangan: SignerDto;
}

export class SkUserDto {
  @ApiProperty() @IsString() @MaxLength(16) nik: string;
  @ApiProperty() @IsString() @MaxLength(120) nama: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(30) nip?: string;
  @ApiProperty() @IsString() @MaxLength(30) telepon: string;
  @ApiProperty() @IsString() @MaxLength(254) email: string;
  @ApiProperty() @IsString() @MaxLength(80) peran: string;
}

export class SkPenunjukanDto {
  @ApiProperty({ type: [SkUserDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SkUserDto)
  pengguna: SkUserDto[];
}

export class PenghapusanDocDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  membershipIds: string[];
}

export class FormatQuery {
  @ApiPropertyOptional({ enum: ['pdf', 'html'] }) @IsOptional() @IsIn(['pdf', 'html']) format?: 'pdf' | 'html';
}

export class LetterDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'tanggapan' }) template: string;
  @ApiProperty({ description: 'Nomor surat' }) number: string;
  @ApiProperty() htmlSha256: string;
  @ApiProperty({ type: String, nullable: true, description: 'null sampai PDF pertama kali dibuat' })
  pdfSha256: string | null;
  @ApiProperty() createdAt: Date;
}

/** A stored letter's row, as the API shows it. */
export const toLetter = (row: LetterDto): LetterDto => ({
  id: row.id,
  template: row.template,
  number: row.number,
  htmlSha256: row.htmlSha256,
  pdfSha256: row.pdfSha256,
  createdAt: row.createdAt,
});

export class OutboxItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() topic: string;
  @ApiProperty() recipient: string;
  @ApiProperty({ enum: ['PENDING', 'SENT', 'FAILED'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty() nextAttemptAt: Date;
  @ApiProperty({ type: Date, nullable: true }) sentAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ticketId: string | null;
}

/** An outbox row, as the API shows it. */
export const toOutboxItem = (row: OutboxItemDto): OutboxItemDto => ({
  id: row.id,
  topic: row.topic,
  recipient: row.recipient,
  status: row.status,
  attempts: row.attempts,
  lastError: row.lastError,
  nextAttemptAt: row.nextAttemptAt,
  sentAt: row.sentAt,
  createdAt: row.createdAt,
  ticketId: row.ticketId,
});
