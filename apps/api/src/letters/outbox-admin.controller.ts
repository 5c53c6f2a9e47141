import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CurrentActor, isNationalAdmin, type Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { OutboxReader, type OutboxStatus } from '@loket/notify';

class OutboxQuery {
  @IsOptional() @IsIn(['PENDING', 'SENT', 'FAILED']) status?: OutboxStatus;
}

/** Notices that could not be delivered stay visible to admins, with their last error. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/outbox')
export class OutboxAdminController {
  constructor(private readonly outbox: OutboxReader) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() q: OutboxQuery) {
    if (!isNationalAdmin(actor)) throw fail('NOT_AN_ADMIN', { reason: 'OUTBOX' });
    return this.outbox.list(q.status ?? 'FAILED');
  }
}
