import { Module } from '@nestjs/common';
import { CalendarAdmin } from './calendar-admin';
import { CalendarStore } from './calendar-store';
import { SlaExplainer } from './explain';
import { SlaReportTickets } from './report-tickets';
import { SlaReports } from './reports';
import { SlaReportSummary } from './report-summary';
import { SlaClocks } from './sla-clocks.service';
import { ServiceSettingsStore } from './service-settings';
import { SlaSweeper } from './sweeper';

const PROVIDERS = [
  CalendarStore,
  SlaClocks,
  SlaSweeper,
  SlaExplainer,
  CalendarAdmin,
  SlaReports,
  SlaReportTickets,
  SlaReportSummary,
  ServiceSettingsStore,
];

@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class SlaModule {}
