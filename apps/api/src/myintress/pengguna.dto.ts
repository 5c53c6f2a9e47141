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

export class SatkerNameDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class PenggunaDto {
  @ApiProperty({ format: 'uuid', description: 'Id keanggotaan' }) id: string;
  @ApiProperty({ description: 'NIK tersamar' }) nik: string;
  @ApiProperty() nama: string;
  @ApiProperty({ type: String, nullable: true }) nip: string | null;
  @ApiProperty() email: string;
  @ApiProperty() telepon: string;
  @ApiProperty() peran: string;
  @ApiProperty({ description: '1 diajukan, 2 aktif, 3 dorman, ...' }) status: number;
  @ApiProperty() statusLabel: string;
  @ApiProperty({ type: String, nullable: true }) rejectReason: string | null;
  @ApiProperty({ type: String, nullable: true }) skNumber: string | null;
  @ApiProperty({ type: Date, nullable: true }) lastLoginAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ description: 'Baris ini milik pemanggil sendiri' }) self: boolean;
  @ApiProperty({ enum: ['Satker'] }) tipePengguna: string;
}

export class DaftarPenggunaDto {
  @ApiProperty({ type: SatkerNameDto }) satker: SatkerNameDto;
  @ApiProperty({ type: [PenggunaDto] }) pengguna: PenggunaDto[];
}

/** Daftar Pengguna as the API shows it: each row picked field by field. */
export const toDaftarPengguna = (list: DaftarPenggunaDto): DaftarPenggunaDto => ({
  satker: { code: list.satker.code, name: list.satker.name },
  pengguna: list.pengguna.map((p) => ({
    id: p.id,
    nik: p.nik,
    nama: p.nama,
    nip: p.nip,
    email: p.email,
    telepon: p.telepon,
    peran: p.peran,
    status: p.status,
    statusLabel: p.statusLabel,
    rejectReason: p.rejectReason,
    skNumber: p.skNumber,
    lastLoginAt: p.lastLoginAt,
    createdAt: p.createdAt,
    self: p.self,
    tipePengguna: p.tipePengguna,
  })),
});

export class NikLookupDto {
  @ApiProperty({ description: 'NIK terdaftar di DIGIT' }) terdaftarDiDigit: boolean;
  @ApiPropertyOptional() nama?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) nip?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) email?: string | null;
}

export class RegistrationFiledDto {
  @ApiProperty({ format: 'uuid' }) membershipId: string;
  @ApiProperty({ format: 'uuid', description: 'Tiket persetujuan KPPN' }) ticketId: string;
  @ApiProperty({ enum: ['PENDAFTARAN', 'REAKTIVASI'] }) jenis: string;
  @ApiProperty({ description: 'Status keanggotaan: 1 diajukan, 3 dorman (menunggu reaktivasi)' }) status: number;
}
