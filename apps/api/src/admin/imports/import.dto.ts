import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IMPORT_KINDS } from '@loket/admin';

/** The form fields beside the CSV file (multipart). */
export class ImportDto {
  @ApiProperty({
    enum: IMPORT_KINDS,
    description:
      'offices: kode,jenis,nama,zona_waktu[,induk,kota,alamat,jalan,telepon,faks,email,situs,kode_surat]; ' +
      'satkers: kode_satker,nama,kode_kppn[,kode_kl,kode_eselon1,kelola_up]; staff: nik,nama,email,kode_kantor,peran[,nip,telepon]',
  })
  @IsIn(IMPORT_KINDS)
  kind: string;

  @ApiProperty({
    enum: ['true', 'false'],
    description:
      'true: periksa saja dan laporkan (tidak ada yang diubah); false: impor (semua baris atau tidak sama sekali)',
  })
  @IsIn(['true', 'false'])
  dryRun: string;
}
