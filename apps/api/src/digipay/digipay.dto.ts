import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

// Shapes only; NIK, NIB, NPWP, phone and e-mail rules live in the registry and answer per field.
export class DigipayPersonDto {
  @ApiProperty() @IsString() @MaxLength(32) nik: string;
  @ApiProperty() @IsString() @MaxLength(120) nama: string;
  @ApiProperty() @IsString() @MaxLength(254) email: string;
  @ApiProperty() @IsString() @MaxLength(40) telepon: string;
}

export class DigipayUserDto extends DigipayPersonDto {
  @ApiProperty({
    description: 'PPK, PEMESAN, PEJABAT_PENGADAAN, PENERIMA, BENDAHARA (satker); STAF_VENDOR, KURIR_VENDOR (vendor)',
  })
  @IsString()
  @MaxLength(40)
  role: string;
}

export class VendorDto {
  @ApiProperty() @IsString() @MaxLength(200) nama: string;
  @ApiProperty({ description: 'NIB 13 digit' }) @IsString() @MaxLength(20) nib: string;
  @ApiProperty({ description: 'NPWP 15/16 digit' }) @IsString() @MaxLength(25) npwp: string;
  @ApiProperty() @IsString() @MaxLength(60) tdp: string;
  @ApiProperty() @IsString() @MaxLength(60) skkpp: string;
  @ApiProperty() @IsString() @MaxLength(40) telepon: string;
  @ApiProperty() @IsString() @MaxLength(254) email: string;
  @ApiProperty({ type: DigipayPersonDto }) @ValidateNested() @Type(() => DigipayPersonDto) admin: DigipayPersonDto;
}

export class ProgressQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) tertinggal?: string;
}

export class DigipayUserCreatedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'PPK' }) role: string;
}

export class VendorCreatedDto {
  @ApiProperty({ format: 'uuid' }) vendorId: string;
  @ApiProperty({ format: 'uuid', description: 'Pengguna admin vendor' }) adminUserId: string;
}

export class SatkerProgressDto {
  @ApiProperty() kodeSatker: string;
  @ApiProperty() namaSatker: string;
  @ApiProperty() adminTerdaftar: boolean;
  @ApiProperty({ description: 'Dari 5 peran satker' }) peranSatkerTerisi: number;
  @ApiProperty() jumlahVendor: number;
  @ApiProperty() jumlahTransaksi: number;
  @ApiProperty({ description: 'Belum lengkap: admin, 5 peran, vendor atau transaksi' }) tertinggal: boolean;
}

/** A progress row (registry digipay.ts progress), as the API shows it. */
export const toSatkerProgress = (row: unknown): SatkerProgressDto => {
  const r = row as SatkerProgressDto;
  return {
    kodeSatker: r.kodeSatker,
    namaSatker: r.namaSatker,
    adminTerdaftar: r.adminTerdaftar,
    peranSatkerTerisi: r.peranSatkerTerisi,
    jumlahVendor: r.jumlahVendor,
    jumlahTransaksi: r.jumlahTransaksi,
    tertinggal: r.tertinggal,
  };
};

export class ImportedDto {
  @ApiProperty({ description: 'Baris transaksi yang diimpor' }) imported: number;
}
