export * from './audit-log';
export * from './admin.module';
export * from './service-settings-admin';
export * from './admin-tools.module';
export * from './import/import-types';
export * from './import/import.service';
export * from './membership-contacts';
