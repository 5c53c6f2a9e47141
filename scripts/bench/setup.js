// The bench's people and roles on top of the seeded history (seeded first when the database has fewer
// tickets than asked): a satker user, a CSO and supervisors of Kantor Pusat, a Kanwil and a KPPN.
'use strict';
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { hashPassword } = require('@loket/auth');

async function setup(db, TICKETS, PASSWORD) {
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM tickets WHERE number LIKE 'H-%'`);
  if (n < TICKETS * 0.99) {
    console.log(`seeding ${TICKETS} tickets of history (found ${n})...`);
    execFileSync('node', [path.join(__dirname, '..', 'seed-history.js'), '--tickets', String(TICKETS)], {
      stdio: 'inherit',
      env: process.env,
    });
  }
  const hash = await hashPassword(PASSWORD);
  const person = async (nik, name) =>
    (
      await db.query(
        `INSERT INTO persons (nik, name, email, password_hash, activated_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (nik) DO UPDATE SET password_hash = $4 RETURNING id`,
        [nik, name, `${nik}@bench.go.id`, hash],
      )
    )[0].id;
  const [{ kppnId, kanwilId, satkerId, pusatId }] = await db.query(
    `SELECT k.id AS "kppnId", k.parent_id AS "kanwilId", (SELECT id FROM satkers WHERE kppn_id = k.id ORDER BY code LIMIT 1) AS "satkerId",
            (SELECT id FROM offices WHERE code = 'HPUSAT') AS "pusatId" FROM offices k WHERE k.code = 'HK1'`,
  );
  const ctx = {
    kppnId,
    kanwilId,
    satkerId,
    satkerUserId: await person('3171010101900001', 'Bench Satker'),
    csoId: await person('3171010101900002', 'Bench CSO'),
    supervisorId: await person('3171010101900003', 'Bench Supervisor'),
    kanwilSupervisorId: await person('3171010101900004', 'Bench Supervisor Kanwil'),
    kppnSupervisorId: await person('3171010101900005', 'Bench Supervisor KPPN'),
    calendarId: (await db.query(`SELECT id FROM calendars WHERE code = 'STANDAR-WIB'`))[0].id,
    // The satker of the KPPN with the most history, for the searches by satker name and code.
    searchSatker: (
      await db.query(
        `SELECT s.code, s.name FROM satkers s
          WHERE s.kppn_id = $1 ORDER BY (SELECT count(*) FROM tickets t WHERE t.satker_id = s.id AND t.number LIKE 'H-%') DESC, s.code LIMIT 1`,
        [kppnId],
      )
    )[0],
    // A ticket of the history, with its whole event trail.
    detail: (
      await db.query(
        `SELECT id, number, subject FROM tickets WHERE office_id = $1 AND number LIKE 'H-%' ORDER BY created_at DESC LIMIT 1`,
        [kppnId],
      )
    )[0],
  };
  await db.query(
    `INSERT INTO myintress_memberships (person_id, satker_id, status, role_name, phone, email)
    SELECT $1, $2, 2, 'Operator', '0812', 'b@bench.go.id' WHERE NOT EXISTS (SELECT 1 FROM myintress_memberships WHERE person_id = $1 AND satker_id = $2)`,
    [ctx.satkerUserId, satkerId],
  );
  await db.query(`INSERT INTO staff_roles VALUES ($1, $2, 'CSO') ON CONFLICT DO NOTHING`, [ctx.csoId, kppnId]);
  for (const [who, office] of [
    [ctx.supervisorId, pusatId],
    [ctx.kanwilSupervisorId, kanwilId],
    [ctx.kppnSupervisorId, kppnId],
  ]) {
    await db.query(`INSERT INTO staff_roles VALUES ($1, $2, 'SUPERVISOR') ON CONFLICT DO NOTHING`, [who, office]);
  }
  return ctx;
}

module.exports = { setup };
