export * from './outbox';
export * from './mailer';
export * from './relay';
export * from './notify.module';
