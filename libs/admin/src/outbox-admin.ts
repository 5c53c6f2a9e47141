import { Injectable } from '@nestjs/common';
import { isNationalAdmin, type Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { OutboxReader, type OutboxItem, type OutboxStatus } from '@loket/notify';

/** The outbox across every office: what did not reach its recipient, for Kantor Pusat's admins only. */
@Injectable()
export class OutboxAdmin {
  constructor(private readonly outbox: OutboxReader) {}

  async list(actor: Actor, status: OutboxStatus): Promise<OutboxItem[]> {
    if (!isNationalAdmin(actor)) throw fail('NOT_AN_ADMIN', { reason: 'OUTBOX' });
    return this.outbox.list(status);
  }
}
