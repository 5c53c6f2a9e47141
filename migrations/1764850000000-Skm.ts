import type { MigrationInterface, QueryRunner } from 'typeorm';

// The SKM survey (PermenPANRB 14/2017): one questionnaire per closed ticket and at most one per satker,
// service and semester, both enforced here so a race cannot count a satker twice. Reports read the
// nine scores per office and semester from the report index alone (index-only scan).
export class Skm1764850000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    const scores = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `u${i} smallint NOT NULL CHECK (u${i} BETWEEN 1 AND 4)`).join(',\n        ');
    await q.query(`
      CREATE TABLE skm_responses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES tickets(id),
        satker_id uuid NOT NULL REFERENCES satkers(id),
        office_id uuid NOT NULL REFERENCES offices(id),
        service_code text NOT NULL,
        period_year smallint NOT NULL,
        period_half smallint NOT NULL CHECK (period_half IN (1, 2)),
        person_id uuid NOT NULL REFERENCES persons(id),
        ${scores},
        jenis_kelamin text NOT NULL CHECK (jenis_kelamin IN ('L', 'P')),
        pendidikan text NOT NULL CHECK (pendidikan IN ('SD', 'SMP', 'SMA', 'D3', 'S1', 'S2', 'S3')),
        pekerjaan text NOT NULL CHECK (pekerjaan IN ('PNS', 'TNI', 'POLRI', 'SWASTA', 'WIRAUSAHA', 'LAINNYA')),
        pekerjaan_lainnya text,
        umur smallint NOT NULL CHECK (umur BETWEEN 17 AND 100),
        saran text,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT skm_responses_ticket_uq UNIQUE (ticket_id),
        CONSTRAINT skm_responses_period_uq UNIQUE (satker_id, service_code, period_year, period_half)
      );
      CREATE INDEX skm_responses_report_idx ON skm_responses (office_id, period_year, period_half, service_code)
        INCLUDE (u1, u2, u3, u4, u5, u6, u7, u8, u9);

      CREATE TABLE skm_skips (
        ticket_id uuid PRIMARY KEY REFERENCES tickets(id),
        satker_id uuid NOT NULL REFERENCES satkers(id),
        person_id uuid NOT NULL REFERENCES persons(id),
        skipped_at timestamptz NOT NULL DEFAULT now()
      );

      -- The satker's home offers the survey for tickets resolved this semester: a range over these only.
      CREATE INDEX tickets_satker_resolved_idx ON tickets (satker_id, resolved_at DESC) WHERE resolved_at IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tickets_satker_resolved_idx; DROP TABLE skm_skips; DROP TABLE skm_responses;`);
  }
}
