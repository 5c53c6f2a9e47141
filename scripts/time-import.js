#!/usr/bin/env node
// Times the bulk import over HTTP against DATABASE_URL (a migrated database; use a database of its own):
//   npm run import:time -- [--satkers 24000] [--kanwil 34] [--kppn 180]
// Starts the API as its own process (the heap flags of `npm start`), logs in as a Kantor Pusat admin it
// creates, imports the Kanwil and KPPN offices, then the satkers as one CSV (semicolons, BOM): a dry
// run, the real run, and the same file again (which must change nothing). Prints one line per step.
require('../dist/apps/register-aliases');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { hashPassword } = require('@loket/auth');
const { startApi } = require('./api-process');

const arg = (name, dflt) =>
  process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : dflt;
const SATKERS = arg('satkers', 24000);
const KANWIL = arg('kanwil', 34);
const KPPN = arg('kppn', 180);
const ADMIN_NIK = '3171010101800009';
const PASSWORD = 'WaktuImpor2026';
const pad = (n, w) => String(n).padStart(w, '0');

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is required');

  const dataDir = mkdtempSync(path.join(tmpdir(), 'loket-import-time-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  const server = await startApi({ dataDir, port, stdio: ['ignore', 'ignore', 'inherit'] }); // applies pending migrations first
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  // The first Kantor Pusat admin, as an installation creates it; everything else comes by import.
  await db.query(
    `INSERT INTO offices (code, kind, name, time_zone) VALUES ('BENCH-PUSAT', 'PUSAT', 'Kantor Pusat (bench)', 'Asia/Jakarta') ON CONFLICT DO NOTHING`,
  );
  await db.query(
    `INSERT INTO persons (nik, name, email, password_hash, activated_at) VALUES ($1, 'Admin Bench', 'bench@kemenkeu.go.id', $2, now())
                  ON CONFLICT (nik) DO UPDATE SET password_hash = EXCLUDED.password_hash`,
    [ADMIN_NIK, await hashPassword(PASSWORD)],
  );
  await db.query(
    `INSERT INTO staff_roles (person_id, office_id, role) SELECT p.id, o.id, 'ADMIN' FROM persons p, offices o
                  WHERE p.nik = $1 AND o.code = 'BENCH-PUSAT' ON CONFLICT DO NOTHING`,
    [ADMIN_NIK],
  );
  await db.end();
  const base = `http://127.0.0.1:${port}/api/v1`;
  try {
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nik: ADMIN_NIK, password: PASSWORD }),
    });
    const { token } = await login.json();
    const upload = async (label, kind, dryRun, csv) => {
      const form = new FormData();
      form.set('kind', kind);
      form.set('dryRun', String(dryRun));
      form.set('CSV', new Blob([csv], { type: 'text/csv' }), `${kind}.csv`);
      const started = process.hrtime.bigint();
      const res = await fetch(`${base}/admin/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const body = await res.json();
      if (res.status !== 200) throw new Error(`${label}: ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
      console.log(
        `${label.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(7)} s  rows ${body.rows}, created ${body.created}, updated ${body.updated}, unchanged ${body.unchanged}, bad ${body.problems.length}`,
      );
      return body;
    };
    const zones = ['WIB', 'WITA', 'WIT'];
    const offices = ['kode;jenis;nama;zona_waktu;induk;kota'];
    for (let k = 1; k <= KANWIL; k++)
      offices.push(`BW.${pad(k, 2)};KANWIL;Kanwil DJPb Bench ${k};${zones[k % 3]};;Kota ${k}`);
    for (let i = 1; i <= KPPN; i++)
      offices.push(
        `B${pad(i, 3)};KPPN;KPPN Bench ${i};${zones[(i % KANWIL) % 3]};BW.${pad((i % KANWIL) + 1, 2)};Kota ${i}`,
      );
    await upload(`offices (${KANWIL} Kanwil + ${KPPN} KPPN)`, 'offices', false, `${offices.join('\r\n')}\r\n`);
    // Names carry the run's stamp, so every run writes each satker (created the first time, updated after).
    const stamp = new Date().toISOString().slice(0, 16);
    const rows = ['kode_satker;nama;kode_kppn;kode_kl;kode_eselon1;kelola_up'];
    for (let i = 0; i < SATKERS; i++) {
      rows.push(
        `${900000 + i};"Satker Bench ${i}; dicetak ${stamp}";B${pad((i % KPPN) + 1, 3)};${pad(i % 100, 3)};${pad(i % 10, 2)};${i % 4 ? 'ya' : 'tidak'}`,
      );
    }
    const csv = `\uFEFF${rows.join('\r\n')}\r\n`;
    console.log(`satker CSV: ${SATKERS} rows, ${(Buffer.byteLength(csv) / 1048576).toFixed(2)} MB`);
    await upload(`satkers dry run`, 'satkers', true, csv);
    await upload(`satkers import`, 'satkers', false, csv);
    const again = await upload(`satkers same file again`, 'satkers', false, csv);
    if (again.created + again.updated !== 0) throw new Error('the second import changed something');
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
