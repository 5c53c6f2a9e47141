import type { MigrationInterface, QueryRunner } from 'typeorm';

const NAMES_IN_FORM = `(SELECT string_agg(v #>> '{}', ' ') FROM jsonb_path_query(t.form, 'strict $.**.nama', '{}', true) v)`;

/**
 * Search paths that stay fast at a million tickets (issue 14). A satker's code and name lived in every
 * one of its tickets' search keys, so a search by satker name meant reading the trigram postings of
 * words every ticket has ("satker", "kementerian", ...), then sorting every match. Now the satker is
 * found by name in the small satkers table (its own trigram index, kept by a trigger), and its tickets
 * are read newest first through (office, satker, created_at): a page costs a page, whatever the match
 * count. The tickets' keys keep what is theirs alone: number, perihal, the names in the form. A search
 * finds a satker by its current code and name (before, by the name it had when the ticket was filed).
 */
export class WorkspaceSearchPaths1766200000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE satkers ADD COLUMN search_keys text;
      CREATE FUNCTION satker_search_keys() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_keys := lower(unaccent(concat_ws(' ', NEW.code, NEW.name)));
        RETURN NEW;
      END $$;
      CREATE TRIGGER satker_search_keys BEFORE INSERT OR UPDATE OF code, name ON satkers
        FOR EACH ROW EXECUTE FUNCTION satker_search_keys();
      UPDATE satkers SET code = code;
      ALTER TABLE satkers ALTER COLUMN search_keys SET NOT NULL;
      CREATE INDEX satkers_search_keys_idx ON satkers USING gin (search_keys gin_trgm_ops);

      CREATE OR REPLACE VIEW ticket_search_source AS
        SELECT t.id AS ticket_id, t.office_id, t.satker_id, t.created_at,
               setweight(to_tsvector('indonesian', t.subject || ' ' || coalesce(t.form->>'perihal', '')), 'A')
               || setweight(to_tsvector('indonesian', coalesce(t.form->>'uraian', '')), 'B')
               || setweight(to_tsvector('indonesian', coalesce((SELECT string_agg(m.body, ' ') FROM ticket_messages m
                                                                 WHERE m.ticket_id = t.id AND m.visibility = 'PUBLIC'), '')), 'C') AS doc,
               lower(unaccent(concat_ws(' ', t.number, t.form->>'perihal', ${NAMES_IN_FORM}))) AS keys,
               ARRAY(SELECT DISTINCT v #>> '{}' FROM jsonb_path_query(t.form, 'strict $.**.nik', '{}', true) v) AS niks
          FROM tickets t;

      -- Every row gets new keys: rewritten without the secondary indexes (each would take a million
      -- inserts, the full-text one slowest), then each index is built once.
      DROP INDEX ticket_search_keys_idx, ticket_search_doc_idx, ticket_search_niks_idx, ticket_search_office_idx,
        ticket_search_satker_idx;
      UPDATE ticket_search x SET keys = src.keys FROM ticket_search_source src WHERE src.ticket_id = x.ticket_id;
      CREATE INDEX ticket_search_doc_idx ON ticket_search USING gin (doc);
      CREATE INDEX ticket_search_keys_idx ON ticket_search USING gin (keys gin_trgm_ops);
      CREATE INDEX ticket_search_niks_idx ON ticket_search USING gin (niks);
      CREATE INDEX ticket_search_office_idx ON ticket_search (office_id, created_at DESC, ticket_id DESC);
      CREATE INDEX ticket_search_satker_idx ON ticket_search (satker_id, created_at DESC, ticket_id DESC);
      CREATE INDEX ticket_search_office_satker_idx ON ticket_search (office_id, satker_id, created_at DESC, ticket_id DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX ticket_search_office_satker_idx;
      DROP INDEX ticket_search_keys_idx;
      CREATE OR REPLACE VIEW ticket_search_source AS
        SELECT t.id AS ticket_id, t.office_id, t.satker_id, t.created_at,
               setweight(to_tsvector('indonesian', t.subject || ' ' || coalesce(t.form->>'perihal', '')), 'A')
               || setweight(to_tsvector('indonesian', coalesce(t.form->>'uraian', '')), 'B')
               || setweight(to_tsvector('indonesian', coalesce((SELECT string_agg(m.body, ' ') FROM ticket_messages m
                                                                 WHERE m.ticket_id = t.id AND m.visibility = 'PUBLIC'), '')), 'C') AS doc,
               lower(unaccent(concat_ws(' ', t.number, s.code, s.name, t.form->>'perihal', ${NAMES_IN_FORM}))) AS keys,
               ARRAY(SELECT DISTINCT v #>> '{}' FROM jsonb_path_query(t.form, 'strict $.**.nik', '{}', true) v) AS niks
          FROM tickets t JOIN satkers s ON s.id = t.satker_id;
      UPDATE ticket_search x SET keys = src.keys FROM ticket_search_source src WHERE src.ticket_id = x.ticket_id;
      CREATE INDEX ticket_search_keys_idx ON ticket_search USING gin (keys gin_trgm_ops);
      DROP INDEX satkers_search_keys_idx;
      DROP TRIGGER satker_search_keys ON satkers;
      DROP FUNCTION satker_search_keys();
      ALTER TABLE satkers DROP COLUMN search_keys;
    `);
  }
}
