import type { MigrationInterface, QueryRunner } from 'typeorm';

// Offices, satkers, DIGIT identities, MyIntress memberships and the ticket aggregate.
export class InitialSchema1763700000000 implements MigrationInterface {
  name = 'InitialSchema1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE offices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('KPPN', 'KANWIL', 'PUSAT', 'PUSINTEK')),
        name text NOT NULL,
        time_zone text NOT NULL,
        parent_id uuid REFERENCES offices(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX offices_parent_idx ON offices (parent_id);

      CREATE TABLE satkers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{6}$'),
        name text NOT NULL,
        kppn_id uuid NOT NULL REFERENCES offices(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX satkers_kppn_idx ON satkers (kppn_id);

      CREATE TABLE persons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nik text NOT NULL UNIQUE CHECK (nik ~ '^[0-9]{16}$'),
        name text NOT NULL,
        email text NOT NULL,
        nip text,
        phone text,
        password_hash text,
        activated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE activation_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES persons(id),
        token_hash text NOT NULL UNIQUE,
        source_ticket_id uuid,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX activation_tokens_person_idx ON activation_tokens (person_id);

      CREATE TABLE staff_roles (
        person_id uuid NOT NULL REFERENCES persons(id),
        office_id uuid NOT NULL REFERENCES offices(id),
        role text NOT NULL CHECK (role IN ('CSO', 'SUPERVISOR', 'ADMIN')),
        PRIMARY KEY (person_id, office_id, role)
      );
      CREATE INDEX staff_roles_office_idx ON staff_roles (office_id, role);

      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES persons(id),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX sessions_expiry_idx ON sessions (expires_at);

      CREATE TABLE dukcapil_residents (
        nik text PRIMARY KEY CHECK (nik ~ '^[0-9]{16}$'),
        full_name text NOT NULL
      );

      CREATE TABLE myintress_memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES persons(id),
        satker_id uuid NOT NULL REFERENCES satkers(id),
        status smallint NOT NULL CHECK (status IN (0, 1, 2, 3, 5)),
        role_name text NOT NULL,
        phone text NOT NULL,
        email text NOT NULL,
        nip text,
        sk_number text,
        reject_reason text,
        source_ticket_id uuid,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        deleted_reason text
      );
      -- A person holds at most one live (pending, active or dormant) membership per satker.
      CREATE UNIQUE INDEX myintress_memberships_live_uq ON myintress_memberships (person_id, satker_id)
        WHERE deleted_at IS NULL AND status IN (1, 2, 3);
      CREATE INDEX myintress_memberships_satker_idx ON myintress_memberships (satker_id, created_at)
        WHERE deleted_at IS NULL;
      CREATE INDEX myintress_memberships_person_idx ON myintress_memberships (person_id) WHERE deleted_at IS NULL;

      CREATE TABLE ticket_counters (
        office_id uuid NOT NULL REFERENCES offices(id),
        year integer NOT NULL,
        last_value integer NOT NULL,
        PRIMARY KEY (office_id, year)
      );

      CREATE TABLE tickets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL,
        office_id uuid NOT NULL REFERENCES offices(id),
        satker_id uuid NOT NULL REFERENCES satkers(id),
        service_code text NOT NULL,
        machine_id text NOT NULL,
        machine_version integer NOT NULL,
        status text NOT NULL,
        snapshot jsonb NOT NULL,
        subject text NOT NULL,
        form jsonb NOT NULL,
        assignee_id uuid REFERENCES persons(id),
        filed_by uuid NOT NULL REFERENCES persons(id),
        correction_rounds integer NOT NULL DEFAULT 0,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        CONSTRAINT tickets_number_uq UNIQUE (office_id, number)
      );
      CREATE INDEX tickets_queue_idx ON tickets (office_id, status, created_at, id);
      CREATE INDEX tickets_office_created_idx ON tickets (office_id, created_at, id);
      CREATE INDEX tickets_satker_idx ON tickets (satker_id, created_at DESC, id DESC);

      CREATE TABLE ticket_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES tickets(id),
        type text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        actor_id uuid REFERENCES persons(id),
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX ticket_events_ticket_idx ON ticket_events (ticket_id, id);

      -- History is evidence: events are appended, never rewritten.
      CREATE FUNCTION ticket_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ticket_events is append-only';
      END $$;
      CREATE TRIGGER ticket_events_no_change BEFORE UPDATE OR DELETE ON ticket_events
        FOR EACH ROW EXECUTE FUNCTION ticket_events_append_only();

      CREATE TABLE ticket_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES tickets(id),
        author_id uuid REFERENCES persons(id),
        visibility text NOT NULL CHECK (visibility IN ('PUBLIC', 'INTERNAL')),
        body text NOT NULL,
        event_type text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX ticket_messages_ticket_idx ON ticket_messages (ticket_id, created_at);

      CREATE TABLE ticket_attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES tickets(id),
        message_id uuid REFERENCES ticket_messages(id),
        kind text NOT NULL,
        original_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes bigint NOT NULL,
        sha256 char(64) NOT NULL,
        storage_key text NOT NULL UNIQUE,
        uploaded_by uuid NOT NULL REFERENCES persons(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        superseded_at timestamptz
      );
      CREATE INDEX ticket_attachments_ticket_idx ON ticket_attachments (ticket_id, created_at);

      CREATE TABLE idempotency_keys (
        person_id uuid NOT NULL REFERENCES persons(id),
        key text NOT NULL,
        request_hash char(64) NOT NULL,
        ticket_id uuid REFERENCES tickets(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (person_id, key)
      );
      CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

      -- Notices leave the system only through this table, written in the transaction that causes them.
      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        topic text NOT NULL,
        recipient text NOT NULL,
        payload jsonb NOT NULL,
        ticket_id uuid REFERENCES tickets(id),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX outbox_pending_idx ON outbox (next_attempt_at) WHERE status = 'PENDING';
      CREATE INDEX outbox_ticket_idx ON outbox (ticket_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE outbox, idempotency_keys, ticket_attachments, ticket_messages;
      DROP TRIGGER ticket_events_no_change ON ticket_events;
      DROP TABLE ticket_events;
      DROP FUNCTION ticket_events_append_only();
      DROP TABLE tickets, ticket_counters, myintress_memberships, dukcapil_residents, sessions,
        staff_roles, activation_tokens, persons, satkers, offices;
    `);
  }
}
