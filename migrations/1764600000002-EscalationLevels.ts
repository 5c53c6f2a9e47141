import type { MigrationInterface, QueryRunner } from 'typeorm';

// Escalation levels: one row per (ticket, clock, resolution cycle, level), written when the level
// fires (or, for a level some time after the breach, when it is scheduled), so each fires once
// whatever the number of workers. Tickets carry the mark views show: when a deadline was first
// missed and the highest level reached.
export class EscalationLevels1764600000002 implements MigrationInterface {
  name = 'EscalationLevels1764600000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sla_escalations (
        ticket_id uuid NOT NULL REFERENCES tickets(id),
        clock text NOT NULL CHECK (clock IN ('RESPONSE', 'RESOLUTION')),
        cycle integer NOT NULL,
        level integer NOT NULL,
        definition jsonb NOT NULL,
        due_at timestamptz NOT NULL,
        fired_at timestamptz,
        outcome text,
        PRIMARY KEY (ticket_id, clock, cycle, level)
      );
      CREATE INDEX sla_escalations_pending_idx ON sla_escalations (due_at) WHERE fired_at IS NULL;
      ALTER TABLE tickets ADD COLUMN breached_at timestamptz, ADD COLUMN escalation_level smallint NOT NULL DEFAULT 0;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE tickets DROP COLUMN breached_at, DROP COLUMN escalation_level;
      DROP TABLE sla_escalations;
    `);
  }
}
