import type { MigrationInterface, QueryRunner } from 'typeorm';

// Ticket numbers come from one sequence per office and year, created on first use, instead of the
// office's single ticket_counters row that every filing of the office updated (and so waited on).
// Sequences are not transactional: a rolled-back filing leaves a gap, which ticket numbers may have
// (letter numbers stay gapless in their own counters). Existing counters carry on where they stopped.
export class TicketNumberSequences1765000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION ticket_number_sequence(office uuid, year int) RETURNS text LANGUAGE sql IMMUTABLE AS
        $$ SELECT 'ticket_number_' || replace(office::text, '-', '') || '_' || year $$;

      CREATE FUNCTION next_ticket_number(office uuid, year int) RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        seq_name text := ticket_number_sequence(office, year);
        seq regclass := to_regclass(seq_name);
      BEGIN
        IF seq IS NULL THEN
          BEGIN
            EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I', seq_name);
          EXCEPTION WHEN unique_violation OR duplicate_table THEN
            NULL; -- a concurrent filing created it and committed: use theirs
          END;
          seq := seq_name::regclass;
        END IF;
        RETURN nextval(seq);
      END $$;

      -- The whole visible number, LKT-<office code>-<year in the office's zone>-<6+ digits>.
      CREATE FUNCTION new_ticket_number(office uuid) RETURNS text LANGUAGE sql AS $$
        SELECT 'LKT-' || o.code || '-' || y.year || '-' || lpad(n.n::text, greatest(6, length(n.n::text)), '0')
          FROM offices o
          CROSS JOIN LATERAL (SELECT EXTRACT(YEAR FROM now() AT TIME ZONE o.time_zone)::int AS year) y
          CROSS JOIN LATERAL (SELECT next_ticket_number(o.id, y.year) AS n) n
         WHERE o.id = office $$;

      DO $$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT office_id, year, last_value FROM ticket_counters LOOP
          EXECUTE format('CREATE SEQUENCE %I START %s', ticket_number_sequence(r.office_id, r.year), r.last_value + 1);
        END LOOP;
      END $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT c.relname FROM pg_class c WHERE c.relkind = 'S' AND c.relname LIKE 'ticket\\_number\\_%' LOOP
          EXECUTE format('DROP SEQUENCE %I', r.relname);
        END LOOP;
      END $$;
      DROP FUNCTION new_ticket_number(uuid);
      DROP FUNCTION next_ticket_number(uuid, int);
      DROP FUNCTION ticket_number_sequence(uuid, int);
    `);
  }
}
