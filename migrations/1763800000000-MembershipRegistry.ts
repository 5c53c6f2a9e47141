import type { MigrationInterface, QueryRunner } from 'typeorm';

// MyIntress registry rules: membership history, login throttling.
export class MembershipRegistry1763800000000 implements MigrationInterface {
  name = 'MembershipRegistry1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Every status change of a membership, with who did it and the ticket it belongs to (if any).
      CREATE TABLE membership_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        membership_id uuid NOT NULL REFERENCES myintress_memberships(id),
        from_status smallint,
        to_status smallint,
        change text NOT NULL,
        reason text,
        actor_id uuid REFERENCES persons(id),
        ticket_id uuid REFERENCES tickets(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX membership_history_membership_idx ON membership_history (membership_id, id);

      -- The dormancy sweep looks for active memberships by last activity.
      CREATE INDEX myintress_memberships_activity_idx ON myintress_memberships (COALESCE(last_login_at, created_at))
        WHERE status = 2 AND deleted_at IS NULL;

      CREATE TABLE login_throttle (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE login_throttle;
      DROP INDEX myintress_memberships_activity_idx;
      DROP TABLE membership_history;
    `);
  }
}
