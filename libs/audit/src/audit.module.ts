import { Global, Module } from '@nestjs/common';
import { AuditLog } from './audit-log';

/** The append-only audit log, for every library that makes administrative changes or lookups. */
@Global()
@Module({ providers: [AuditLog], exports: [AuditLog] })
export class AuditModule {}
