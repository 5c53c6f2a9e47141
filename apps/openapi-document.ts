// `npm run openapi:document [file]`: the OpenAPI document of the API, written without a database or
// a port (Nest's preview mode registers routes but creates no providers), for linting and clients.
import './register-aliases';
import { NestFactory } from '@nestjs/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '@loket/common';
import { AppModule } from './api/src/app.module';
import { useApiPrefix } from './api/src/http/http-setup';
import { createOpenApiDocument } from './api/src/http/openapi';

async function main(out: string): Promise<void> {
  const config = loadConfig({ ...process.env, SEED_DEMO: 'false', RUN_WORKER: 'false' });
  const app = await NestFactory.create(AppModule.forRoot({ config, databaseUrl: 'postgresql://unused/unused' }), {
    preview: true,
    logger: false,
  });
  useApiPrefix(app);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(createOpenApiDocument(app), null, 2) + '\n');
  await app.close();
}

main(process.argv[2] ?? 'var/openapi.json').catch((err) => {
  console.error(err);
  process.exit(1);
});
