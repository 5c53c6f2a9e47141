import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { RegistryModule } from '@loket/registry';
import { NotifyModule } from '@loket/notify';
import { SlaModule } from '@loket/sla';
import { DormancyJob } from './dormancy.job';
import { HousekeepingJob } from './housekeeping.job';
import { JobTracker } from './job-tracker';
import { LifecycleJob } from './lifecycle.job';
import { OutboxJob } from './outbox.job';
import { SlaSweepJob } from './sla-sweep.job';

/** Scheduled work. Every job is safe with several worker processes on one database. */
@Module({
  imports: [ScheduleModule.forRoot(), RegistryModule, SlaModule, NotifyModule],
  providers: [JobTracker, HousekeepingJob, DormancyJob, SlaSweepJob, OutboxJob, LifecycleJob],
  exports: [HousekeepingJob, DormancyJob, SlaSweepJob, OutboxJob, LifecycleJob],
})
export class WorkerModule {}
