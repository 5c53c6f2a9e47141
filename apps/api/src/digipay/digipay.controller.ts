import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentActor, type Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { UploadInterceptor } from '@loket/files';
import { DigipayService } from '@loket/tickets';
import { csvUpload } from '../http/csv-upload';
import { ApiCreated, ApiErrors, ApiOk, UPLOAD_ERRORS } from '../http/api-docs';
import {
  DigipayUserCreatedDto,
  DigipayUserDto,
  ImportedDto,
  ProgressQuery,
  SatkerProgressDto,
  toSatkerProgress,
  VendorCreatedDto,
  VendorDto,
} from './digipay.dto';

const vendorId = new ParseUUIDPipe({ exceptionFactory: () => fail('VENDOR_NOT_FOUND') });

/** Digipay steps inside Digipay (not tickets), and the KPPN's view of each satker's progress. */
@ApiTags('digipay')
@ApiBearerAuth()
@Controller('digipay')
export class DigipayController {
  constructor(private readonly digipay: DigipayService) {}

  @Post('satkers/:kode/users')
  @ApiOperation({ summary: 'Admin satker Digipay membuat pengguna satker (PPK, pemesan, ...)' })
  @ApiCreated(DigipayUserCreatedDto)
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'SATKER_NOT_FOUND', 'DIGIPAY_ROLE_REQUIRED', 'OUTCOME_FAILED')
  satkerUser(
    @CurrentActor() actor: Actor,
    @Param('kode') kode: string,
    @Body() dto: DigipayUserDto,
  ): Promise<DigipayUserCreatedDto> {
    const { role, ...person } = dto;
    return this.digipay.createSatkerUser(actor, kode, role, person);
  }

  @Post('satkers/:kode/vendors')
  @ApiOperation({ summary: 'PPK mendaftarkan vendor beserta admin vendornya' })
  @ApiCreated(VendorCreatedDto)
  @ApiErrors(
    'UNAUTHENTICATED',
    'VALIDATION_FAILED',
    'SATKER_NOT_FOUND',
    'DIGIPAY_ROLE_REQUIRED',
    'VENDOR_EXISTS',
    'OUTCOME_FAILED',
  )
  vendor(@CurrentActor() actor: Actor, @Param('kode') kode: string, @Body() dto: VendorDto): Promise<VendorCreatedDto> {
    const { admin, ...vendor } = dto;
    return this.digipay.registerVendor(actor, kode, vendor, admin);
  }

  @Post('vendors/:id/users')
  @ApiOperation({ summary: 'Admin vendor membuat pengguna vendor (staf, kurir)' })
  @ApiCreated(DigipayUserCreatedDto)
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'VENDOR_NOT_FOUND', 'DIGIPAY_ROLE_REQUIRED', 'OUTCOME_FAILED')
  vendorUser(
    @CurrentActor() actor: Actor,
    @Param('id', vendorId) id: string,
    @Body() dto: DigipayUserDto,
  ): Promise<DigipayUserCreatedDto> {
    const { role, ...person } = dto;
    return this.digipay.createVendorUser(actor, id, role, person);
  }

  @Get('progress')
  @ApiOperation({ summary: 'Kemajuan Digipay setiap satker KPPN (tertinggal=true: yang belum lengkap)' })
  @ApiOk([SatkerProgressDto])
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'NOT_KPPN_STAFF')
  async progress(@CurrentActor() actor: Actor, @Query() q: ProgressQuery): Promise<SatkerProgressDto[]> {
    return (await this.digipay.progress(actor, q.tertinggal === 'true')).map(toSatkerProgress);
  }

  @Post('transactions')
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'Impor jumlah transaksi bulanan dari CSV (kode_satker,bulan,jumlah); semua baris atau tidak sama sekali',
  })
  @ApiCreated(ImportedDto)
  @ApiErrors('UNAUTHENTICATED', 'NOT_KPPN_STAFF', 'CSV_REQUIRED', 'INVALID_CSV', ...UPLOAD_ERRORS)
  async importTransactions(@CurrentActor() actor: Actor, @Req() req: Request): Promise<ImportedDto> {
    const { bytes } = await csvUpload(req);
    return this.digipay.importTransactions(actor, bytes);
  }
}
