import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { ImportService } from '@loket/admin';
import { hashPassword, type Actor } from '@loket/auth';
import { MEMBERSHIP_STATUS } from '@loket/registry';
import { DEMO_FIRST_ADMIN, DEMO_PEOPLE, DEMO_RESIDENTS } from './demo-data';

export const DEMO_PASSWORD = 'LoketDemo2026';

export interface SeedResult {
  created: boolean;
  logins: Array<{ nik: string; name: string; role: string }>;
}

/** The files next to this source; `npm start` runs from dist/, which has no copy of them. */
const CSV_DIR =
  [path.join(__dirname, 'csv'), path.join(__dirname.replace(/([\\/])dist([\\/])/, '$1'), 'csv')].find((d) =>
    existsSync(d),
  ) ?? path.join(__dirname, 'csv');
/** In the order the import needs them: offices before the satkers and staff that name them. */
const FILES = [
  ['offices', 'kantor.csv'],
  ['satkers', 'satker.csv'],
  ['staff', 'staf.csv'],
] as const;

/**
 * On the first start: the Kantor Pusat office and its first admin (as an installation starts), then
 * offices, satkers and staff from the shipped CSV files through the same bulk import the admins use,
 * then the demo password for everyone and the satker users' memberships. Later starts find the
 * office and only list the logins.
 */
export async function seedDemo(db: DataSource, imports: ImportService): Promise<SeedResult> {
  const logins = DEMO_PEOPLE.map((p) => ({ nik: p.nik, name: p.name, role: p.label }));
  const admin = await db.transaction(async (em) => {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('loket.demo-seed'))`);
    const [office] = await em.query(
      `INSERT INTO offices (code, kind, name, time_zone) VALUES ('PUSAT', 'PUSAT', 'Kantor Pusat', 'Asia/Jakarta')
       ON CONFLICT (code) DO NOTHING RETURNING id`,
    );
    if (!office) return null;
    const [person] = await em.query(`INSERT INTO persons (nik, name, email) VALUES ($1, $2, $3) RETURNING id`, [
      DEMO_FIRST_ADMIN.nik,
      DEMO_FIRST_ADMIN.name,
      DEMO_FIRST_ADMIN.email,
    ]);
    await em.query(`INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'ADMIN')`, [
      person.id,
      office.id,
    ]);
    return { personId: person.id as string, officeId: office.id as string };
  });
  if (!admin) return { created: false, logins };
  const actor: Actor = {
    personId: admin.personId,
    name: DEMO_FIRST_ADMIN.name,
    satkers: [],
    dormantSatkerCodes: [],
    queueOfficeIds: [admin.officeId],
    staff: [{ officeId: admin.officeId, officeKind: 'PUSAT', role: 'ADMIN' }],
  };
  for (const [kind, file] of FILES) {
    await imports.run(actor, { kind, dryRun: false, fileName: file, bytes: readFileSync(path.join(CSV_DIR, file)) });
  }
  await finishPeople(db);
  return { created: true, logins };
}

/** Every demo person can log in with the demo password at once (no activation mail), satker users with their membership. */
async function finishPeople(db: DataSource): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (em) => {
    const niks = DEMO_PEOPLE.map((p) => p.nik);
    await em.query(
      `INSERT INTO persons (nik, name, email) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT (nik) DO NOTHING`,
      [niks, DEMO_PEOPLE.map((p) => p.name), DEMO_PEOPLE.map((p) => p.email)],
    );
    await em.query(`UPDATE persons SET password_hash = $2, activated_at = now() WHERE nik = ANY($1::text[])`, [
      niks,
      hash,
    ]);
    // The import queued activation e-mails for the staff it created; the demo password replaces them.
    await em.query(
      `DELETE FROM outbox WHERE topic = 'digit.activation' AND status = 'PENDING' AND recipient = ANY($1::text[])`,
      [DEMO_PEOPLE.map((p) => p.email)],
    );
    await em.query(
      `UPDATE activation_tokens SET used_at = now() WHERE used_at IS NULL AND person_id IN (SELECT id FROM persons WHERE nik = ANY($1::text[]))`,
      [niks],
    );
    for (const p of DEMO_PEOPLE.filter((x) => x.member)) {
      await em.query(
        `INSERT INTO myintress_memberships (person_id, satker_id, status, role_name, phone, email)
         SELECT p.id, s.id, ${MEMBERSHIP_STATUS.AKTIF}, $3, '081200000000', p.email FROM persons p, satkers s WHERE p.nik = $1 AND s.code = $2`,
        [p.nik, p.member!.satker, p.member!.peran],
      );
    }
    const residents = [...DEMO_PEOPLE.map((p) => ({ nik: p.nik, name: p.name })), ...DEMO_RESIDENTS];
    await em.query(
      `INSERT INTO dukcapil_residents (nik, full_name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      [residents.map((r) => r.nik), residents.map((r) => r.name)],
    );
  });
}
