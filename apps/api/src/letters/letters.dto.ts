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
