import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { SlaSweeper } from '@loket/sla';

/** Every minute: SLA warnings and breaches that have come due. */
@Injectable()
export class SlaSweepJob {
  private readonly logger = new Logger('SlaSweep');

  constructor(private readonly sweeper: SlaSweeper) {}

  @Cron(CronExpression.EVERY_MINUTE)
  async run(): Promise<void> {
    const { warnings, breaches } = await this.sweeper.run();
    if (warnings || breaches) this.logger.log(`${warnings} peringatan, ${breaches} pelanggaran SLA dicatat`);
  }
}
