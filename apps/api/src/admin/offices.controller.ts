import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { OfficesAdmin } from '@loket/admin';
import { CurrentActor, type Actor } from '@loket/auth';
import { UploadInterceptor, uploadsOf } from '@loket/files';
import { CreateOfficeDto, OfficeDto, OfficeQuery, officeFields, ReasonDto } from './admin.dto';

/** Kantor Pusat, Kanwil, KPPN and Pusintek offices: record, letterhead, logo and letter-number code. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/offices')
export class OfficesAdminController {
  constructor(private readonly offices: OfficesAdmin) {}

  @Get()
  @ApiOperation({ summary: 'Kantor dalam cakupan admin' })
  list(@CurrentActor() actor: Actor, @Query() q: OfficeQuery) {
    return this.offices.list(actor, q);
  }

  @Get(':code')
  get(@CurrentActor() actor: Actor, @Param('code') code: string) {
    return this.offices.get(actor, code);
  }

  @Post()
  @ApiOperation({ summary: 'Buat kantor (KPPN: admin Kanwil induknya atau Kantor Pusat; jenis lain: Kantor Pusat)' })
  create(@CurrentActor() actor: Actor, @Body() d: CreateOfficeDto) {
    return this.offices.create(actor, d.code, d.kind, officeFields(d), d.reason ?? null);
  }

  @Put(':code')
  @ApiOperation({ summary: 'Ubah data kantor dan kop surat' })
  update(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() d: OfficeDto) {
    return this.offices.update(actor, code, officeFields(d), d.reason ?? null);
  }

  @Get(':code/logo')
  async logo(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Res({ passthrough: true }) res: { set(h: Record<string, string>): void },
  ) {
    res.set({ 'Content-Type': 'image/png', 'Cache-Control': 'private, no-cache' });
    return new StreamableFile(await this.offices.logo(actor, code));
  }

  @Put(':code/logo')
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { logo: { type: 'string', format: 'binary' }, reason: { type: 'string' } } },
  })
  @ApiOperation({ summary: 'Pasang logo kop surat (PNG utuh, paling besar 512 KB; diperiksa dari isinya)' })
  setLogo(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() d: ReasonDto, @Req() req: Request) {
    return this.offices.setLogo(
      actor,
      code,
      uploadsOf(req).find((f) => f.fieldname === 'logo'),
      d.reason ?? null,
    );
  }

  @Delete(':code/logo')
  removeLogo(@CurrentActor() actor: Actor, @Param('code') code: string, @Query() d: ReasonDto) {
    return this.offices.removeLogo(actor, code, d.reason ?? null);
  }
}
