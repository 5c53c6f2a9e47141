export * from './outbox';
export * from './mailer';
export * from './relay';
export * from './outbox-reader';
export * from './notify.module';
