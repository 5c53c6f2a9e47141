import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentActor, type Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { UploadInterceptor } from '@loket/files';
import { DigipayService } from '@loket/tickets';
import { csvUpload } from '../http/csv-upload';
import { DigipayUserDto, ProgressQuery, VendorDto } from './digipay.dto';

const vendorId = new ParseUUIDPipe({ exceptionFactory: () => fail('VENDOR_NOT_FOUND') });

/** Digipay steps inside Digipay (not tickets), and the KPPN's view of each satker's progress. */
@ApiTags('digipay')
@ApiBearerAuth()
@Controller('digipay')
export class DigipayController {
  constructor(private readonly digipay: DigipayService) {}

  @Post('satkers/:kode/users')
  satkerUser(@CurrentActor() actor: Actor, @Param('kode') kode: string, @Body() dto: DigipayUserDto) {
    const { role, ...person } = dto;
    return this.digipay.createSatkerUser(actor, kode, role, person);
  }

  @Post('satkers/:kode/vendors')
  vendor(@CurrentActor() actor: Actor, @Param('kode') kode: string, @Body() dto: VendorDto) {
    const { admin, ...vendor } = dto;
    return this.digipay.registerVendor(actor, kode, vendor, admin);
  }

  @Post('vendors/:id/users')
  vendorUser(@CurrentActor() actor: Actor, @Param('id', vendorId) id: string, @Body() dto: DigipayUserDto) {
    const { role, ...person } = dto;
    return this.digipay.createVendorUser(actor, id, role, person);
  }

  @Get('progress')
  progress(@CurrentActor() actor: Actor, @Query() q: ProgressQuery) {
    return this.digipay.progress(actor, q.tertinggal === 'true');
  }

  @Post('transactions')
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('multipart/form-data')
  async importTransactions(@CurrentActor() actor: Actor, @Req() req: Request) {
    const { bytes } = await csvUpload(req);
    return this.digipay.importTransactions(actor, bytes);
  }
}
