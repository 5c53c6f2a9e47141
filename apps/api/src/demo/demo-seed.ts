import type { DataSource } from 'typeorm';
import { hashPassword } from '@loket/auth';
import { DEMO_OFFICES, DEMO_PEOPLE, DEMO_RESIDENTS, DEMO_SATKERS } from './demo-data';

export const DEMO_PASSWORD = 'LoketDemo2026';

export interface SeedResult {
  created: boolean;
  logins: Array<{ nik: string; name: string; role: string }>;
}

/** Inserts the demo data once (first start); later starts find it and only list the logins. */
export async function seedDemo(db: DataSource): Promise<SeedResult> {
  const logins = DEMO_PEOPLE.map((p) => ({ nik: p.nik, name: p.name, role: p.label }));
  const hash = await hashPassword(DEMO_PASSWORD);
  const created = await db.transaction(async (em) => {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('loket.demo-seed'))`);
    const [{ exists }] = await em.query(`SELECT EXISTS (SELECT 1 FROM offices WHERE code = $1) AS exists`, [DEMO_OFFICES[0].code]);
    if (exists) return false;
    for (const o of DEMO_OFFICES) {
      await em.query(
        `INSERT INTO offices (code, kind, name, time_zone, city, address, parent_id)
         VALUES ($1, $2, $3, $4, $5, $6, (SELECT id FROM offices WHERE code = $7))`,
        [o.code, o.kind, o.name, o.timeZone, o.city, o.address, o.parent],
      );
    }
    for (const s of DEMO_SATKERS) {
      await em.query(`INSERT INTO satkers (code, name, kppn_id) SELECT $1, $2, id FROM offices WHERE code = $3`, [s.code, s.name, s.kppn]);
    }
    for (const p of DEMO_PEOPLE) {
      const [{ id }] = await em.query(
        `INSERT INTO persons (nik, name, email, password_hash, activated_at) VALUES ($1, $2, $3, $4, now()) RETURNING id`,
        [p.nik, p.name, p.email, hash],
      );
      for (const s of p.staff ?? []) {
        await em.query(`INSERT INTO staff_roles (person_id, office_id, role) SELECT $1, id, $3 FROM offices WHERE code = $2`, [id, s.office, s.role]);
      }
      if (p.member) {
        await em.query(
          `INSERT INTO myintress_memberships (person_id, satker_id, status, role_name, phone, email)
           SELECT $1, id, 2, $3, '081200000000', $4 FROM satkers WHERE code = $2`,
          [id, p.member.satker, p.member.peran, p.email],
        );
      }
    }
    const residents = [...DEMO_PEOPLE.map((p) => ({ nik: p.nik, name: p.name })), ...DEMO_RESIDENTS];
    await em.query(
      `INSERT INTO dukcapil_residents (nik, full_name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      [residents.map((r) => r.nik), residents.map((r) => r.name)],
    );
    return true;
  });
  return { created, logins };
}
