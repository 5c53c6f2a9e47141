import { Body, Controller, HttpCode, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ImportService } from '@loket/admin';
import { CurrentActor, type Actor } from '@loket/auth';
import { UploadInterceptor } from '@loket/files';
import { ImportDto } from './import.dto';
import { csvUpload } from '../../http/csv-upload';
import { importReportResponse, ImportReportResponse } from './import.response';
import { ApiErrors } from '../../http/api-docs';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/imports')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  @Post()
  @HttpCode(200)
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'dryRun', 'CSV'],
      properties: {
        kind: { type: 'string', enum: ['offices', 'satkers', 'staff'] },
        dryRun: { type: 'string', enum: ['true', 'false'] },
        CSV: {
          type: 'string',
          format: 'binary',
          description: 'UTF-8 (dengan/tanpa BOM), pemisah koma atau titik koma, maks. 5 MB',
        },
      },
    },
  })
  @ApiOperation({
    summary:
      'Impor kantor, satker atau staf dari CSV: uji coba melaporkan setiap baris bermasalah; impor sungguhan semua atau tidak sama sekali (422 IMPORT_INVALID)',
  })
  @ApiOkResponse({ type: ImportReportResponse })
  @ApiErrors(
    'UNAUTHENTICATED',
    'NOT_AN_ADMIN',
    'VALIDATION_FAILED',
    'MALFORMED_MULTIPART',
    'FILE_TOO_LARGE',
    'TOO_MANY_FILES',
    'DUPLICATE_FILE_FIELD',
    'CSV_REQUIRED',
    'INVALID_CSV',
    'EMPTY_IMPORT',
    'IMPORT_INVALID',
  )
  async run(@CurrentActor() actor: Actor, @Body() dto: ImportDto, @Req() req: Request): Promise<ImportReportResponse> {
    const file = await csvUpload(req);
    return importReportResponse(
      await this.imports.run(actor, { kind: dto.kind, dryRun: dto.dryRun === 'true', ...file }),
    );
  }
}
