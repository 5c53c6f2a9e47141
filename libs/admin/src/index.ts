export * from './audit-log';
export * from './admin.module';
export * from './service-settings-admin';
export * from './admin-tools.module';
