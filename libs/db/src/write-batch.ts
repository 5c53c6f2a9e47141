import { many, type Queryable } from './sql';

/**
 * One statement built from data-modifying CTEs, so a request's inserts travel in one round trip.
 * Each part is written with its own $1, $2...; they are renumbered here. Parts may select from
 * earlier parts by name (rows a CTE inserts are visible only through its RETURNING, not to the others'
 * reads of the table: PostgreSQL runs all of them on one snapshot).
 */
export class WriteBatch {
  private readonly parts: string[] = [];
  private readonly params: unknown[] = [];

  with(name: string, sql: string, params: unknown[] = []): this {
    this.parts.push(`${name} AS (${this.renumber(sql)})`);
    this.params.push(...params);
    return this;
  }

  get empty(): boolean {
    return this.parts.length === 0;
  }

  /** Sends the parts added so far as one statement (nothing when there are none). */
  async flush(db: Queryable): Promise<void> {
    if (!this.empty) await this.run(db, 'SELECT 1');
  }

  /** Runs the CTEs with `sql` as the main query, answering its rows. */
  run<T>(db: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
    const main = this.renumber(sql);
    return many<T>(db, `WITH ${this.parts.join(',\n')}\n${main}`, [...this.params, ...params]);
  }

  private renumber(sql: string): string {
    const offset = this.params.length;
    return sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
  }
}

/**
 * A write sent now, or added to `batch` as its part `name` when the caller gathers its writes into
 * one statement (then no later write of the same statement may touch the same rows).
 */
export async function writeNowOrIn(
  db: Queryable,
  batch: WriteBatch | undefined,
  name: string,
  sql: string,
  params: unknown[],
): Promise<void> {
  if (batch) batch.with(name, sql, params);
  else await db.query(sql, params);
}
