import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { scheduleEvery } from './every';

describe('scheduleEvery', () => {
  let registry: SchedulerRegistry;
  const logger = new Logger('Uji');

  beforeEach(() => {
    jest.useFakeTimers();
    registry = new SchedulerRegistry();
    jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    registry.getIntervals().forEach((name) => registry.deleteInterval(name));
    jest.useRealTimers();
  });

  it('skips a tick while the previous run is still going, then runs again', async () => {
    let finish: () => void = () => undefined;
    const job = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    scheduleEvery(registry, 'sapuan', 2, job, logger);
    await jest.advanceTimersByTimeAsync(2000);
    await jest.advanceTimersByTimeAsync(6000);
    expect(job).toHaveBeenCalledTimes(1);
    finish();
    await jest.advanceTimersByTimeAsync(2000);
    expect(job).toHaveBeenCalledTimes(2);
  });

  it('logs a failed run and tries again at the next tick', async () => {
    const job = jest.fn().mockRejectedValueOnce(new Error('basis data tidak tersedia')).mockResolvedValue(undefined);
    scheduleEvery(registry, 'sapuan', 1, job, logger);
    await jest.advanceTimersByTimeAsync(2000);
    expect(job).toHaveBeenCalledTimes(2);
    expect(logger.error).toHaveBeenCalledWith('sapuan: basis data tidak tersedia');
    expect(registry.getIntervals()).toEqual(['sapuan']);
  });
});
