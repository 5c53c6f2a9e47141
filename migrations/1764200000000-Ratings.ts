import type { MigrationInterface, QueryRunner } from 'typeorm';

// Service ratings (one per ticket, after SELESAI or DITOLAK), kept on the ticket for reports.
export class Ratings1764200000000 implements MigrationInterface {
  name = 'Ratings1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_ratings (
        ticket_id uuid PRIMARY KEY REFERENCES tickets(id),
        rating text NOT NULL CHECK (rating IN ('POSITIF', 'NETRAL', 'NEGATIF')),
        comment text,
        person_id uuid NOT NULL REFERENCES persons(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      ALTER TABLE tickets ADD COLUMN rating text;
      DROP INDEX tickets_report_idx;
      CREATE INDEX tickets_report_idx ON tickets (office_id, created_at)
        INCLUDE (filed_month, service_code, assignee_id, resolved_at, response_minutes, response_met,
                 resolution_minutes, resolution_met, correction_rounds, rating);
      -- The worker closes resolved tickets after 7 days.
      CREATE INDEX tickets_resolved_open_idx ON tickets (resolved_at) WHERE status IN ('SELESAI', 'DITOLAK');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX tickets_resolved_open_idx;
      DROP INDEX tickets_report_idx;
      CREATE INDEX tickets_report_idx ON tickets (office_id, created_at)
        INCLUDE (filed_month, service_code, assignee_id, resolved_at, response_minutes, response_met,
                 resolution_minutes, resolution_met, correction_rounds);
      ALTER TABLE tickets DROP COLUMN rating;
      DROP TABLE ticket_ratings;
    `);
  }
}
