import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { RegistryModule } from '@loket/registry';
import { SlaModule } from '@loket/sla';
import { DormancyJob } from './dormancy.job';
import { HousekeepingJob } from './housekeeping.job';
import { SlaSweepJob } from './sla-sweep.job';

/** Scheduled work. Every job is safe with several worker processes on one database. */
@Module({
  imports: [ScheduleModule.forRoot(), RegistryModule, SlaModule],
  providers: [HousekeepingJob, DormancyJob, SlaSweepJob],
  exports: [HousekeepingJob, DormancyJob, SlaSweepJob],
})
export class WorkerModule {}
