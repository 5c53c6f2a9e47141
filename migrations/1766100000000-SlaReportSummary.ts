import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SLA report's summary, so a year at national scope reads a few thousand rows instead of sorting
 * a million tickets. Each ticket counts in the month of its own office's zone (a WITA office's
 * tickets filed at 23:30 WITA on the 31st belong to that month), so a Kanwil's or Kantor Pusat's
 * report is the sum of its offices' reports.
 *
 * - sla_report_cells(...) computes the per-office rows (agent, service at an office, office) of the
 *   given office ranges straight from the tickets, medians and P90 exact; the report uses it live for
 *   months only partly inside a period, the refresh stores it for whole months.
 * - sla_report_percentiles(...) gives the medians and P90 of groups of offices per month.
 * - sla_report_rows holds the cells of whole months, sla_report_groups the month medians of each
 *   Kanwil (with its KPPNs) and of Kantor Pusat (everything).
 * - tickets_open_backlog_idx answers the backlog part of the report by an index-only scan.
 * - Every write to tickets marks its office-month in sla_report_dirty (a statement trigger, so a
 *   bulk load marks each office-month once); sla_report_refresh() recomputes exactly those and
 *   stamps sla_report_state.refreshed_at, the "as of" the page shows. The worker calls it each sweep.
 *
 * The summary is refreshed, not kept in the transition's transaction: the report's figures come from
 * six write paths in three libraries (filing, transitions, reassignment, rating, reopening, clock
 * stops); recomputing an office-month from its tickets is exact by construction and cheap, where
 * deltas in each path would be easy to get wrong and would serialise transitions on hot rows.
 */
export class SlaReportSummary1766100000000 implements MigrationInterface {
  name = 'SlaReportSummary1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sla_report_rows (
        month date NOT NULL,
        office_id uuid NOT NULL REFERENCES offices(id),
        service_code text,
        assignee_id uuid,
        rollup_level smallint NOT NULL,
        filed integer NOT NULL,
        resolved integer NOT NULL,
        response_measured integer NOT NULL,
        response_met integer NOT NULL,
        resolution_measured integer NOT NULL,
        resolution_met integer NOT NULL,
        correction_rounds integer NOT NULL,
        rating_positif integer NOT NULL,
        rating_netral integer NOT NULL,
        rating_negatif integer NOT NULL,
        reopened integer NOT NULL,
        reopen_measured integer NOT NULL,
        reopen_met integer NOT NULL,
        response_median integer,
        response_p90 integer,
        resolution_median integer,
        resolution_p90 integer
      );
      CREATE INDEX sla_report_rows_office_month_idx ON sla_report_rows (office_id, month);
      CREATE TABLE sla_report_groups (
        group_id uuid NOT NULL REFERENCES offices(id),
        month date NOT NULL,
        response_median integer,
        response_p90 integer,
        resolution_median integer,
        resolution_p90 integer,
        PRIMARY KEY (group_id, month)
      );
      -- No key: concurrent transitions only append, never wait on each other here.
      CREATE TABLE sla_report_dirty (office_id uuid NOT NULL, month date NOT NULL);
      CREATE TABLE sla_report_state (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        refreshed_at timestamptz NOT NULL
      );

      CREATE FUNCTION sla_report_cells(office_ids uuid[], lo date[], hi date[])
      RETURNS TABLE (month date, office_id uuid, service_code text, assignee_id uuid, rollup_level smallint,
                     filed integer, resolved integer, response_measured integer, response_met integer,
                     resolution_measured integer, resolution_met integer, correction_rounds integer,
                     rating_positif integer, rating_netral integer, rating_negatif integer, reopened integer,
                     reopen_measured integer, reopen_met integer, response_median integer, response_p90 integer,
                     resolution_median integer, resolution_p90 integer)
      LANGUAGE sql STABLE AS $fn$
        WITH b AS (
          SELECT x.office_id, o.time_zone AS tz, x.lo, x.hi
            FROM unnest(office_ids, lo, hi) AS x(office_id, lo, hi) JOIN offices o ON o.id = x.office_id
        ), t AS (
          SELECT date_trunc('month', t.created_at AT TIME ZONE b.tz)::date AS month, t.*
            FROM b JOIN tickets t ON t.office_id = b.office_id
             AND t.created_at >= (b.lo::timestamp AT TIME ZONE b.tz) AND t.created_at < (b.hi::timestamp AT TIME ZONE b.tz)
        )
        SELECT t.month, t.office_id, t.service_code, t.assignee_id,
               GROUPING(t.office_id, t.service_code, t.assignee_id)::smallint,
               count(*)::int, count(t.resolved_at)::int,
               count(t.response_met)::int, (count(*) FILTER (WHERE t.response_met))::int,
               count(t.resolution_met)::int, (count(*) FILTER (WHERE t.resolution_met))::int,
               sum(t.correction_rounds)::int,
               (count(*) FILTER (WHERE t.rating = 'POSITIF'))::int, (count(*) FILTER (WHERE t.rating = 'NETRAL'))::int,
               (count(*) FILTER (WHERE t.rating = 'NEGATIF'))::int, (count(*) FILTER (WHERE t.reopen_count > 0))::int,
               sum(t.reopen_cycles_measured)::int, sum(t.reopen_cycles_met)::int,
               percentile_disc(0.5) WITHIN GROUP (ORDER BY t.response_minutes),
               percentile_disc(0.9) WITHIN GROUP (ORDER BY t.response_minutes),
               percentile_disc(0.5) WITHIN GROUP (ORDER BY t.resolution_minutes),
               percentile_disc(0.9) WITHIN GROUP (ORDER BY t.resolution_minutes)
          FROM t
         GROUP BY GROUPING SETS ((t.month, t.office_id, t.service_code, t.assignee_id),
                                 (t.month, t.office_id, t.service_code), (t.month, t.office_id))
      $fn$;

      -- Medians and P90 per group and month; entry i puts office_ids[i] in group_ids[i] over [lo[i], hi[i]).
      CREATE FUNCTION sla_report_percentiles(office_ids uuid[], group_ids uuid[], lo date[], hi date[])
      RETURNS TABLE (group_id uuid, month date, response_median integer, response_p90 integer,
                     resolution_median integer, resolution_p90 integer)
      LANGUAGE sql STABLE AS $fn$
        WITH m AS (
          SELECT x.office_id, x.group_id, x.lo, x.hi, o.time_zone AS tz
            FROM unnest(office_ids, group_ids, lo, hi) AS x(office_id, group_id, lo, hi) JOIN offices o ON o.id = x.office_id
        )
        SELECT m.group_id, date_trunc('month', t.created_at AT TIME ZONE m.tz)::date,
               percentile_disc(0.5) WITHIN GROUP (ORDER BY t.response_minutes),
               percentile_disc(0.9) WITHIN GROUP (ORDER BY t.response_minutes),
               percentile_disc(0.5) WITHIN GROUP (ORDER BY t.resolution_minutes),
               percentile_disc(0.9) WITHIN GROUP (ORDER BY t.resolution_minutes)
          FROM m JOIN tickets t ON t.office_id = m.office_id
           AND t.created_at >= (m.lo::timestamp AT TIME ZONE m.tz) AND t.created_at < (m.hi::timestamp AT TIME ZONE m.tz)
         GROUP BY 1, 2
      $fn$;

      -- The offices of each summarised group: a Kanwil with its KPPNs, Kantor Pusat with every office.
      CREATE VIEW sla_report_members AS
        SELECT o.id AS office_id, g.id AS group_id
          FROM offices o JOIN offices g ON g.kind = 'PUSAT' OR (g.kind = 'KANWIL' AND (g.id = o.id OR o.parent_id = g.id));

      CREATE FUNCTION sla_report_mark() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP <> 'DELETE' THEN
          INSERT INTO sla_report_dirty (office_id, month)
          SELECT DISTINCT n.office_id, date_trunc('month', n.created_at AT TIME ZONE o.time_zone)::date
            FROM new_rows n JOIN offices o ON o.id = n.office_id;
        END IF;
        IF TG_OP <> 'INSERT' THEN
          INSERT INTO sla_report_dirty (office_id, month)
          SELECT DISTINCT d.office_id, date_trunc('month', d.created_at AT TIME ZONE o.time_zone)::date
            FROM old_rows d JOIN offices o ON o.id = d.office_id;
        END IF;
        RETURN NULL;
      END $fn$;
      CREATE TRIGGER tickets_report_insert AFTER INSERT ON tickets REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION sla_report_mark();
      CREATE TRIGGER tickets_report_update AFTER UPDATE ON tickets REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION sla_report_mark();
      CREATE TRIGGER tickets_report_delete AFTER DELETE ON tickets REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION sla_report_mark();

      -- Recomputes the marked office-months (the marks it saw; later ones wait for the next run).
      CREATE FUNCTION sla_report_refresh() RETURNS integer LANGUAGE plpgsql AS $fn$
      DECLARE
        done integer;
      BEGIN
        -- One refresh at a time: two would both rewrite an office-month marked again meanwhile.
        PERFORM pg_advisory_xact_lock(hashtext('loket.sla_report_refresh'));
        CREATE TEMP TABLE IF NOT EXISTS sla_report_todo (office_id uuid, month date) ON COMMIT DROP;
        CREATE TEMP TABLE IF NOT EXISTS sla_report_todo_groups (office_id uuid, group_id uuid, month date) ON COMMIT DROP;
        WITH gone AS (DELETE FROM sla_report_dirty RETURNING office_id, month)
        INSERT INTO sla_report_todo SELECT DISTINCT office_id, month FROM gone;
        SELECT count(*) INTO done FROM sla_report_todo;
        DELETE FROM sla_report_rows r USING sla_report_todo d WHERE r.office_id = d.office_id AND r.month = d.month;
        INSERT INTO sla_report_rows
        SELECT c.* FROM sla_report_cells(
          ARRAY(SELECT office_id FROM sla_report_todo ORDER BY office_id, month),
          ARRAY(SELECT month FROM sla_report_todo ORDER BY office_id, month),
          ARRAY(SELECT (month + interval '1 month')::date FROM sla_report_todo ORDER BY office_id, month)) c;
        -- Every office of each group-month that one of the marked office-months belongs to.
        INSERT INTO sla_report_todo_groups
        SELECT m.office_id, g.group_id, g.month
          FROM (SELECT DISTINCT m.group_id, d.month FROM sla_report_todo d JOIN sla_report_members m ON m.office_id = d.office_id) g
          JOIN sla_report_members m ON m.group_id = g.group_id;
        DELETE FROM sla_report_groups g USING (SELECT DISTINCT group_id, month FROM sla_report_todo_groups) d
         WHERE g.group_id = d.group_id AND g.month = d.month;
        INSERT INTO sla_report_groups
        SELECT p.* FROM sla_report_percentiles(
          ARRAY(SELECT office_id FROM sla_report_todo_groups ORDER BY group_id, month, office_id),
          ARRAY(SELECT group_id FROM sla_report_todo_groups ORDER BY group_id, month, office_id),
          ARRAY(SELECT month FROM sla_report_todo_groups ORDER BY group_id, month, office_id),
          ARRAY(SELECT (month + interval '1 month')::date FROM sla_report_todo_groups ORDER BY group_id, month, office_id)) p;
        INSERT INTO sla_report_state (refreshed_at) VALUES (now())
          ON CONFLICT (id) DO UPDATE SET refreshed_at = excluded.refreshed_at;
        DROP TABLE sla_report_todo, sla_report_todo_groups;
        RETURN done;
      END $fn$;

      -- The report's backlog (open tickets per office, service and age) read from the index alone.
      CREATE INDEX tickets_open_backlog_idx ON tickets (office_id, service_code, created_at)
        WHERE status IN ('BARU', 'DIPROSES', 'MENUNGGU_PERBAIKAN', 'DIESKALASI');

      -- The back-fill: every office-month with tickets, computed now.
      INSERT INTO sla_report_dirty (office_id, month)
      SELECT DISTINCT t.office_id, date_trunc('month', t.created_at AT TIME ZONE o.time_zone)::date
        FROM tickets t JOIN offices o ON o.id = t.office_id;
      SELECT sla_report_refresh();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER tickets_report_insert ON tickets;
      DROP TRIGGER tickets_report_update ON tickets;
      DROP TRIGGER tickets_report_delete ON tickets;
      DROP FUNCTION sla_report_refresh(), sla_report_mark(), sla_report_percentiles(uuid[], uuid[], date[], date[]),
        sla_report_cells(uuid[], date[], date[]);
      DROP INDEX tickets_open_backlog_idx;
      DROP VIEW sla_report_members;
      DROP TABLE sla_report_state, sla_report_dirty, sla_report_groups, sla_report_rows;
    `);
  }
}
