import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsDefined,
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
import { QUEUE_VIEWS, SORTS } from '@loket/tickets';
import { CLIENT_EVENT_TYPES, TICKET_STATUSES } from '@loket/workflow';

export class FileTicketDto {
  @ApiProperty({ example: 'MYINTRESS_DAFTAR_KPPN' })
  @IsString()
  @Matches(/^[A-Z0-9_]{2,60}$/)
  service: string;

  @ApiProperty({
    description:
      'Isian formulir layanan: objek JSON, atau teks JSON bila dikirim sebagai multipart. ' +
      'Lampiran dikirim sebagai berkas multipart dengan nama kolom = jenis lampiran (mis. SK_PENUNJUKAN).',
    example: {
      pengguna: [
        {
          nik: '3175011708450001',
          nama: 'Ali Akbar',
          telepon: '081234567890',
          email: 'ali@kemenkeu.go.id',
          peran: 'Operator',
        },
      ],
    },
  })
  @IsDefined()
  form: unknown;
}

export class EventDto {
  @ApiProperty({ enum: CLIENT_EVENT_TYPES })
  @IsIn(CLIENT_EVENT_TYPES)
  type: string;

  @ApiPropertyOptional({ description: 'Pesan untuk satker (wajib pada REQUEST_CORRECTION dan SUBMIT_CORRECTION)' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  message?: string;

  @ApiPropertyOptional({ description: 'Alasan (wajib pada REJECT)' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  reason?: string;

  @ApiPropertyOptional({
    description: 'Nomor dokumen yang dirujuk, mis. nomor SK penghapusan (wajib pada COMPLETE layanan MYINTRESS_HAPUS)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;

  @ApiPropertyOptional({ description: 'Catatan internal (wajib pada ESCALATE dan RETURN_TO_KPPN)' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;

  @ApiPropertyOptional({
    description:
      'Petugas yang ditugaskan (wajib pada ASSIGN): id orang, CSO kantor tiket (atau Kanwil saat dieskalasi)',
  })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;
}

export class MessageDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  body: string;

  @ApiPropertyOptional({ enum: ['PUBLIC', 'INTERNAL'], default: 'PUBLIC' })
  @IsOptional()
  @IsIn(['PUBLIC', 'INTERNAL'])
  visibility?: 'PUBLIC' | 'INTERNAL';
}

export class ListTicketsQuery {
  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Z0-9_]{2,60}$/)
  service?: string;

  @ApiPropertyOptional({ enum: [...QUEUE_VIEWS, 'agent'], description: 'Tampilan antrean petugas (tiket terbuka)' })
  @IsOptional()
  @IsIn([...QUEUE_VIEWS, 'agent'])
  view?: string;

  @ApiPropertyOptional({ description: 'Petugas (id orang) untuk view=agent' })
  @IsOptional()
  @IsUUID()
  agent?: string;

  @ApiPropertyOptional({
    enum: SORTS,
    description:
      'deadline (tenggat terdekat), filed (terbaru diajukan), updated (terakhir diperbarui); seri diurutkan menurut id',
  })
  @IsOptional()
  @IsIn(SORTS)
  sort?: string;

  @ApiPropertyOptional({
    description:
      'Kata kunci: nomor tiket, kode/nama satker, nama dalam formulir, perihal dan isi pesan. NIK hanya lewat POST /tickets/search.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 100 })
  @IsOptional()
  @Transform(({ value }) => (/^\d+$/.test(String(value)) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class RatingDto {
  @ApiProperty({ enum: ['POSITIF', 'NETRAL', 'NEGATIF'] })
  @IsIn(['POSITIF', 'NETRAL', 'NEGATIF'])
  nilai: 'POSITIF' | 'NETRAL' | 'NEGATIF';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  komentar?: string;
}
