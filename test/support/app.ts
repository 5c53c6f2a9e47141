import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { createLogger, loadConfig, type AppConfig } from '@loket/common';
import type { ServiceDefinition } from '@loket/services';
import { createApp } from '../../apps/api/src/bootstrap';
import { checkedHttp } from './checked-http';
import { filesUnder } from './files';
import { TEST_SCRYPT_LOG2N } from './world';

export interface TestApp {
  app: INestApplication;
  url: string;
  /** supertest, with every /api/v1 answer checked against the OpenAPI document (checked-http.ts). */
  http: Awaited<ReturnType<typeof checkedHttp>>;
  db: DataSource;
  config: AppConfig;
  /** Every file in the attachment store, as relative paths. */
  storedFiles(): string[];
  /** Temp uploads left behind (there should never be any once a request has finished). */
  tempFiles(): string[];
  close(): Promise<void>;
}

/** The real HTTP stack on a loopback port, against the suite's database, with its own file store. */
export async function startTestApp(
  options: { services?: ServiceDefinition[]; env?: Record<string, string>; log?: Logger } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'loket-e2e-'));
  const config = loadConfig({
    ...process.env,
    LOKET_DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    RUN_WORKER: 'false',
    DB_POOL_SIZE: '6',
    PORT: '0',
    PASSWORD_SCRYPT_LOG2N: TEST_SCRYPT_LOG2N,
    ...options.env,
  });
  const app = await createApp(config, process.env.DATABASE_URL!, {
    services: options.services,
    log: options.log ?? createLogger({ format: 'json', level: 'warn' }),
  });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    url,
    config,
    http: await checkedHttp(url),
    db: app.get(DataSource),
    storedFiles: () => filesUnder(config.filesDir),
    tempFiles: () => filesUnder(config.uploadTmpDir),
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
