import { DataSource, type MigrationInterface } from 'typeorm';

/** The migration classes (migrations/index.ts); the apps pass them in, so this library knows none. */
export type Migrations = Array<new () => MigrationInterface>;

export function createDataSource(url: string, poolSize: number, migrations: Migrations = []): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    migrations,
    entities: [],
    // TypeORM's error log prints query parameters (NIKs, tokens); errors reach our filter instead.
    logging: false,
    applicationName: 'loket',
    extra: { max: poolSize, connectionTimeoutMillis: 10_000 },
  });
}

/** Applies pending migrations; safe to call from several processes (PostgreSQL serialises them on a lock). */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  await dataSource.query(`SELECT pg_advisory_lock(hashtext('loket.migrations'))`);
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.query(`SELECT pg_advisory_unlock(hashtext('loket.migrations'))`);
  }
}

/** Migrations this code knows that the database has not applied (readiness: a half-migrated database is not ready). */
export async function pendingMigrations(dataSource: DataSource, migrations: Migrations): Promise<string[]> {
  const rows: Array<{ name: string }> = await dataSource.query(`SELECT name FROM migrations`);
  const applied = new Set(rows.map((r) => r.name));
  return migrations.map((m) => m.name).filter((name) => !applied.has(name));
}
