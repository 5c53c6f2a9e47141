import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { LifecycleSweep } from '@loket/tickets';

/** Every ten minutes: close tickets resolved 7 days ago, cancel corrections unanswered for 14 days. */
@Injectable()
export class LifecycleJob {
  private readonly logger = new Logger('Lifecycle');

  constructor(private readonly sweep: LifecycleSweep) {}

  @Cron(CronExpression.EVERY_10_MINUTES)
  async run(): Promise<void> {
    const { closed, expired } = await this.sweep.run();
    if (closed || expired) this.logger.log(`${closed} tiket ditutup, ${expired} tiket dibatalkan karena tidak diperbaiki`);
  }
}
