import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import path from 'node:path';
import type { Logger } from 'pino';
import { AppLogger, createLogger, type AppConfig } from '@loket/common';
import { createDataSource, migrate, startEmbeddedPostgres, type EmbeddedPostgres } from '@loket/db';
import type { Catalogue } from '@loket/workflow';
import { AppModule } from './app.module';
import { configureHttp } from './http/http-setup';

export interface PreparedDatabase {
  url: string;
  embedded: EmbeddedPostgres | null;
  applied: string[];
}

/** DATABASE_URL if given, else the embedded PGlite under var/; then pending migrations. */
export async function prepareDatabase(config: AppConfig): Promise<PreparedDatabase> {
  const embedded = config.databaseUrl ? null
    : await startEmbeddedPostgres(path.join(config.dataDir, 'pgdata'), config.dbPoolSize + 4);
  const url = config.databaseUrl ?? embedded!.url;
  const ds = await createDataSource(url, 1).initialize();
  try {
    return { url, embedded, applied: await migrate(ds) };
  } finally {
    await ds.destroy();
  }
}

export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  options: { catalogue?: Catalogue; log?: Logger } = {},
): Promise<INestApplication> {
  const log = options.log ?? createLogger({ format: config.logFormat, level: config.logLevel });
  const app = await NestFactory.create(AppModule.forRoot({ config, databaseUrl, catalogue: options.catalogue }), {
    bodyParser: false,
    logger: new AppLogger(log),
  });
  await configureHttp(app, log);
  return app;
}
