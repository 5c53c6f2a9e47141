import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `status IN ('BARU', 'DIPROSES', 'MENUNGGU_PERBAIKAN', 'DIESKALASI')`;

/**
 * The CSO workspace: a search document per ticket, open-ticket indexes for views and their counts,
 * what each agent last saw of a ticket, and the notices an assignee reads in the portal.
 *
 * The search document is kept by statement-level triggers, so every path that files a ticket or
 * writes a message (the services, the history seeder, a future import) keeps it in the same
 * transaction without having to remember to. `ticket_search_source` is the one definition of the
 * document; the insert trigger and the backfill both read it. Internal notes stay out of it: a
 * satker's search must not reveal what only staff may read.
 */
export class AgentWorkspace1764900000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_search (
        ticket_id uuid PRIMARY KEY REFERENCES tickets(id),
        office_id uuid NOT NULL,
        satker_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        doc tsvector NOT NULL,
        keys text NOT NULL,
        niks text[] NOT NULL
      );

      CREATE VIEW ticket_search_source AS
        SELECT t.id AS ticket_id, t.office_id, t.satker_id, t.created_at,
               setweight(to_tsvector('indonesian', t.subject || ' ' || coalesce(t.form->>'perihal', '')), 'A')
               || setweight(to_tsvector('indonesian', coalesce(t.form->>'uraian', '')), 'B')
               || setweight(to_tsvector('indonesian', coalesce((SELECT string_agg(m.body, ' ') FROM ticket_messages m
                                                                 WHERE m.ticket_id = t.id AND m.visibility = 'PUBLIC'), '')), 'C') AS doc,
               lower(unaccent(concat_ws(' ', t.number, s.code, s.name, t.form->>'perihal',
                 (SELECT string_agg(v #>> '{}', ' ') FROM jsonb_path_query(t.form, 'strict $.**.nama', '{}', true) v)))) AS keys,
               ARRAY(SELECT DISTINCT v #>> '{}' FROM jsonb_path_query(t.form, 'strict $.**.nik', '{}', true) v) AS niks
          FROM tickets t JOIN satkers s ON s.id = t.satker_id;

      CREATE FUNCTION ticket_search_filed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO ticket_search SELECT src.* FROM ticket_search_source src JOIN filed f ON f.id = src.ticket_id
          ON CONFLICT (ticket_id) DO NOTHING;
        RETURN NULL;
      END $$;
      CREATE TRIGGER ticket_search_filed AFTER INSERT ON tickets
        REFERENCING NEW TABLE AS filed FOR EACH STATEMENT EXECUTE FUNCTION ticket_search_filed();

      CREATE FUNCTION ticket_search_messages() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE ticket_search x SET doc = x.doc || m.doc
          FROM (SELECT ticket_id, setweight(to_tsvector('indonesian', string_agg(body, ' ')), 'C') AS doc
                  FROM written WHERE visibility = 'PUBLIC' GROUP BY ticket_id) m
         WHERE x.ticket_id = m.ticket_id;
        RETURN NULL;
      END $$;
      CREATE TRIGGER ticket_search_messages AFTER INSERT ON ticket_messages
        REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION ticket_search_messages();

      INSERT INTO ticket_search SELECT * FROM ticket_search_source ON CONFLICT (ticket_id) DO NOTHING;

      CREATE INDEX ticket_search_doc_idx ON ticket_search USING gin (doc);
      CREATE INDEX ticket_search_keys_idx ON ticket_search USING gin (keys gin_trgm_ops);
      CREATE INDEX ticket_search_niks_idx ON ticket_search USING gin (niks);
      CREATE INDEX ticket_search_office_idx ON ticket_search (office_id, created_at DESC, ticket_id DESC);
      CREATE INDEX ticket_search_satker_idx ON ticket_search (satker_id, created_at DESC, ticket_id DESC);

      -- Views and counts read open tickets only: these stay small however long the history grows.
      CREATE INDEX tickets_open_work_idx ON tickets (office_id, status, assignee_id, due_at) WHERE ${OPEN};
      CREATE INDEX tickets_open_filed_idx ON tickets (office_id, created_at, id) WHERE ${OPEN};
      CREATE INDEX tickets_open_updated_idx ON tickets (office_id, updated_at, id) WHERE ${OPEN};
      CREATE INDEX tickets_open_assignee_idx ON tickets (assignee_id, due_at, id) WHERE ${OPEN} AND assignee_id IS NOT NULL;
      CREATE INDEX sla_clocks_office_warn_idx ON sla_clocks (office_id, warn_at, due_at)
        WHERE kind = 'RESOLUTION' AND stopped_at IS NULL AND paused_since IS NULL;

      CREATE TABLE ticket_seen (
        person_id uuid NOT NULL REFERENCES persons(id),
        ticket_id uuid NOT NULL REFERENCES tickets(id),
        seen_at timestamptz NOT NULL,
        PRIMARY KEY (person_id, ticket_id)
      );

      CREATE TABLE agent_notices (
        id bigserial PRIMARY KEY,
        person_id uuid NOT NULL REFERENCES persons(id),
        ticket_id uuid NOT NULL REFERENCES tickets(id),
        kind text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      );
      CREATE INDEX agent_notices_person_idx ON agent_notices (person_id, id DESC);
      CREATE INDEX agent_notices_unread_idx ON agent_notices (person_id) WHERE read_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE agent_notices;
      DROP TABLE ticket_seen;
      DROP INDEX sla_clocks_office_warn_idx;
      DROP INDEX tickets_open_assignee_idx;
      DROP INDEX tickets_open_updated_idx;
      DROP INDEX tickets_open_filed_idx;
      DROP INDEX tickets_open_work_idx;
      DROP TRIGGER ticket_search_messages ON ticket_messages;
      DROP FUNCTION ticket_search_messages();
      DROP TRIGGER ticket_search_filed ON tickets;
      DROP FUNCTION ticket_search_filed();
      DROP VIEW ticket_search_source;
      DROP TABLE ticket_search;
    `);
  }
}
