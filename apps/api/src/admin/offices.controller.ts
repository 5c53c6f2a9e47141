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
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { OfficesAdmin } from '@loket/admin';
import { CurrentActor, type Actor } from '@loket/auth';
import { UploadInterceptor, uploadsOf } from '@loket/files';
import { CreateOfficeDto, OfficeDto, OfficeQuery, officeFields, ReasonDto } from './admin.dto';
import { officeResponse, OfficeResponse } from './offices.response';
import { ApiErrors } from '../http/api-docs';

/** Kantor Pusat, Kanwil, KPPN and Pusintek offices: record, letterhead, logo and letter-number code. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/offices')
export class OfficesAdminController {
  constructor(private readonly offices: OfficesAdmin) {}

  @Get()
  @ApiOperation({ summary: 'Kantor dalam cakupan admin' })
  @ApiOkResponse({ type: [OfficeResponse] })
  @ApiErrors('UNAUTHENTICATED', 'NOT_AN_ADMIN', 'VALIDATION_FAILED')
  async list(@CurrentActor() actor: Actor, @Query() q: OfficeQuery): Promise<OfficeResponse[]> {
    return (await this.offices.list(actor, q)).map(officeResponse);
  }

  @Get(':code')
  @ApiOperation({ summary: 'Satu kantor dalam cakupan admin' })
  @ApiOkResponse({ type: OfficeResponse })
  @ApiErrors('UNAUTHENTICATED', 'NOT_AN_ADMIN', 'OFFICE_NOT_FOUND')
  async get(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<OfficeResponse> {
    return officeResponse(await this.offices.get(actor, code));
  }

  @Post()
  @ApiOperation({ summary: 'Buat kantor (KPPN: admin Kanwil induknya atau Kantor Pusat; jenis lain: Kantor Pusat)' })
  @ApiCreatedResponse({ type: OfficeResponse })
  @ApiErrors(
    'UNAUTHENTICATED',
    'NOT_AN_ADMIN',
    'VALIDATION_FAILED',
    'INVALID_TIME_ZONE',
    'INVALID_PARENT',
    'OFFICE_NOT_FOUND',
    'ADMIN_SCOPE',
    'OFFICE_EXISTS',
  )
  async create(@CurrentActor() actor: Actor, @Body() d: CreateOfficeDto): Promise<OfficeResponse> {
    return officeResponse(await this.offices.create(actor, d.code, d.kind, officeFields(d), d.reason ?? null));
  }

  @Put(':code')
  @ApiOperation({ summary: 'Ubah data kantor dan kop surat' })
  @ApiOkResponse({ type: OfficeResponse })
  @ApiErrors(
    'UNAUTHENTICATED',
    'NOT_AN_ADMIN',
    'VALIDATION_FAILED',
    'INVALID_TIME_ZONE',
    'INVALID_PARENT',
    'OFFICE_CYCLE',
    'OFFICE_NOT_FOUND',
    'ADMIN_SCOPE',
  )
  async update(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body() d: OfficeDto,
  ): Promise<OfficeResponse> {
    return officeResponse(await this.offices.update(actor, code, officeFields(d), d.reason ?? null));
  }

  @Get(':code/logo')
  @ApiOperation({ summary: 'Logo kop surat kantor (PNG)' })
  @ApiProduces('image/png')
  @ApiOkResponse({
    description: 'Logo PNG',
    content: { 'image/png': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors('UNAUTHENTICATED', 'NOT_AN_ADMIN', 'OFFICE_NOT_FOUND', 'LOGO_NOT_FOUND')
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
  @ApiOkResponse({ type: OfficeResponse })
  @ApiErrors(
    'UNAUTHENTICATED',
    'NOT_AN_ADMIN',
    'VALIDATION_FAILED',
    'MALFORMED_MULTIPART',
    'FILE_TOO_LARGE',
    'TOO_MANY_FILES',
    'DUPLICATE_FILE_FIELD',
    'OFFICE_NOT_FOUND',
    'ADMIN_SCOPE',
    'LOGO_TOO_LARGE',
    'LOGO_NOT_PNG',
  )
  async setLogo(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body() d: ReasonDto,
    @Req() req: Request,
  ): Promise<OfficeResponse> {
    const logo = uploadsOf(req).find((f) => f.fieldname === 'logo');
    return officeResponse(await this.offices.setLogo(actor, code, logo, d.reason ?? null));
  }

  @Delete(':code/logo')
  @ApiOperation({ summary: 'Lepas logo kop surat' })
  @ApiOkResponse({ type: OfficeResponse })
  @ApiErrors(
    'UNAUTHENTICATED',
    'NOT_AN_ADMIN',
    'VALIDATION_FAILED',
    'OFFICE_NOT_FOUND',
    'ADMIN_SCOPE',
    'LOGO_NOT_FOUND',
  )
  async removeLogo(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Query() d: ReasonDto,
  ): Promise<OfficeResponse> {
    return officeResponse(await this.offices.removeLogo(actor, code, d.reason ?? null));
  }
}
