// Runs once before the e2e suites: a database to test against (the given DATABASE_URL, or a fresh
// in-memory PGlite served on a loopback socket), with every migration applied. Workers inherit the URL.
import { createDataSource, migrate } from '../../libs/db/src/data-source';
import { MIGRATIONS } from '../../migrations';
import { startEmbeddedPostgres } from '../../libs/db/src/embedded';

export default async function globalSetup(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    const embedded = await startEmbeddedPostgres(null, 100);
    (globalThis as { __loketEmbedded?: unknown }).__loketEmbedded = embedded;
    process.env.DATABASE_URL = embedded.url;
  }
  const ds = await createDataSource(process.env.DATABASE_URL, 1, MIGRATIONS).initialize();
  await migrate(ds);
  await ds.destroy();
}
