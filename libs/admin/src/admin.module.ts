import { Module } from '@nestjs/common';
import { RegistryModule } from '@loket/registry';
import { AuditModule } from '@loket/audit';
import { AuditQuery } from './audit-query';
import { OfficesAdmin } from './offices';
import { SatkersAdmin } from './satkers';
import { StaffAdmin } from './staff';

const SERVICES = [AuditQuery, OfficesAdmin, SatkersAdmin, StaffAdmin];

/** Administration of offices, satkers and staff; TicketsModule (global) provides the ticket services it uses. */
@Module({ imports: [RegistryModule, AuditModule], providers: SERVICES, exports: [...SERVICES, AuditModule] })
export class AdminModule {}
