import type { MigrationInterface, QueryRunner } from 'typeorm';

// A search that matches many articles reads every match's tsvector. Left EXTENDED, the toaster moves it
// out of line beside the long body columns, and each match costs a TOAST index lookup: 5,000 seeded
// articles took 90-110 ms for a broad word. MAIN keeps it in the row (the bodies go out of line first):
// 13 ms. Existing rows are rewritten so their vectors move in.
export class KbSearchInline1764800000001 implements MigrationInterface {
  name = 'KbSearchInline1764800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE kb_articles ALTER COLUMN search SET STORAGE MAIN`);
    await q.query(`UPDATE kb_articles SET body_text = body_text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE kb_articles ALTER COLUMN search SET STORAGE EXTENDED`);
  }
}
