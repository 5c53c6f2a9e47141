export * from './embedded';
export * from './data-source';
export * from './db.module';
export * from './sql';
export * from './write-batch';
export * from './prepare';
