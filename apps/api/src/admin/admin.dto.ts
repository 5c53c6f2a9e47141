import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Type } from 'class-transformer';
import {
  OFFICE_KINDS,
  STAFF_ROLES,
  TIME_ZONES,
  type OfficeFields,
  type OfficeKind,
  type SatkerFields,
  type StaffRoleName,
} from '@loket/admin';

const OFFICE_CODE = /^[A-Za-z0-9][A-Za-z0-9.-]{1,19}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ReasonDto {
  @ApiPropertyOptional({ description: 'Alasan perubahan (tercatat di log audit)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class OfficeDto extends ReasonDto {
  @ApiProperty({ example: 'KPPN Jayapura' }) @IsString() @MinLength(3) @MaxLength(200) name: string;
  @ApiPropertyOptional({ example: 'WPB.31', description: 'Kode kantor induk (KPPN: Kanwil)' })
  @IsOptional()
  @Matches(OFFICE_CODE)
  parentCode?: string;
  @ApiProperty({ enum: TIME_ZONES }) @IsIn(TIME_ZONES) timeZone: string;
  @ApiPropertyOptional({ description: 'Alamat satu baris (dipakai bila jalan kosong)' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;
  @ApiPropertyOptional({ example: 'Jalan Ahmad Yani Nomor 11' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  street?: string;
  @ApiPropertyOptional({ example: 'Jayapura' }) @IsOptional() @IsString() @MaxLength(100) city?: string;
  @ApiPropertyOptional({ example: '(0967) 533123' }) @IsOptional() @Matches(/^[0-9()+ -]{5,30}$/) phone?: string;
  @ApiPropertyOptional({ example: '(0967) 533124' }) @IsOptional() @Matches(/^[0-9()+ -]{5,30}$/) fax?: string;
  @ApiPropertyOptional({ example: 'kppnjayapura@kemenkeu.go.id' })
  @IsOptional()
  @Matches(EMAIL)
  @MaxLength(200)
  email?: string;
  @ApiPropertyOptional({ example: 'djpb.kemenkeu.go.id/kppn/jayapura' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9.:/_-]{4,200}$/)
  website?: string;
  @ApiPropertyOptional({
    example: 'KP.0201',
    description: 'Kode kantor pada nomor surat S-{seq}/{kode Kanwil}/{kode KPPN}/{tahun}',
  })
  @IsOptional()
  @Matches(/^[A-Z0-9][A-Z0-9.-]{0,29}$/)
  letterCode?: string;
}

export class CreateOfficeDto extends OfficeDto {
  @ApiProperty({ example: 'KPPN-201' }) @Matches(OFFICE_CODE) code: string;
  @ApiProperty({ enum: OFFICE_KINDS }) @IsIn(OFFICE_KINDS) kind: OfficeKind;
}

export class OfficeQuery {
  @ApiPropertyOptional({ enum: OFFICE_KINDS }) @IsOptional() @IsIn(OFFICE_KINDS) kind?: OfficeKind;
  @ApiPropertyOptional() @IsOptional() @Matches(OFFICE_CODE) parentCode?: string;
}

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : null);
export const officeFields = (d: OfficeDto): OfficeFields => ({
  name: d.name.trim(),
  parentCode: blank(d.parentCode),
  timeZone: d.timeZone,
  address: blank(d.address),
  street: blank(d.street),
  city: blank(d.city),
  phone: blank(d.phone),
  fax: blank(d.fax),
  email: blank(d.email),
  website: blank(d.website),
  letterCode: blank(d.letterCode),
});

export class SatkerDto extends ReasonDto {
  @ApiProperty({ example: 'Balai Wilayah Sungai Papua' }) @IsString() @MinLength(3) @MaxLength(200) name: string;
  @ApiProperty({ example: 'KPPN-201', description: 'KPPN mitra kerja; menggantinya memindahkan satker (alasan wajib)' })
  @Matches(OFFICE_CODE)
  kppnCode: string;
  @ApiPropertyOptional({ example: '033', description: 'Kode K/L (3 digit)' })
  @IsOptional()
  @Matches(/^[0-9]{3}$/)
  klCode?: string;
  @ApiPropertyOptional({ example: '05', description: 'Kode unit eselon I (2 digit)' })
  @IsOptional()
  @Matches(/^[0-9]{2}$/)
  eselon1Code?: string;
  @ApiProperty({ description: 'Satker mengelola uang persediaan (dipantau kemajuan Digipay-nya)' })
  @IsBoolean()
  managesUp: boolean;
}

export class CreateSatkerDto extends SatkerDto {
  @ApiProperty({ example: '679613' }) @Matches(/^[0-9]{6}$/) code: string;
}

export const satkerFields = (d: SatkerDto): SatkerFields => ({
  name: d.name.trim(),
  kppnCode: d.kppnCode,
  klCode: d.klCode ?? null,
  eselon1Code: d.eselon1Code ?? null,
  managesUp: d.managesUp,
});

export class SatkerQuery {
  @ApiPropertyOptional() @IsOptional() @Matches(OFFICE_CODE) kppnCode?: string;
  @ApiPropertyOptional({ description: 'Kode satker (awal) atau sebagian nama' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
  @ApiPropertyOptional({ description: 'Kursor: kode satker terakhir halaman sebelumnya' })
  @IsOptional()
  @Matches(/^[0-9]{6}$/)
  after?: string;
}

export class StaffDto extends ReasonDto {
  @ApiProperty({ example: '9171014101900004', description: 'NIK (16 digit, teks)' })
  @Matches(/^[0-9]{16}$/)
  nik: string;
  @ApiPropertyOptional({ description: 'Wajib bila NIK belum memiliki identitas DIGIT' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional({ description: 'Wajib bila NIK belum memiliki identitas DIGIT (tujuan e-mail aktivasi)' })
  @IsOptional()
  @Matches(EMAIL)
  @MaxLength(200)
  email?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9()+ -]{5,30}$/) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) nip?: string;
  @ApiProperty({ example: 'KPPN-201' }) @Matches(OFFICE_CODE) officeCode: string;
  @ApiProperty({
    enum: STAFF_ROLES,
    description: 'CSO di kantor PUSINTEK = agen Pusintek; CSO di KANWIL = agen tingkat Kanwil',
  })
  @IsIn(STAFF_ROLES)
  role: StaffRoleName;
}

export class StaffQuery {
  @ApiPropertyOptional() @IsOptional() @Matches(OFFICE_CODE) officeCode?: string;
  @ApiPropertyOptional({ description: 'Sebagian nama' }) @IsOptional() @IsString() @MaxLength(100) search?: string;
}

export class AuditQueryDto {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'Tanggal awal (WIB), inklusif' })
  @IsOptional()
  @Matches(DATE)
  from?: string;
  @ApiPropertyOptional({ example: '2026-11-30', description: 'Tanggal akhir (WIB), inklusif' })
  @IsOptional()
  @Matches(DATE)
  to?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({ description: 'Sebagian nama pelaku' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  actorName?: string;
  @ApiPropertyOptional({ example: 'SATKER' }) @IsOptional() @Matches(/^[A-Z_]{2,40}$/) entityType?: string;
  @ApiPropertyOptional({ example: '679613', description: 'Awal kunci data' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityKey?: string;
  @ApiPropertyOptional({ example: 'SATKER_MOVED' }) @IsOptional() @Matches(/^[A-Z_]{2,60}$/) action?: string;
  @ApiPropertyOptional({ description: 'Kursor halaman berikutnya' })
  @IsOptional()
  @Matches(/^[0-9]{1,18}$/)
  before?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
  @ApiPropertyOptional({ enum: ['json', 'csv'] }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}
