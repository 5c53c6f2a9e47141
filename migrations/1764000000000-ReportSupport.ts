import type { MigrationInterface, QueryRunner } from 'typeorm';

// Reports at national scale: the filing month (WIB) kept with each ticket and a covering index, so a
// year of tickets is read by an index-only scan; the office on each clock, for breach lists by scope.
export class ReportSupport1764000000000 implements MigrationInterface {
  name = 'ReportSupport1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE tickets ADD COLUMN filed_month date
        GENERATED ALWAYS AS (date_trunc('month', created_at AT TIME ZONE 'Asia/Jakarta')::date) STORED;
      CREATE INDEX tickets_report_idx ON tickets (office_id, created_at)
        INCLUDE (filed_month, service_code, assignee_id, resolved_at, response_minutes, response_met,
                 resolution_minutes, resolution_met, correction_rounds);
      DROP INDEX tickets_office_created_idx;

      ALTER TABLE sla_clocks ADD COLUMN office_id uuid REFERENCES offices(id);
      UPDATE sla_clocks c SET office_id = t.office_id FROM tickets t WHERE t.id = c.ticket_id;
      ALTER TABLE sla_clocks ALTER COLUMN office_id SET NOT NULL;
      CREATE INDEX sla_clocks_office_breached_idx ON sla_clocks (office_id, breached_at) WHERE breached_at IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX sla_clocks_office_breached_idx;
      ALTER TABLE sla_clocks DROP COLUMN office_id;
      CREATE INDEX tickets_office_created_idx ON tickets (office_id, created_at, id);
      DROP INDEX tickets_report_idx;
      ALTER TABLE tickets DROP COLUMN filed_month;
    `);
  }
}
