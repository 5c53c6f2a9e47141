import type { DataSource, EntityManager } from 'typeorm';

/** Anything that can run SQL: the DataSource or the EntityManager of an open transaction. */
export type Queryable = Pick<EntityManager, 'query'> | Pick<DataSource, 'query'>;

// TypeORM answers UPDATE/DELETE with [rows, affectedCount] but SELECT/INSERT with rows; rows are
// objects, never arrays, so the pair is recognisable.
function rowsOf<T>(result: unknown): T[] {
  const pair =
    Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number';
  return (pair ? result[0] : result) as T[];
}

export async function one<T>(db: Queryable, sql: string, params: unknown[] = []): Promise<T | null> {
  return rowsOf<T>(await db.query(sql, params))[0] ?? null;
}

export async function many<T>(db: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  return rowsOf<T>(await db.query(sql, params));
}

/** PostgreSQL's SQLSTATE of a driver error, if any (23505 unique violation, 40P01 deadlock...). */
export const sqlState = (err: unknown): string | undefined =>
  (err as { code?: string; driverError?: { code?: string } })?.driverError?.code ?? (err as { code?: string })?.code;
