import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SatkersAdmin } from '@loket/admin';
import { CurrentActor, type Actor } from '@loket/auth';
import { CreateSatkerDto, SatkerDto, satkerFields, SatkerQuery } from './admin.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/satkers')
export class SatkersAdminController {
  constructor(private readonly satkers: SatkersAdmin) {}

  @Get()
  @ApiOperation({ summary: 'Satker dalam cakupan admin, urut kode (50 per halaman, kursor `after`)' })
  list(@CurrentActor() actor: Actor, @Query() q: SatkerQuery) {
    return this.satkers.list(actor, q);
  }

  @Get(':code')
  get(@CurrentActor() actor: Actor, @Param('code') code: string) {
    return this.satkers.get(actor, code);
  }

  @Post()
  @ApiOperation({ summary: 'Daftarkan satker pada KPPN mitra kerjanya' })
  create(@CurrentActor() actor: Actor, @Body() d: CreateSatkerDto) {
    return this.satkers.create(actor, d.code, satkerFields(d), d.reason ?? null);
  }

  @Put(':code')
  @ApiOperation({
    summary: 'Ubah satker; KPPN baru = pindah KPPN (alasan wajib)',
    description:
      'Tiket baru satker masuk ke KPPN baru; tiket terbuka tetap di KPPN lama dengan catatan internal; keanggotaan pengguna tidak berubah.',
  })
  update(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() d: SatkerDto) {
    return this.satkers.update(actor, code, satkerFields(d), d.reason ?? null);
  }
}
