import { Injectable, Logger } from '@nestjs/common';
import { JobTracker } from './job-tracker';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';

/**
 * Removes what has no further use: sessions a day past expiry, idempotency keys older than a day
 * (clients retry within minutes) and attempt counters (login, NIK lookup) whose day-long window has
 * passed and that hold no lock. Plain deletes, so any number of workers may run it at once.
 */
@Injectable()
export class HousekeepingJob {
  private readonly logger = new Logger('Housekeeping');

  constructor(
    private readonly db: DataSource,
    private readonly jobs: JobTracker,
  ) {}

  @Cron(CronExpression.EVERY_HOUR)
  async run(): Promise<{ sessions: number; idempotencyKeys: number; throttles: number } | undefined> {
    return this.jobs.track('housekeeping', () => this.sweep());
  }

  private async sweep(): Promise<{ sessions: number; idempotencyKeys: number; throttles: number }> {
    const [, sessions] = await this.db.query(`DELETE FROM sessions WHERE expires_at < now() - interval '1 day'`);
    const [, keys] = await this.db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '1 day'`);
    const [, throttles] = await this.db.query(
      `DELETE FROM login_throttle WHERE window_started_at < now() - interval '1 day' AND (locked_until IS NULL OR locked_until < now())`,
    );
    const result = {
      sessions: Number(sessions ?? 0),
      idempotencyKeys: Number(keys ?? 0),
      throttles: Number(throttles ?? 0),
    };
    if (result.sessions || result.idempotencyKeys || result.throttles) {
      this.logger.log(
        `removed ${result.sessions} sessions, ${result.idempotencyKeys} idempotency keys, ${result.throttles} attempt counters`,
      );
    }
    return result;
  }
}
