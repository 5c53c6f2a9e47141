import { Injectable, Logger } from '@nestjs/common';
import { JobTracker } from './job-tracker';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';

/**
 * Removes what has no further use: sessions a day past expiry and idempotency keys older than a
 * day (clients retry within minutes). Plain deletes, so any number of workers may run it at once.
 */
@Injectable()
export class HousekeepingJob {
  private readonly logger = new Logger('Housekeeping');

  constructor(
    private readonly db: DataSource,
    private readonly jobs: JobTracker,
  ) {}

  @Cron(CronExpression.EVERY_HOUR)
  async run(): Promise<{ sessions: number; idempotencyKeys: number } | undefined> {
    return this.jobs.track('housekeeping', () => this.sweep());
  }

  private async sweep(): Promise<{ sessions: number; idempotencyKeys: number }> {
    const [, sessions] = await this.db.query(`DELETE FROM sessions WHERE expires_at < now() - interval '1 day'`);
    const [, keys] = await this.db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '1 day'`);
    const result = { sessions: Number(sessions ?? 0), idempotencyKeys: Number(keys ?? 0) };
    if (result.sessions || result.idempotencyKeys) this.logger.log(`removed ${result.sessions} sessions, ${result.idempotencyKeys} idempotency keys`);
    return result;
  }
}
