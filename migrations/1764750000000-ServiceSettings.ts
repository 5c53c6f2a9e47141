import type { MigrationInterface, QueryRunner } from 'typeorm';

// A service's SLA targets and warning threshold as effective-dated versions. Version 1 of each service
// is its catalogue entry, written the first time it is needed; an admin's change is a new version with a
// start date. Each clock remembers the version it was started with, so a change never touches a ticket
// already filed, and the SLA explanation can name it.
export class ServiceSettings1764750000000 implements MigrationInterface {
  name = 'ServiceSettings1764750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE service_settings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        service_code text NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        effective_from date NOT NULL,
        response jsonb,
        resolution jsonb NOT NULL,
        warning jsonb NOT NULL,
        reason text,
        created_by uuid REFERENCES persons(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT service_settings_version_uq UNIQUE (service_code, version)
      );
      -- Filing asks: the newest version of this service that has started on the office's date.
      CREATE INDEX service_settings_in_force_idx ON service_settings (service_code, effective_from DESC, version DESC);
      ALTER TABLE sla_clocks ADD COLUMN settings_id uuid REFERENCES service_settings(id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sla_clocks DROP COLUMN settings_id; DROP TABLE service_settings;`);
  }
}
