import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditQuery } from '@loket/admin';
import { CurrentActor, type Actor } from '@loket/auth';
import { AuditQueryDto } from './admin.dto';

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
  async list(@CurrentActor() actor: Actor, @Query() q: AuditQueryDto, @Res({ passthrough: true }) res: Response) {
    if (q.format !== 'csv') return this.audit.list(actor, q);
    res.set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="log-audit.csv"',
    });
    return this.audit.csv(actor, q);
  }
}
