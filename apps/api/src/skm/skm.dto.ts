import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  JENIS_KELAMIN,
  PEKERJAAN,
  PENDIDIKAN,
  UMUR,
  type JenisKelamin,
  type Pekerjaan,
  type Pendidikan,
} from '@loket/skm';

const score = (unsur: string) =>
  applyDecorators(ApiProperty({ minimum: 1, maximum: 4, description: unsur }), IsInt(), Min(1), Max(4));

/** One SKM questionnaire: u1..u9 are the nine unsur (GET /skm/kuesioner gives questions and answer labels). */
export class SkmAnswersDto {
  @score('Persyaratan') u1: number;
  @score('Sistem, mekanisme, dan prosedur') u2: number;
  @score('Waktu penyelesaian') u3: number;
  @score('Biaya/tarif') u4: number;
  @score('Produk spesifikasi jenis pelayanan') u5: number;
  @score('Kompetensi pelaksana') u6: number;
  @score('Perilaku pelaksana') u7: number;
  @score('Penanganan pengaduan, saran dan masukan') u8: number;
  @score('Sarana dan prasarana') u9: number;
  @ApiProperty({ enum: Object.keys(JENIS_KELAMIN) }) @IsIn(Object.keys(JENIS_KELAMIN)) jenisKelamin: JenisKelamin;
  @ApiProperty({ enum: Object.keys(PENDIDIKAN) }) @IsIn(Object.keys(PENDIDIKAN)) pendidikan: Pendidikan;
  @ApiProperty({ enum: Object.keys(PEKERJAAN) }) @IsIn(Object.keys(PEKERJAAN)) pekerjaan: Pekerjaan;
  @ApiPropertyOptional({ description: 'Bila pekerjaan LAINNYA' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  pekerjaanLainnya?: string;
  @ApiProperty({ minimum: UMUR.min, maximum: UMUR.max }) @IsInt() @Min(UMUR.min) @Max(UMUR.max) umur: number;
  @ApiPropertyOptional({ description: 'Saran dan masukan' }) @IsOptional() @IsString() @MaxLength(2000) saran?: string;
}

export class SkmReportQuery {
  @ApiProperty({ example: '2026' }) @Matches(/^\d{4}$/) tahun: string;
  @ApiPropertyOptional({ enum: ['1', '2'], description: '1: Januari-Juni, 2: Juli-Desember; kosong: setahun' })
  @IsOptional()
  @IsIn(['1', '2'])
  semester?: '1' | '2';
  @ApiPropertyOptional({ enum: ['json', 'csv'] }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}
