import { Injectable, Logger } from '@nestjs/common';
import { JobTracker } from './job-tracker';
import { Cron, CronExpression } from '@nestjs/schedule';
import { LifecycleSweep } from '@loket/tickets';

/** Every ten minutes: close tickets resolved 7 days ago, cancel corrections unanswered for 14 days. */
@Injectable()
export class LifecycleJob {
  private readonly logger = new Logger('Lifecycle');

  constructor(
    private readonly sweep: LifecycleSweep,
    private readonly jobs: JobTracker,
  ) {}

  @Cron(CronExpression.EVERY_10_MINUTES)
  async run(): Promise<void> {
    const result = await this.jobs.track('lifecycle', () => this.sweep.run());
    if (!result) return;
    const { closed, expired } = result;
    if (closed || expired)
      this.logger.log(`${closed} tiket ditutup, ${expired} tiket dibatalkan karena tidak diperbaiki`);
  }
}
