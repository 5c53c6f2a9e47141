export * from './audit-log';
export * from './admin.module';
