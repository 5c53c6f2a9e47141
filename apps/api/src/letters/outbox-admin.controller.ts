import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentActor, isNationalAdmin, type Actor } from '@loket/auth';
import { forbidden } from '@loket/common';
import { many } from '@loket/db';

class OutboxQuery {
  @IsOptional() @IsIn(['PENDING', 'SENT', 'FAILED']) status?: string;
}

/** Notices that could not be delivered stay visible to admins, with their last error. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/outbox')
export class OutboxAdminController {
  constructor(private readonly db: DataSource) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() q: OutboxQuery) {
    if (!isNationalAdmin(actor)) throw forbidden('NOT_AN_ADMIN', 'Hanya admin Kantor Pusat yang dapat melihat antrean notifikasi.');
    return many(this.db,
      `SELECT id, topic, recipient, status, attempts, last_error AS "lastError", next_attempt_at AS "nextAttemptAt",
              sent_at AS "sentAt", created_at AS "createdAt", ticket_id AS "ticketId"
         FROM outbox WHERE status = $1 ORDER BY created_at DESC LIMIT 200`, [q.status ?? 'FAILED']);
  }
}
