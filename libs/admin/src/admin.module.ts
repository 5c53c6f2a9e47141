import { Module } from '@nestjs/common';
import { RegistryModule } from '@loket/registry';
import { SlaModule } from '@loket/sla';
import { AuditLog } from './audit-log';
import { AuditQuery } from './audit-query';
import { OfficeCalendars } from './office-calendars';
import { OfficesAdmin } from './offices';
import { SatkersAdmin } from './satkers';
import { StaffAdmin } from './staff';

const SERVICES = [AuditLog, AuditQuery, OfficesAdmin, SatkersAdmin, StaffAdmin, OfficeCalendars];

/** Administration of offices, satkers and staff; TicketsModule (global) provides the ticket services it uses. */
@Module({ imports: [RegistryModule, SlaModule], providers: SERVICES, exports: SERVICES })
export class AdminModule {}
