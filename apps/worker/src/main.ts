import '../../register-aliases';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppLogger, ConfigModule, createLogger, loadConfig } from '@loket/common';
import { DbModule, prepareDatabase } from '@loket/db';
import { TicketsModule } from '@loket/tickets';
import { MIGRATIONS } from '../../../migrations';
import { WorkerModule } from './worker.module';

// A worker on its own: needs DATABASE_URL, since the embedded database belongs to one process.
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl)
    throw new Error('Worker terpisah memerlukan DATABASE_URL; tanpa itu jalankan `npm start` saja.');
  const { url } = await prepareDatabase(
    { databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 4 },
    MIGRATIONS,
  );
  @Module({ imports: [ConfigModule.forRoot(config), DbModule.forRoot(url, 4), TicketsModule.forRoot(), WorkerModule] })
  class StandaloneWorker {}
  const log = createLogger({ format: config.logFormat, level: config.logLevel });
  const app = await NestFactory.createApplicationContext(StandaloneWorker, { logger: new AppLogger(log) });
  app.enableShutdownHooks();
  new Logger('Worker').log('worker berjalan');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
