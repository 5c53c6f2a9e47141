export * from './names';
export * from './digit-identities';
export * from './myintress';
export * from './registry.module';
