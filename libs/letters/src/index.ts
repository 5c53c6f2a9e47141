export * from './renderer';
export * from './pdf';
export * from './chromium';
export * from './letter-numbers';
export * from './letters.service';
export * from './letters.module';
export * from './closing';
