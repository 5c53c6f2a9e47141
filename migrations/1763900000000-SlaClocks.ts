import type { MigrationInterface, QueryRunner } from 'typeorm';

// Business calendars (versioned), holidays, suspensions, and the per-ticket SLA clocks.
export class SlaClocks1763900000000 implements MigrationInterface {
  name = 'SlaClocks1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendars (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        time_zone text NOT NULL,
        weekly jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      ALTER TABLE offices ADD COLUMN calendar_id uuid REFERENCES calendars(id);

      CREATE TABLE calendar_overrides (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        calendar_id uuid NOT NULL REFERENCES calendars(id),
        name text NOT NULL,
        date_from date NOT NULL,
        date_to date NOT NULL CHECK (date_to >= date_from),
        weekly jsonb NOT NULL
      );
      CREATE INDEX calendar_overrides_calendar_idx ON calendar_overrides (calendar_id);

      -- calendar_id NULL: national (every calendar); otherwise a local holiday of that calendar.
      CREATE TABLE holidays (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        date date NOT NULL,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('LIBUR_NASIONAL', 'CUTI_BERSAMA', 'LOKAL')),
        calendar_id uuid REFERENCES calendars(id)
      );
      CREATE UNIQUE INDEX holidays_date_uq ON holidays (date, COALESCE(calendar_id, '00000000-0000-0000-0000-000000000000'::uuid));

      -- Declared emergency or maintenance: clocks stop. calendar_id NULL: every calendar.
      CREATE TABLE calendar_suspensions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        calendar_id uuid REFERENCES calendars(id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
        reason text NOT NULL
      );

      CREATE TABLE calendar_changes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        calendar_id uuid REFERENCES calendars(id),
        change text NOT NULL,
        detail jsonb NOT NULL,
        actor_id uuid REFERENCES persons(id),
        clocks_recomputed integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE sla_clocks (
        ticket_id uuid NOT NULL REFERENCES tickets(id),
        kind text NOT NULL CHECK (kind IN ('RESPONSE', 'RESOLUTION')),
        rule jsonb NOT NULL,
        calendar_id uuid NOT NULL REFERENCES calendars(id),
        calendar_version integer NOT NULL,
        started_at timestamptz NOT NULL,
        target_minutes integer,
        due_at timestamptz,
        warn_at timestamptz,
        pauses jsonb NOT NULL DEFAULT '[]',
        paused_since timestamptz,
        stopped_at timestamptz,
        stop_reason text,
        used_minutes integer,
        warned_at timestamptz,
        breached_at timestamptz,
        PRIMARY KEY (ticket_id, kind)
      );
      CREATE INDEX sla_clocks_due_idx ON sla_clocks (due_at)
        WHERE stopped_at IS NULL AND breached_at IS NULL AND paused_since IS NULL;
      CREATE INDEX sla_clocks_warn_idx ON sla_clocks (warn_at)
        WHERE stopped_at IS NULL AND warned_at IS NULL AND breached_at IS NULL AND paused_since IS NULL;
      CREATE INDEX sla_clocks_calendar_open_idx ON sla_clocks (calendar_id) WHERE stopped_at IS NULL;
      CREATE INDEX sla_clocks_breached_idx ON sla_clocks (breached_at) WHERE breached_at IS NOT NULL;

      -- Denormalised for queues and reports: one scan of tickets answers both.
      ALTER TABLE tickets
        ADD COLUMN due_at timestamptz,
        ADD COLUMN first_response_at timestamptz,
        ADD COLUMN response_minutes integer,
        ADD COLUMN response_met boolean,
        ADD COLUMN resolution_minutes integer,
        ADD COLUMN resolution_met boolean;
      CREATE INDEX tickets_office_due_idx ON tickets (office_id, due_at, id)
        WHERE status IN ('BARU', 'DIPROSES', 'MENUNGGU_PERBAIKAN', 'DIESKALASI');
      CREATE INDEX tickets_office_resolved_idx ON tickets (office_id, resolved_at) WHERE resolved_at IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX tickets_office_resolved_idx;
      DROP INDEX tickets_office_due_idx;
      ALTER TABLE tickets DROP COLUMN due_at, DROP COLUMN first_response_at, DROP COLUMN response_minutes,
        DROP COLUMN response_met, DROP COLUMN resolution_minutes, DROP COLUMN resolution_met;
      DROP TABLE sla_clocks, calendar_changes, calendar_suspensions, holidays, calendar_overrides;
      ALTER TABLE offices DROP COLUMN calendar_id;
      DROP TABLE calendars;
    `);
  }
}
