import type { Logger } from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';

/**
 * Runs `job` every `seconds` (registered, so shutdown clears it). A run still going when the next
 * is due makes that one skip, and a failed run is logged and tried again at the next tick.
 */
export function scheduleEvery(
  registry: SchedulerRegistry,
  name: string,
  seconds: number,
  job: () => Promise<unknown>,
  logger: Logger,
): void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    job()
      .catch((err: unknown) => logger.error(`${name}: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => (busy = false));
  }, seconds * 1000);
  registry.addInterval(name, timer);
}
