import { mkdirSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';
import type { EmbeddedPostgres } from './embedded-launcher';
import { ProtocolQueue } from './protocol-queue';

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
