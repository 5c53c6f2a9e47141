import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SatkersAdmin } from '@loket/admin';
import { CurrentActor, type Actor } from '@loket/auth';
import { CreateSatkerDto, SatkerDto, satkerFields, SatkerQuery } from './admin.dto';
import { satkerResponse, SatkerResponse } from './satkers.response';
import { ApiErrors } from '../http/api-docs';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/satkers')
export class SatkersAdminController {
  constructor(private readonly satkers: SatkersAdmin) {}

  @Get()
  @ApiOperation({ summary: 'Satker dalam cakupan admin, urut kode (50 per halaman, kursor `after`)' })
  @ApiOkResponse({ type: [SatkerResponse] })
  @ApiErrors('UNAUTHENTICATED', 'NOT_AN_ADMIN', 'VALIDATION_FAILED')
  async list(@CurrentActor() actor: Actor, @Query() q: SatkerQuery): Promise<SatkerResponse[]> {
    return (await this.satkers.list(actor, q)).map(satkerResponse);
  }

  @Get(':code')
  @ApiOperation({ summary: 'Satu satker dalam cakupan admin' })
  @ApiOkResponse({ type: SatkerResponse })
  @ApiErrors('UNAUTHENTICATED', 'NOT_AN_ADMIN', 'SATKER_NOT_FOUND')
  async get(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<SatkerResponse> {
    return satkerResponse(await this.satkers.get(actor, code));
  }

  @Post()
  @ApiOperation({ summary: 'Daftarkan satker pada KPPN mitra kerjanya' })
  @ApiCreatedResponse({ type: SatkerResponse })
  @ApiErrors(
    'UNAUTHENTICATED',
    'NOT_AN_ADMIN',
    'VALIDATION_FAILED',
    'OFFICE_NOT_FOUND',
    'NOT_A_KPPN',
    'ADMIN_SCOPE',
    'SATKER_EXISTS',
  )
  async create(@CurrentActor() actor: Actor, @Body() d: CreateSatkerDto): Promise<SatkerResponse> {
    return satkerResponse(await this.satkers.create(actor, d.code, satkerFields(d), d.reason ?? null));
  }

  @Put(':code')
  @ApiOperation({
    summary: 'Ubah satker; KPPN baru = pindah KPPN (alasan wajib)',
    description:
      'Tiket baru satker masuk ke KPPN baru; tiket terbuka tetap di KPPN lama dengan catatan internal; keanggotaan pengguna tidak berubah.',
  })
  @ApiOkResponse({ type: SatkerResponse })
  @ApiErrors(
    'UNAUTHENTICATED',
    'NOT_AN_ADMIN',
    'VALIDATION_FAILED',
    'SATKER_NOT_FOUND',
    'OFFICE_NOT_FOUND',
    'NOT_A_KPPN',
    'ADMIN_SCOPE',
    'REASON_REQUIRED',
  )
  async update(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body() d: SatkerDto,
  ): Promise<SatkerResponse> {
    return satkerResponse(await this.satkers.update(actor, code, satkerFields(d), d.reason ?? null));
  }
}
