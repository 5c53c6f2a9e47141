import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentActor, type Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { UploadInterceptor, uploadsOf } from '@loket/files';
import { MembershipDirectoryService, NikLookupService, SelfRegistrationService } from '@loket/tickets';
import { CariDto, NonaktifkanDto, TambahPenggunaDto } from './pengguna.dto';

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
  list(@CurrentActor() actor: Actor, @Param('kode') kode: string) {
    return this.directory.list(actor, kode);
  }

  @Post('cari')
  @HttpCode(200)
  cari(@CurrentActor() actor: Actor, @Param('kode') kode: string, @Body() dto: CariDto) {
    return this.nikLookup.lookup(actor, kode, dto.nik);
  }

  @Post()
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('multipart/form-data')
  tambah(
    @CurrentActor() actor: Actor,
    @Param('kode') kode: string,
    @Body() dto: TambahPenggunaDto,
    @Req() req: Request,
  ) {
    return this.selfRegistration.register(actor, kode, { ...dto }, uploadsOf(req));
  }

  @Post(':id/nonaktifkan')
  @HttpCode(200)
  nonaktifkan(
    @CurrentActor() actor: Actor,
    @Param('kode') kode: string,
    @Param('id', membershipId) id: string,
    @Body() dto: NonaktifkanDto,
  ) {
    return this.directory.deactivate(actor, kode, id, dto.alasan);
  }
}
