import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JobTracker } from './job-tracker';
import { Cron, SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '@loket/common';
import { DormancySweep } from '@loket/registry';
import { scheduleEvery } from './every';

/** Daily at 01:00 WIB (or every DORMANCY_SWEEP_SECONDS when set): memberships idle for six months become dormant. */
@Injectable()
export class DormancyJob implements OnApplicationBootstrap {
  private readonly logger = new Logger('Dormancy');

  constructor(
    private readonly sweep: DormancySweep,
    private readonly registry: SchedulerRegistry,
    private readonly jobs: JobTracker,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.dormancySweepSeconds > 0) {
      scheduleEvery(this.registry, 'dormancy-sweep', this.config.dormancySweepSeconds, () => this.run(), this.logger);
    }
  }

  @Cron('0 1 * * *', { timeZone: 'Asia/Jakarta' })
  async run(): Promise<void> {
    const changed = await this.jobs.track('dormancy', () => this.sweep.run());
    if (changed === undefined) return;
    if (changed === null) this.logger.log('dilewati: proses lain sedang menjalankan sapuan dormansi');
    else if (changed > 0) this.logger.log(`${changed} keanggotaan menjadi Dormant`);
  }
}
