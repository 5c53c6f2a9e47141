// The audit log lives in libs/audit (tickets and others write it too); re-exported for admin's callers.
export * from '@loket/audit';
export * from './admin-scope';
export * from './offices';
export * from './satkers';
export * from './staff';
export * from './audit-query';
export * from './office-calendars';
export * from './outbox-admin';
export * from './admin.module';
export * from './service-settings-admin';
export * from './admin-tools.module';
export * from './import/import-types';
export * from './import/import.service';
export * from './membership-contacts';
