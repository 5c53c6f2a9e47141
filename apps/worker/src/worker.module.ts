import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { HousekeepingJob } from './housekeeping.job';

/** Scheduled work. Every job is safe with several worker processes on one database. */
@Module({ imports: [ScheduleModule.forRoot()], providers: [HousekeepingJob], exports: [HousekeepingJob] })
export class WorkerModule {}
