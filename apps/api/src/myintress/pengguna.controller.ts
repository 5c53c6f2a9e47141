import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentActor, type Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { UploadInterceptor, uploadsOf } from '@loket/files';
import { MembershipDirectoryService, NikLookupService, SelfRegistrationService } from '@loket/tickets';
import { ACTING_SATKER_ERRORS, ApiCreated, ApiErrors, ApiOk, UPLOAD_ERRORS } from '../http/api-docs';
import {
  CariDto,
  DaftarPenggunaDto,
  NikLookupDto,
  NonaktifkanDto,
  RegistrationFiledDto,
  TambahPenggunaDto,
  toDaftarPengguna,
} from './pengguna.dto';

const membershipId = new ParseUUIDPipe({
  exceptionFactory: () => fail('MEMBERSHIP_NOT_FOUND'),
});

/** MyIntress ADMIN > Manajemen Pengguna of one satker (kode satker in the path). */
@ApiTags('myintress')
@ApiBearerAuth()
@Controller('satkers/:kode/pengguna')
export class PenggunaController {
  constructor(
    private readonly directory: MembershipDirectoryService,
    private readonly selfRegistration: SelfRegistrationService,
    private readonly nikLookup: NikLookupService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Daftar Pengguna MyIntress satker (anggota satker, atau petugas KPPN/Kanwilnya)' })
  @ApiOk(DaftarPenggunaDto)
  @ApiErrors('UNAUTHENTICATED', 'SATKER_NOT_FOUND')
  async list(@CurrentActor() actor: Actor, @Param('kode') kode: string): Promise<DaftarPenggunaDto> {
    return toDaftarPengguna(await this.directory.list(actor, kode));
  }

  @Post('cari')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mencari NIK di DIGIT sebelum Tambah Pengguna (dibatasi per menit)' })
  @ApiOk(NikLookupDto)
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'TOO_MANY_LOOKUPS', ...ACTING_SATKER_ERRORS)
  cari(@CurrentActor() actor: Actor, @Param('kode') kode: string, @Body() dto: CariDto): Promise<NikLookupDto> {
    return this.nikLookup.lookup(actor, kode, dto.nik);
  }

  @Post()
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Tambah Pengguna: mengajukan pendaftaran (atau reaktivasi) dengan SK penunjukan' })
  @ApiCreated(RegistrationFiledDto)
  @ApiErrors(
    'UNAUTHENTICATED',
    'VALIDATION_FAILED',
    'DUKCAPIL_NIK_NOT_FOUND',
    'DUKCAPIL_NAME_MISMATCH',
    'SATKER_HAS_NO_ACTIVE_USER',
    'IDENTITY_BUSY',
    'MEMBERSHIP_ALREADY_ACTIVE',
    'MEMBERSHIP_REQUEST_IN_PROGRESS',
    'MISSING_ATTACHMENT',
    'OUTCOME_FAILED',
    ...ACTING_SATKER_ERRORS,
    ...UPLOAD_ERRORS,
  )
  tambah(
    @CurrentActor() actor: Actor,
    @Param('kode') kode: string,
    @Body() dto: TambahPenggunaDto,
    @Req() req: Request,
  ): Promise<RegistrationFiledDto> {
    return this.selfRegistration.register(actor, kode, { ...dto }, uploadsOf(req));
  }

  @Post(':id/nonaktifkan')
  @HttpCode(200)
  @ApiOperation({ summary: 'Menonaktifkan pengguna satker; menjawab Daftar Pengguna terbaru' })
  @ApiOk(DaftarPenggunaDto)
  @ApiErrors(
    'UNAUTHENTICATED',
    'VALIDATION_FAILED',
    'MEMBERSHIP_NOT_FOUND',
    'CANNOT_DEACTIVATE_SELF',
    'LAST_ACTIVE_USER',
    'INVALID_MEMBERSHIP_STATUS',
    'OUTCOME_FAILED',
    ...ACTING_SATKER_ERRORS,
  )
  async nonaktifkan(
    @CurrentActor() actor: Actor,
    @Param('kode') kode: string,
    @Param('id', membershipId) id: string,
    @Body() dto: NonaktifkanDto,
  ): Promise<DaftarPenggunaDto> {
    return toDaftarPengguna(await this.directory.deactivate(actor, kode, id, dto.alasan));
  }
}
