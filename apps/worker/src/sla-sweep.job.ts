import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '@loket/common';
import { SlaReportSummary, SlaSweeper } from '@loket/sla';
import { EscalationSweep } from '@loket/tickets';
import { scheduleEvery } from './every';
import { JobTracker } from './job-tracker';

/**
 * Every SLA_SWEEP_SECONDS (a minute by default): SLA warnings and breaches that have come due, then
 * the escalation levels scheduled after a breach (the Kanwil escalation), then the SLA report's
 * summary of the office-months that changed (the "as of" of the report page).
 */
@Injectable()
export class SlaSweepJob implements OnApplicationBootstrap {
  private readonly logger = new Logger('SlaSweep');

  constructor(
    private readonly sweeper: SlaSweeper,
    private readonly escalations: EscalationSweep,
    private readonly summary: SlaReportSummary,
    private readonly registry: SchedulerRegistry,
    private readonly jobs: JobTracker,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    scheduleEvery(this.registry, 'sla-sweep', this.config.slaSweepSeconds, () => this.run(), this.logger);
  }

  async run(): Promise<void> {
    const result = await this.jobs.track('sla-sweep', () => this.sweeper.run());
    if (!result) return;
    const { warnings, breaches } = result;
    if (warnings || breaches) this.logger.log(`${warnings} peringatan, ${breaches} pelanggaran SLA dicatat`);
    const levels = await this.jobs.track('sla-escalation', () => this.escalations.run());
    if (levels?.fired)
      this.logger.log(`${levels.fired} tingkat eskalasi dijalankan, ${levels.escalated} tiket dieskalasi ke Kanwil`);
    await this.jobs.track('sla-report-summary', () => this.summary.refresh());
  }
}
