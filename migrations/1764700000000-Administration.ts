import type { MigrationInterface, QueryRunner } from 'typeorm';

// What administration in the product needs: the letterhead and letter-number code of an office, a
// satker's ministry (kode K/L) and eselon I unit, and an append-only audit log of every
// administrative change. The log refuses UPDATE, DELETE and TRUNCATE in the database itself, so no
// code path (nor a hurried psql session) can rewrite history.
export class Administration1764700000000 implements MigrationInterface {
  name = 'Administration1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE offices
        ADD COLUMN street text,
        ADD COLUMN phone text,
        ADD COLUMN fax text,
        ADD COLUMN email text,
        ADD COLUMN website text,
        ADD COLUMN logo_png bytea,
        ADD COLUMN logo_sha256 char(64),
        ADD COLUMN letter_code text,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
      ALTER TABLE satkers
        ADD COLUMN kl_code text CHECK (kl_code ~ '^[0-9]{3}$'),
        ADD COLUMN eselon1_code text CHECK (eselon1_code ~ '^[0-9]{2}$'),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
      CREATE INDEX satkers_name_idx ON satkers (name, code);

      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES persons(id),
        office_id uuid REFERENCES offices(id),
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_key text NOT NULL,
        before jsonb,
        after jsonb,
        reason text
      );
      -- The page and the API read newest first, by office scope and optionally by actor or entity.
      CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
      CREATE INDEX audit_log_office_idx ON audit_log (office_id, at DESC, id DESC);
      CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at DESC);
      CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_key, at DESC);

      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_log;
      DROP FUNCTION audit_log_append_only();
      DROP INDEX satkers_name_idx;
      ALTER TABLE satkers DROP COLUMN kl_code, DROP COLUMN eselon1_code, DROP COLUMN updated_at;
      ALTER TABLE offices DROP COLUMN street, DROP COLUMN phone, DROP COLUMN fax, DROP COLUMN email, DROP COLUMN website,
        DROP COLUMN logo_png, DROP COLUMN logo_sha256, DROP COLUMN letter_code, DROP COLUMN updated_at;
    `);
  }
}
