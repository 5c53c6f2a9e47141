import { fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';
import path from 'node:path';
import { ProtocolQueue } from './protocol-queue';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PGlite (PostgreSQL compiled to WASM) behind a loopback socket, so the ordinary `pg` driver and the
 * same migrations run on it. `dataDir` null keeps everything in memory (tests); otherwise the files
 * persist across restarts. Connections share the one PGlite session through a ProtocolQueue.
 */
export async function startEmbeddedPostgres(dataDir: string | null, maxConnections: number): Promise<EmbeddedPostgres> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // Search uses trigram matching and accent folding; PGlite has them only as contrib bundles given here
  // (the migration that needs them runs CREATE EXTENSION on both PGlite and PostgreSQL).
  const db = await PGlite.create(dataDir ?? undefined, { extensions: { pg_trgm, unaccent } });
  const queue = new ProtocolQueue(db);
  const handlers = new Set<PGLiteSocketHandler>();
  const server = createServer((socket: Socket) => {
    const handler = new PGLiteSocketHandler({ queryQueue: queue as never, closeOnDetach: true });
    handlers.add(handler);
    const forget = () => handlers.delete(handler);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    handler.attach(socket).catch(() => socket.destroy());
  });
  server.maxConnections = maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await Promise.all([...handlers].map((h) => h.detach(true)));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

/**
 * startEmbeddedPostgres in a child process (embedded-process.ts), for `npm start`: PGlite's WASM
 * memory, hundreds of MB once the catalogue and buffers are warm, then stays out of the API's RSS.
 * stop() waits for the child to close PGlite cleanly. If the child dies on its own, the database is
 * gone as surely as if PGlite had crashed inside the API, so this process exits as it would have.
 */
export async function startEmbeddedPostgresProcess(dataDir: string, maxConnections: number): Promise<EmbeddedPostgres> {
  const child = fork(path.join(__dirname, 'embedded-process.js'), [dataDir, String(maxConnections)], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let stopping = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url?: string; error?: string }) =>
      m.url ? resolve(m.url) : reject(new Error(`PGlite tidak dapat dijalankan: ${m.error}`)),
    );
    child.once('exit', (code) => reject(new Error(`Proses PGlite berhenti saat mulai (kode ${code}).`)));
  });
  child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`Proses PGlite berhenti tiba-tiba (kode ${code}, sinyal ${signal}); Loket berhenti.`);
    process.exit(1);
  });
  return {
    url,
    async stop() {
      stopping = true;
      if (child.connected) child.send('stop');
      await exited;
    },
  };
}
