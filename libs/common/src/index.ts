export * from './errors';
export * from './config';
export * from './request-context';
export * from './validation';
export * from './error-filter';
export * from './config.module';
export * from './dates';
export * from './logging';
