export * from './embedded-launcher';
export * from './data-source';
export * from './db.module';
export * from './sql';
export * from './write-batch';
export * from './prepare';
