import type { MigrationInterface, QueryRunner } from 'typeorm';

// Canned replies (templat balasan): national ones (office_id NULL, kept by Kantor Pusat supervisors)
// and per office. The composer lists the national ones and the ticket's office's, by title: the
// partial index and the office index serve exactly those two reads.
export class ReplyTemplates1764950000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reply_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        office_id uuid REFERENCES offices(id),
        title text NOT NULL CHECK (length(title) BETWEEN 3 AND 120),
        body text NOT NULL CHECK (length(body) BETWEEN 3 AND 5000),
        created_by uuid NOT NULL REFERENCES persons(id),
        updated_by uuid NOT NULL REFERENCES persons(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX reply_templates_office_idx ON reply_templates (office_id, title) WHERE office_id IS NOT NULL;
      CREATE INDEX reply_templates_national_idx ON reply_templates (title) WHERE office_id IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reply_templates`);
  }
}
