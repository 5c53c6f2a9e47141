import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@loket/common';

/**
 * Every scheduled run goes through here, so shutdown can wait for the runs in progress (a sweep's
 * transaction, an outbox batch being sent) before the pool closes, and no new run starts once the
 * process is stopping. Each finished run leaves a debug line: the worker's heartbeat.
 */
@Injectable()
export class JobTracker implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly running = new Set<Promise<unknown>>();
  private stopping = false;
  private draining: Promise<void> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Runs `job` unless the process is stopping; resolves with its result (undefined when skipped). */
  async track<T>(name: string, job: () => Promise<T>): Promise<T | undefined> {
    if (this.stopping) return undefined;
    const started = Date.now();
    const run = job();
    this.running.add(run);
    try {
      const result = await run;
      this.logger.debug(`${name} selesai dalam ${Date.now() - started} ms`);
      return result;
    } finally {
      this.running.delete(run);
    }
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.drain();
  }

  /** Stops new runs and waits (at most SHUTDOWN_GRACE_SECONDS) for those in progress; the same wait for every caller. */
  drain(): Promise<void> {
    this.draining ??= this.waitForRuns();
    return this.draining;
  }

  private async waitForRuns(): Promise<void> {
    this.stopping = true;
    if (!this.running.size) return;
    this.logger.log(`menunggu ${this.running.size} proses terjadwal selesai`);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>(
      (resolve) => (timer = setTimeout(resolve, this.config.shutdownGraceSeconds * 1000)),
    );
    await Promise.race([Promise.allSettled([...this.running]), grace]);
    clearTimeout(timer);
  }
}
