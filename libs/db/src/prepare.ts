import path from 'node:path';
import { createDataSource, migrate, type Migrations } from './data-source';
import { startEmbeddedPostgresProcess, type EmbeddedPostgres } from './embedded-launcher';

export interface PreparedDatabase {
  url: string;
  embedded: EmbeddedPostgres | null;
  applied: string[];
}

/** DATABASE_URL if given, else the embedded PGlite under the data dir (in a child process); then the pending migrations. */
export async function prepareDatabase(
  options: { databaseUrl: string | null; dataDir: string; poolSize: number },
  migrations: Migrations,
): Promise<PreparedDatabase> {
  const embedded = options.databaseUrl
    ? null
    : await startEmbeddedPostgresProcess(path.join(options.dataDir, 'pgdata'), options.poolSize + 4);
  const url = options.databaseUrl ?? embedded!.url;
  const ds = await createDataSource(url, 1, migrations).initialize();
  try {
    return { url, embedded, applied: await migrate(ds) };
  } finally {
    await ds.destroy();
  }
}
