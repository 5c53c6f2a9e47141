import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword, scryptCost } from '@loket/auth';
import { TEST_SCRYPT_LOG2N } from './scrypt-cost';

export const PASSWORD = 'RahasiaUji123';
/**
 * Suites hash and verify passwords at scrypt N=2^14 (PASSWORD_SCRYPT_LOG2N) instead of the
 * production 2^17: hundreds of logins would otherwise cost ~0.4 s of CPU each on a shared runner.
 */
export { TEST_SCRYPT_LOG2N };
let passwordHash: Promise<string> | null = null;

/** A structurally valid, random NIK (province 75, Gorontalo) that no other test uses. */
export function randomNik(female = false): string {
  const day = randomInt(1, 29) + (female ? 40 : 0);
  const month = randomInt(1, 13);
  const year = randomInt(50, 100);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `75${pad(randomInt(1, 100))}${pad(randomInt(1, 100))}${pad(day)}${pad(month)}${pad(year)}${pad(randomInt(1, 10000), 4)}`;
}

export interface Person {
  id: string;
  nik: string;
  name: string;
}

export interface World {
  kanwilId: string;
  kppnId: string;
  otherKppnId: string;
  satker: { id: string; code: string; name: string };
  otherSatker: { id: string; code: string; name: string };
  satkerUser: Person;
  otherSatkerUser: Person;
  cso: Person;
  cso2: Person;
  otherCso: Person;
  kanwilCso: Person;
}

async function office(db: DataSource, kind: string, parentId: string | null, tz = 'Asia/Makassar'): Promise<string> {
  const code = `T${randomUUID().slice(0, 8)}`;
  const [{ id }] = await db.query(
    `INSERT INTO offices (code, kind, name, time_zone, parent_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [code, kind, `${kind} Uji ${code}`, tz, parentId],
  );
  return id;
}

async function satker(db: DataSource, kppnId: string) {
  for (;;) {
    const code = String(randomInt(100000, 1000000));
    const name = `Satker Uji ${code}`;
    const rows = await db.query(
      `INSERT INTO satkers (code, name, kppn_id) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING RETURNING id`,
      [code, name, kppnId],
    );
    if (rows.length) return { id: rows[0].id as string, code, name };
  }
}

/** A person with a password (an activated DIGIT identity). */
export async function createPerson(db: DataSource, name: string, opts: { password?: boolean } = {}): Promise<Person> {
  passwordHash ??= hashPassword(PASSWORD, scryptCost(Number(TEST_SCRYPT_LOG2N)));
  const hash = opts.password === false ? null : await passwordHash;
  for (;;) {
    const nik = randomNik();
    const rows = await db.query(
      `INSERT INTO persons (nik, name, email, password_hash, activated_at)
       VALUES ($1, $2, $3, $4, CASE WHEN $4::text IS NULL THEN NULL ELSE now() END)
       ON CONFLICT (nik) DO NOTHING RETURNING id`,
      [nik, name, `${nik}@contoh.go.id`, hash],
    );
    if (rows.length) return { id: rows[0].id, nik, name };
  }
}

export async function addMembership(db: DataSource, personId: string, satkerId: string, status = 2): Promise<string> {
  const [{ id }] = await db.query(
    `INSERT INTO myintress_memberships (person_id, satker_id, status, role_name, phone, email)
     VALUES ($1, $2, $3, 'Operator', '081200000000', 'op@contoh.go.id') RETURNING id`,
    [personId, satkerId, status],
  );
  return id;
}

async function staff(db: DataSource, name: string, officeId: string, role = 'CSO'): Promise<Person> {
  const person = await createPerson(db, name);
  await db.query(`INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, $3)`, [
    person.id,
    officeId,
    role,
  ]);
  return person;
}

/** Offices, satkers and people of its own, so suites never depend on each other's data. */
export async function createWorld(db: DataSource): Promise<World> {
  const kanwilId = await office(db, 'KANWIL', null);
  const kppnId = await office(db, 'KPPN', kanwilId);
  const otherKppnId = await office(db, 'KPPN', null, 'Asia/Jakarta');
  const s1 = await satker(db, kppnId);
  const s2 = await satker(db, otherKppnId);
  const satkerUser = await createPerson(db, 'Operator Satker Satu');
  const otherSatkerUser = await createPerson(db, 'Operator Satker Dua');
  await addMembership(db, satkerUser.id, s1.id);
  await addMembership(db, otherSatkerUser.id, s2.id);
  return {
    kanwilId,
    kppnId,
    otherKppnId,
    satker: s1,
    otherSatker: s2,
    satkerUser,
    otherSatkerUser,
    cso: await staff(db, 'CSO Pertama', kppnId),
    cso2: await staff(db, 'CSO Kedua', kppnId),
    otherCso: await staff(db, 'CSO KPPN Lain', otherKppnId),
    kanwilCso: await staff(db, 'CSO Kanwil', kanwilId),
  };
}

/** A resident in the embedded Dukcapil registry. */
export async function addResident(db: DataSource, name: string, nik = randomNik()): Promise<string> {
  await db.query(
    `INSERT INTO dukcapil_residents (nik, full_name) VALUES ($1, $2) ON CONFLICT (nik) DO UPDATE SET full_name = $2`,
    [nik, name],
  );
  return nik;
}

/** A person who is ADMIN at a Kantor Pusat office (calendars, undeliverable notices). */
export async function createNationalAdmin(db: DataSource, name: string): Promise<Person> {
  const admin = await createPerson(db, name);
  const [{ id }] = await db.query(
    `INSERT INTO offices (code, kind, name, time_zone) VALUES ($1, 'PUSAT', 'Kantor Pusat Uji', 'Asia/Jakarta') RETURNING id`,
    [`P${randomUUID().slice(0, 8)}`],
  );
  await db.query(`INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'ADMIN')`, [admin.id, id]);
  return admin;
}

/** An agent of the one Pusintek service desk every SC03-1 ticket goes to (the office is shared by suites, made once). */
export async function createPusintekAgent(db: DataSource, name = 'Agen Pusintek'): Promise<Person> {
  await db.query(
    `INSERT INTO offices (code, kind, name, time_zone) VALUES ('PUSINTEK', 'PUSINTEK', 'Pusintek', 'Asia/Jakarta') ON CONFLICT (code) DO NOTHING`,
  );
  const agent = await createPerson(db, name);
  await db.query(
    `INSERT INTO staff_roles (person_id, office_id, role) SELECT $1, id, 'CSO' FROM offices WHERE kind = 'PUSINTEK' ORDER BY created_at LIMIT 1`,
    [agent.id],
  );
  return agent;
}

/** A supervisor of the given office, or of a new Kantor Pusat office (national scope) when none is given. */
export async function createSupervisor(db: DataSource, name: string, officeId?: string): Promise<Person> {
  const person = await createPerson(db, name);
  const office =
    officeId ??
    (
      await db.query(
        `INSERT INTO offices (code, kind, name, time_zone) VALUES ($1, 'PUSAT', 'Kantor Pusat Uji', 'Asia/Jakarta') RETURNING id`,
        [`P${randomUUID().slice(0, 8)}`],
      )
    )[0].id;
  await db.query(`INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'SUPERVISOR')`, [
    person.id,
    office,
  ]);
  return person;
}
