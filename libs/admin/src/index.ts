export * from './audit-log';
export * from './admin-scope';
export * from './offices';
export * from './satkers';
export * from './staff';
export * from './audit-query';
export * from './admin.module';
