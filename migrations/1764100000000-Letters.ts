import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issued letters (frozen: number, data, rendered HTML and PDF with their SHA-256) and their
// per-office, per-year number sequence.
export class Letters1764100000000 implements MigrationInterface {
  name = 'Letters1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE letter_counters (
        office_id uuid NOT NULL REFERENCES offices(id),
        year integer NOT NULL,
        last_value integer NOT NULL,
        PRIMARY KEY (office_id, year)
      );
      CREATE TABLE letters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES tickets(id),
        office_id uuid NOT NULL REFERENCES offices(id),
        template text NOT NULL,
        year integer NOT NULL,
        seq integer NOT NULL,
        number text NOT NULL,
        data jsonb NOT NULL,
        html text NOT NULL,
        html_sha256 char(64) NOT NULL,
        pdf bytea,
        pdf_sha256 char(64),
        issued_by uuid REFERENCES persons(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT letters_seq_uq UNIQUE (office_id, year, seq)
      );
      CREATE INDEX letters_ticket_idx ON letters (ticket_id, created_at);

      ALTER TABLE outbox ADD COLUMN last_attempt_at timestamptz;
      -- What a letterhead needs.
      ALTER TABLE offices ADD COLUMN city text, ADD COLUMN address text;
      ALTER TABLE persons ADD COLUMN title text;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE persons DROP COLUMN title;
      ALTER TABLE offices DROP COLUMN city, DROP COLUMN address;
      ALTER TABLE outbox DROP COLUMN last_attempt_at;
      DROP TABLE letters, letter_counters;
    `);
  }
}
