import type { MigrationInterface, QueryRunner } from 'typeorm';

// Every api process caches authenticated sessions (libs/auth SessionCache). Whatever changes what a
// session may do tells them at commit with NOTIFY loket_sessions: the person's id, or '*' when an
// office or satker changed (names and the office tree are part of everyone's session). Triggers, not
// calls in the services, so no path that ends a session or changes a role or membership (logout,
// password change or reset, staff admin, memberships, dormancy, imports, housekeeping) can forget it.
const CHANNEL = 'loket_sessions';

export class SessionChangeNotices1765000000001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_session_person() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('${CHANNEL}', to_jsonb(OLD) ->> TG_ARGV[0]); END IF;
        IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('${CHANNEL}', to_jsonb(NEW) ->> TG_ARGV[0]); END IF;
        RETURN NULL;
      END $$;

      CREATE FUNCTION notify_session_everyone() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${CHANNEL}', '*');
        RETURN NULL;
      END $$;

      CREATE TRIGGER sessions_changed AFTER UPDATE OF revoked_at, expires_at, person_id OR DELETE ON sessions
        FOR EACH ROW EXECUTE FUNCTION notify_session_person('person_id');
      CREATE TRIGGER persons_changed AFTER UPDATE OF name, password_hash OR DELETE ON persons
        FOR EACH ROW EXECUTE FUNCTION notify_session_person('id');
      CREATE TRIGGER memberships_changed AFTER INSERT OR DELETE OR UPDATE OF status, deleted_at, satker_id, person_id ON myintress_memberships
        FOR EACH ROW EXECUTE FUNCTION notify_session_person('person_id');
      CREATE TRIGGER staff_roles_changed AFTER INSERT OR UPDATE OR DELETE ON staff_roles
        FOR EACH ROW EXECUTE FUNCTION notify_session_person('person_id');
      CREATE TRIGGER satkers_changed AFTER UPDATE OF code, name, kppn_id OR DELETE ON satkers
        FOR EACH STATEMENT EXECUTE FUNCTION notify_session_everyone();
      CREATE TRIGGER offices_changed AFTER INSERT OR DELETE OR UPDATE OF kind, parent_id ON offices
        FOR EACH STATEMENT EXECUTE FUNCTION notify_session_everyone();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER offices_changed ON offices;
      DROP TRIGGER satkers_changed ON satkers;
      DROP TRIGGER staff_roles_changed ON staff_roles;
      DROP TRIGGER memberships_changed ON myintress_memberships;
      DROP TRIGGER persons_changed ON persons;
      DROP TRIGGER sessions_changed ON sessions;
      DROP FUNCTION notify_session_everyone();
      DROP FUNCTION notify_session_person();
    `);
  }
}
