import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import { AppLogger, createLogger, type AppConfig } from '@loket/common';
import type { ServiceDefinition } from '@loket/services';
import { AppModule } from './app.module';
import { configureHttp } from './http/http-setup';

export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  options: { services?: ServiceDefinition[]; log?: Logger; modules?: Type[] } = {},
): Promise<INestApplication> {
  const log = options.log ?? createLogger({ format: config.logFormat, level: config.logLevel });
  const app = await NestFactory.create(
    AppModule.forRoot({ config, databaseUrl, services: options.services, modules: options.modules }),
    {
      bodyParser: false,
      logger: new AppLogger(log),
    },
  );
  await configureHttp(app, log);
  return app;
}
