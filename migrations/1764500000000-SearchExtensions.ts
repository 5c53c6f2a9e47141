import type { MigrationInterface, QueryRunner } from 'typeorm';

// Trigram matching (numbers and names in search) and accent folding. PostgreSQL ships both as contrib;
// the embedded PGlite loads them from @electric-sql/pglite/contrib (libs/db/src/embedded.ts).
export class SearchExtensions1764500000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP EXTENSION IF EXISTS unaccent`);
    await q.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
