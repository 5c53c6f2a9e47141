import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { OutboxRelay } from '@loket/notify';
import { JobTracker } from './job-tracker';

/** Every five seconds: deliver what is due in the outbox (a full batch goes again at once). */
@Injectable()
export class OutboxJob implements BeforeApplicationShutdown {
  private running = false;

  constructor(
    private readonly relay: OutboxRelay,
    private readonly jobs: JobTracker,
  ) {}

  /** Hands back the leases of a batch whose sending outlived the grace period. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.jobs.drain();
    await this.relay.releaseLeases();
  }

  @Interval(5000)
  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (((await this.jobs.track('outbox', () => this.relay.run()))?.sent ?? 0) >= 20);
    } finally {
      this.running = false;
    }
  }
}
