import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { CurrentActor, type Actor } from '@loket/auth';
import { forbidden, notFound } from '@loket/common';
import { many, one } from '@loket/db';
import { UploadInterceptor } from '@loket/files';
import { DigipayRegistry } from '@loket/registry';
import { csvUpload } from '../http/csv-upload';
import { DigipayUserDto, ProgressQuery, VendorDto } from './digipay.dto';

const vendorId = new ParseUUIDPipe({ exceptionFactory: () => notFound('VENDOR_NOT_FOUND', 'Vendor tidak ditemukan.') });

/** Digipay steps inside Digipay (not tickets), and the KPPN's view of each satker's progress. */
@ApiTags('digipay')
@ApiBearerAuth()
@Controller('digipay')
export class DigipayController {
  constructor(
    private readonly db: DataSource,
    private readonly digipay: DigipayRegistry,
  ) {}

  @Post('satkers/:kode/users')
  async satkerUser(@CurrentActor() actor: Actor, @Param('kode') kode: string, @Body() dto: DigipayUserDto) {
    const { role, ...person } = dto;
    const nik = await this.nik(actor);
    return this.db.transaction((em) => this.digipay.createSatkerUser(em, nik, actor.personId, kode, role, person));
  }

  @Post('satkers/:kode/vendors')
  async vendor(@CurrentActor() actor: Actor, @Param('kode') kode: string, @Body() dto: VendorDto) {
    const { admin, ...vendor } = dto;
    const nik = await this.nik(actor);
    return this.db.transaction((em) => this.digipay.registerVendor(em, nik, actor.personId, kode, vendor, admin));
  }

  @Post('vendors/:id/users')
  async vendorUser(@CurrentActor() actor: Actor, @Param('id', vendorId) id: string, @Body() dto: DigipayUserDto) {
    const { role, ...person } = dto;
    const nik = await this.nik(actor);
    return this.db.transaction((em) => this.digipay.createVendorUser(em, nik, actor.personId, id, role, person));
  }

  @Get('progress')
  async progress(@CurrentActor() actor: Actor, @Query() q: ProgressQuery) {
    return this.digipay.progress(this.db, await this.kppnScope(actor), q.tertinggal === 'true');
  }

  @Post('transactions')
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('multipart/form-data')
  async importTransactions(@CurrentActor() actor: Actor, @Req() req: Request) {
    const kppnIds = await this.kppnScope(actor);
    const { bytes } = await csvUpload(req);
    return this.db.transaction((em) => this.digipay.importTransactions(em, kppnIds, actor.personId, bytes));
  }

  private async nik(actor: Actor): Promise<string> {
    return (await one<{ nik: string }>(this.db, `SELECT nik FROM persons WHERE id = $1`, [actor.personId]))!.nik;
  }

  /** KPPN staff: their KPPN; Kanwil staff: the KPPNs under it. */
  private async kppnScope(actor: Actor): Promise<string[]> {
    const offices = actor.staff.filter((s) => s.role === 'CSO' || s.role === 'SUPERVISOR').map((s) => s.officeId);
    if (offices.length === 0) throw forbidden('NOT_KPPN_STAFF', 'Hanya petugas KPPN/Kanwil yang dapat melihat kemajuan Digipay.');
    return (await many<{ id: string }>(this.db,
      `SELECT id FROM offices WHERE kind = 'KPPN' AND (id = ANY($1::uuid[]) OR parent_id = ANY($1::uuid[]))`, [offices])).map((o) => o.id);
  }
}
