import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditQuery } from '@loket/admin';
import { CurrentActor, type Actor } from '@loket/auth';
import { AuditQueryDto } from './admin.dto';
import { auditPageResponse, AuditPageResponse } from './audit.response';
import { ApiErrors } from '../http/api-docs';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditQuery) {}

  @Get()
  @ApiOperation({
    summary: 'Log audit perubahan administrasi dalam cakupan admin',
    description: 'NIK disamarkan; `format=csv` memuat NIK lengkap hanya untuk admin Kantor Pusat.',
  })
  @ApiExtraModels(AuditPageResponse)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description: 'JSON berhalaman, atau dengan `format=csv` seluruh hasil saringan sebagai unduhan CSV',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(AuditPageResponse) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @ApiErrors('UNAUTHENTICATED', 'NOT_AN_ADMIN', 'VALIDATION_FAILED')
  async list(
    @CurrentActor() actor: Actor,
    @Query() q: AuditQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuditPageResponse | string> {
    if (q.format !== 'csv') return auditPageResponse(await this.audit.list(actor, q));
    res.set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="log-audit.csv"',
    });
    return this.audit.csv(actor, q);
  }
}
