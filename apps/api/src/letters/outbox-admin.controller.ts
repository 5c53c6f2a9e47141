import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { OutboxAdmin } from '@loket/admin';
import { CurrentActor, type Actor } from '@loket/auth';
import type { OutboxStatus } from '@loket/notify';
import { ApiErrors, ApiOk } from '../http/api-docs';
import { OutboxItemDto, toOutboxItem } from './letters.dto';

class OutboxQuery {
  @ApiPropertyOptional({ enum: ['PENDING', 'SENT', 'FAILED'], default: 'FAILED' })
  @IsOptional()
  @IsIn(['PENDING', 'SENT', 'FAILED'])
  status?: OutboxStatus;
}

/** Notices that could not be delivered stay visible to admins, with their last error. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/outbox')
export class OutboxAdminController {
  constructor(private readonly outbox: OutboxAdmin) {}

  @Get()
  @ApiOperation({ summary: 'Notifikasi dalam antrean kirim (bawaan: yang gagal), dengan galat terakhirnya' })
  @ApiOk([OutboxItemDto])
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'NOT_AN_ADMIN')
  async list(@CurrentActor() actor: Actor, @Query() q: OutboxQuery): Promise<OutboxItemDto[]> {
    return (await this.outbox.list(actor, q.status ?? 'FAILED')).map(toOutboxItem);
  }
}
