export * from './actor';
export * from './secrets';
export * from './auth.service';
export * from './auth.guard';
export * from './auth.module';
export * from './rate-limit';
export * from './session-cache';
