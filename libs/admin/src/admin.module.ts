import { Module } from '@nestjs/common';
import { AuditModule } from '@loket/audit';
import { NotifyModule } from '@loket/notify';
import { RegistryModule } from '@loket/registry';
import { SlaModule } from '@loket/sla';
import { AuditQuery } from './audit-query';
import { OfficeCalendars } from './office-calendars';
import { OfficesAdmin } from './offices';
import { OutboxAdmin } from './outbox-admin';
import { SatkersAdmin } from './satkers';
import { StaffAdmin } from './staff';

const SERVICES = [AuditQuery, OfficesAdmin, SatkersAdmin, StaffAdmin, OfficeCalendars, OutboxAdmin];

/** Administration of offices, satkers and staff; TicketsModule (global) provides the ticket services it uses. */
@Module({
  imports: [RegistryModule, SlaModule, AuditModule, NotifyModule],
  providers: SERVICES,
  exports: [...SERVICES, AuditModule],
})
export class AdminModule {}
