import { randomUUID } from 'node:crypto';
import type { TestApp } from './app';
import { auth, login, startSuite, type Suite } from './api';
import { createNationalAdmin, createPerson, type Person } from './world';

export interface AdminSuite extends Suite {
  codes: { kanwil: string; kppn: string; otherKppn: string };
  admins: { national: Person; kanwil: Person; kppn: Person; otherKanwil: Person };
  /** Tokens of the admins: Kantor Pusat, the world's Kanwil, its KPPN, and a Kanwil of its own elsewhere. */
  adm: { national: string; kanwil: string; kppn: string; otherKanwil: string };
}

export const uniqueCode = (prefix: string) => `${prefix}${randomUUID().slice(0, 6).toUpperCase()}`;

async function adminAt(t: TestApp, name: string, officeId: string): Promise<Person> {
  const p = await createPerson(t.db, name);
  await t.db.query(`INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'ADMIN')`, [p.id, officeId]);
  return p;
}

/** The usual e2e world plus an admin at each level (the other Kanwil has no KPPN of the world under it). */
export async function startAdminSuite(): Promise<AdminSuite> {
  const suite = await startSuite();
  const { t, w } = suite;
  const code = async (id: string) =>
    (await t.db.query(`SELECT code FROM offices WHERE id = $1`, [id]))[0].code as string;
  const [{ id: otherKanwilId }] = await t.db.query(
    `INSERT INTO offices (code, kind, name, time_zone) VALUES ($1, 'KANWIL', 'Kanwil Lain', 'Asia/Jakarta') RETURNING id`,
    [uniqueCode('KW')],
  );
  const admins = {
    national: await createNationalAdmin(t.db, 'Admin Pusat'),
    kanwil: await adminAt(t, 'Admin Kanwil', w.kanwilId),
    kppn: await adminAt(t, 'Admin KPPN', w.kppnId),
    otherKanwil: await adminAt(t, 'Admin Kanwil Lain', otherKanwilId),
  };
  const [national, kanwil, kppn, otherKanwil] = await Promise.all(Object.values(admins).map((p) => login(t, p)));
  return {
    ...suite,
    admins,
    adm: { national, kanwil, kppn, otherKanwil },
    codes: { kanwil: await code(w.kanwilId), kppn: await code(w.kppnId), otherKppn: await code(w.otherKppnId) },
  };
}

/**
 * Every row an admin request could change for the given offices, satkers and NIKs (records, roles,
 * identities, sessions, audit entries, ticket notes), so a refusal can be shown to change nothing.
 */
export async function adminFootprint(t: TestApp, keys: { offices?: string[]; satkers?: string[]; niks?: string[] }) {
  const [row] = await t.db.query(
    `SELECT
       (SELECT json_agg(o ORDER BY o.code) FROM (SELECT code, kind, name, parent_id, time_zone, street, city, phone, email, letter_code,
          logo_sha256, updated_at FROM offices WHERE code = ANY($1::text[])) o) AS offices,
       (SELECT json_agg(s ORDER BY s.code) FROM (SELECT code, name, kppn_id, kl_code, eselon1_code, manages_up, updated_at
          FROM satkers WHERE code = ANY($2::text[])) s) AS satkers,
       (SELECT count(*) FROM staff_roles r JOIN offices o ON o.id = r.office_id WHERE o.code = ANY($1::text[]))::int AS roles,
       (SELECT count(*) FROM persons WHERE nik = ANY($3::text[]))::int AS persons,
       (SELECT count(*) FROM sessions se JOIN persons p ON p.id = se.person_id WHERE p.nik = ANY($3::text[]) AND se.revoked_at IS NULL)::int AS sessions,
       (SELECT count(*) FROM audit_log a JOIN offices o ON o.id = a.office_id WHERE o.code = ANY($1::text[]))::int AS audit,
       (SELECT count(*) FROM ticket_messages m JOIN tickets t ON t.id = m.ticket_id JOIN satkers s ON s.id = t.satker_id
         WHERE s.code = ANY($2::text[]))::int AS notes`,
    [keys.offices ?? [], keys.satkers ?? [], keys.niks ?? []],
  );
  return row;
}

export const auditOf = async (t: TestApp, entityType: string, entityKey: string) =>
  (await t.db.query(
    `SELECT a.action, a.actor_id AS "actorId", o.code AS office, a.before, a.after, a.reason FROM audit_log a
       LEFT JOIN offices o ON o.id = a.office_id WHERE a.entity_type = $1 AND a.entity_key = $2 ORDER BY a.id`,
    [entityType, entityKey],
  )) as Array<{
    action: string;
    actorId: string;
    office: string | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    reason: string | null;
  }>;

export { auth };
