import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class UpdateReplyTemplateDto {
  @ApiProperty({ example: 'Dokumen SK belum ditandatangani' }) @IsString() @MinLength(3) @MaxLength(120) judul: string;
  @ApiProperty({
    description: 'Teks balasan; penanda seperti {{nama_satker}}, {{nomor_tiket}}, {{nama_petugas}}, {{tenggat}}',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  isi: string;
}

export class CreateReplyTemplateDto extends UpdateReplyTemplateDto {
  @ApiProperty({
    enum: ['NASIONAL', 'KANTOR'],
    description: 'NASIONAL: supervisor Kantor Pusat; KANTOR: kantor supervisor',
  })
  @IsIn(['NASIONAL', 'KANTOR'])
  cakupan: 'NASIONAL' | 'KANTOR';
}

export class FillReplyTemplateQuery {
  @ApiProperty({ description: 'Tiket yang nilainya mengisi penanda' }) @IsUUID() ticketId: string;
}
