import { Module } from '@nestjs/common';
import { RegistryModule } from '@loket/registry';
import { AuditLog } from './audit-log';
import { AuditQuery } from './audit-query';
import { OfficesAdmin } from './offices';
import { SatkersAdmin } from './satkers';
import { StaffAdmin } from './staff';

const SERVICES = [AuditLog, AuditQuery, OfficesAdmin, SatkersAdmin, StaffAdmin];

/** Administration of offices, satkers and staff; TicketsModule (global) provides the ticket services it uses. */
@Module({ imports: [RegistryModule], providers: SERVICES, exports: SERVICES })
export class AdminModule {}
