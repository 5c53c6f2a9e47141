import type { MigrationInterface, QueryRunner } from 'typeorm';

// Reopened tickets: the resolution clock runs a new cycle. sla_clocks keeps the running cycle of
// each clock (one row per ticket and kind, as every query expects); a cycle that ends by reopening
// is kept whole in sla_clock_cycles. tickets keep the first cycle's result in resolution_met (the
// report's compliance) and count the later cycles apart, so a reopening never rewrites it.
export class ReopenCycles1764600000001 implements MigrationInterface {
  name = 'ReopenCycles1764600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE sla_clocks ADD COLUMN cycle integer NOT NULL DEFAULT 1;
      CREATE TABLE sla_clock_cycles (LIKE sla_clocks INCLUDING DEFAULTS, PRIMARY KEY (ticket_id, kind, cycle));
      ALTER TABLE sla_clock_cycles ADD FOREIGN KEY (ticket_id) REFERENCES tickets(id);
      CREATE INDEX sla_clock_cycles_breached_idx ON sla_clock_cycles (office_id, breached_at) WHERE breached_at IS NOT NULL;

      ALTER TABLE tickets
        ADD COLUMN reopen_count integer NOT NULL DEFAULT 0,
        ADD COLUMN reopen_cycles_measured integer NOT NULL DEFAULT 0,
        ADD COLUMN reopen_cycles_met integer NOT NULL DEFAULT 0;
      -- The report reads its figures from this index alone; the reopen counts join them.
      DROP INDEX tickets_report_idx;
      CREATE INDEX tickets_report_idx ON tickets (office_id, created_at)
        INCLUDE (filed_month, service_code, assignee_id, resolved_at, response_minutes, response_met,
                 resolution_minutes, resolution_met, correction_rounds, rating, reopen_count, reopen_cycles_measured, reopen_cycles_met);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX tickets_report_idx;
      CREATE INDEX tickets_report_idx ON tickets (office_id, created_at)
        INCLUDE (filed_month, service_code, assignee_id, resolved_at, response_minutes, response_met,
                 resolution_minutes, resolution_met, correction_rounds, rating);
      ALTER TABLE tickets DROP COLUMN reopen_count, DROP COLUMN reopen_cycles_measured, DROP COLUMN reopen_cycles_met;
      DROP TABLE sla_clock_cycles;
      ALTER TABLE sla_clocks DROP COLUMN cycle;
    `);
  }
}
