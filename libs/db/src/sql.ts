import type { DataSource, EntityManager } from 'typeorm';

/** Anything that can run SQL: the DataSource or the EntityManager of an open transaction. */
export type Queryable = Pick<EntityManager, 'query'> | Pick<DataSource, 'query'>;

export async function one<T>(db: Queryable, sql: string, params: unknown[] = []): Promise<T | null> {
  const rows: T[] = await db.query(sql, params);
  return rows[0] ?? null;
}

export async function many<T>(db: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  return db.query(sql, params);
}

/** PostgreSQL's SQLSTATE of a driver error, if any (23505 unique violation, 40P01 deadlock...). */
export const sqlState = (err: unknown): string | undefined =>
  (err as { code?: string; driverError?: { code?: string } })?.driverError?.code ?? (err as { code?: string })?.code;
