import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { RegistryModule } from '@loket/registry';
import { DormancyJob } from './dormancy.job';
import { HousekeepingJob } from './housekeeping.job';

/** Scheduled work. Every job is safe with several worker processes on one database. */
@Module({
  imports: [ScheduleModule.forRoot(), RegistryModule],
  providers: [HousekeepingJob, DormancyJob],
  exports: [HousekeepingJob, DormancyJob],
})
export class WorkerModule {}
