import '../../register-aliases';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ImportService } from '@loket/admin';
import { loadConfig } from '@loket/common';
import { createApp, prepareDatabase } from './bootstrap';
import { DEMO_PASSWORD, seedDemo } from './demo/demo-seed';

async function main(): Promise<void> {
  const started = Date.now();
  const logger = new Logger('Loket');
  const config = loadConfig();
  const db = await prepareDatabase(config);
  if (db.applied.length) logger.log(`migrasi diterapkan: ${db.applied.join(', ')}`);
  const app = await createApp(config, db.url);
  const seeded = config.seedDemo ? await seedDemo(app.get(DataSource), app.get(ImportService)) : null;
  await app.listen(config.port, config.host);
  const url = await app.getUrl();
  const where = db.embedded ? `basis data tertanam (PGlite) di ${config.dataDir}/pgdata` : 'DATABASE_URL';
  logger.log(`Loket siap di ${url}/api/v1 (dokumentasi: ${url}/api/docs), ${where}, ${Date.now() - started} ms`);
  if (seeded) {
    logger.log(`Data demo ${seeded.created ? 'dibuat' : 'sudah ada'}. Masuk dengan NIK berikut, kata sandi "${DEMO_PASSWORD}":`);
    seeded.logins.forEach((l) => logger.log(`  ${l.nik}  ${l.role.padEnd(30)} ${l.name}`));
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: berhenti`);
    await app.close();
    await db.embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  process.exit(1);
});
