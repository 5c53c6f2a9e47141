// `npm start`: the API and (unless RUN_WORKER=false) the worker in one process. The two apps never
// import each other; this entry composes them.
import './register-aliases';
import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { DataSource } from 'typeorm';
import { ImportService } from '@loket/admin';
import { createLogger, loadConfig } from '@loket/common';
import { prepareDatabase } from '@loket/db';
import { MIGRATIONS } from '../migrations';
import { createApp } from './api/src/bootstrap';
import { DEMO_PASSWORD, seedDemo } from './api/src/demo/demo-seed';
import { WorkerModule } from './worker/src/worker.module';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const root = createLogger({ format: config.logFormat, level: config.logLevel });
  const log = root.child({ context: 'Loket' });
  const db = await prepareDatabase(
    { databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize },
    MIGRATIONS,
  );
  if (db.applied.length) log.info({ migrations: db.applied }, `${db.applied.length} migrasi diterapkan`);
  const app = await createApp(config, db.url, { log: root, modules: config.runWorker ? [WorkerModule] : [] });
  const seeded = config.seedDemo ? await seedDemo(app.get(DataSource), app.get(ImportService)) : null;
  await app.listen(config.port, config.host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  const base = config.publicUrl.startsWith(`http://${config.host}:`) ? url : config.publicUrl;
  // What an operator or a newcomer needs first: where to go, where things are kept, how to log in.
  log.info({ ms: Date.now() - started }, `Loket siap dalam ${Date.now() - started} ms`);
  log.info(`Portal: ${base}/masuk`);
  log.info(`API: ${base}/api/v1, dokumentasi: ${base}/api/docs`);
  log.info(
    db.embedded
      ? `Data: basis data tertanam (PGlite) di ${config.dataDir}/pgdata, berkas di ${config.filesDir}`
      : `Data: PostgreSQL dari DATABASE_URL, berkas di ${config.filesDir}`,
  );
  log.info(
    config.smtpUrl ? 'Surel: dikirim melalui SMTP_URL' : `Surel: ditulis sebagai berkas .eml di ${config.mailDir}`,
  );
  if (seeded) {
    log.info(
      `Data demo ${seeded.created ? 'dibuat' : 'sudah ada'}. Masuk dengan NIK berikut, kata sandi "${DEMO_PASSWORD}":`,
    );
    seeded.logins.forEach((l) => log.info(`  ${l.nik}  ${l.role.padEnd(30)} ${l.name}`));
  }
  root.flush(); // the start-up lines now, not with the next 4 KB of access lines
  onSignals(app, config.shutdownGraceSeconds, log, async () => db.embedded?.stop());
}

/**
 * SIGTERM/SIGINT: stop accepting connections, let requests in flight finish (at most the grace period,
 * then their connections are cut), then close the app (the worker's jobs drain and hand back outbox
 * leases, the pool closes) and exit 0.
 */
function onSignals(
  app: INestApplication,
  graceSeconds: number,
  log: ReturnType<typeof createLogger>,
  after: () => Promise<unknown>,
): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(
      `${signal}: berhenti menerima koneksi, menunggu permintaan yang sedang berjalan (paling lama ${graceSeconds} s)`,
    );
    const server = app.getHttpServer() as Server;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive connections with no request in flight would hold close() open: end them now and as
    // each in-flight request finishes.
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    server.closeIdleConnections();
    const cut = setTimeout(() => server.closeAllConnections(), graceSeconds * 1000);
    await closed;
    clearInterval(idle);
    clearTimeout(cut);
    await app.close();
    await after();
    log.info('berhenti');
    await new Promise<void>((resolve) => log.flush(() => resolve()));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
