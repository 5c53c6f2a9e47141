import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { many } from '@loket/db';

export type OutboxStatus = 'PENDING' | 'SENT' | 'FAILED';

export interface OutboxItem {
  id: string;
  topic: string;
  recipient: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  sentAt: Date | null;
  createdAt: Date;
  ticketId: string | null;
}

/** What admins read of the outbox: the newest 200 notices in one status, with their last error. */
@Injectable()
export class OutboxReader {
  constructor(private readonly db: DataSource) {}

  list(status: OutboxStatus): Promise<OutboxItem[]> {
    return many<OutboxItem>(
      this.db,
      `SELECT id, topic, recipient, status, attempts, last_error AS "lastError", next_attempt_at AS "nextAttemptAt",
              sent_at AS "sentAt", created_at AS "createdAt", ticket_id AS "ticketId"
         FROM outbox WHERE status = $1 ORDER BY created_at DESC LIMIT 200`,
      [status],
    );
  }
}
