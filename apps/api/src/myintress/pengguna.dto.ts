import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

// Shapes only; the rules of each field (NIK structure, phone, e-mail) are the registry's and answer
// with field-level codes.
export class CariDto {
  @ApiProperty({ description: 'NIK 16 digit sebagai teks' })
  @IsString()
  @MaxLength(32)
  nik: string;
}

export class TambahPenggunaDto extends CariDto {
  @ApiProperty() @IsString() @MaxLength(200) nama: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60) nip?: string;
  @ApiProperty() @IsString() @MaxLength(40) telepon: string;
  @ApiProperty() @IsString() @MaxLength(254) email: string;
  @ApiProperty({ description: 'Nomor SK/ST/ND penunjukan' }) @IsString() @MaxLength(200) nomorSk: string;
}

export class NonaktifkanDto {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(1000) alasan: string;
}
