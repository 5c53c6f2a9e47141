#!/usr/bin/env node
// Seeds a year of realistic history by SQL, for timing reports and queues at national scale:
//   node scripts/seed-history.js --tickets 1000000 [--kppn 180]   (DATABASE_URL must point at a migrated database)
// 180 KPPN under 30 Kanwil and one Kantor Pusat, 10 satkers (3 MyIntress users each) and 3 CSOs per KPPN,
// and N tickets over 2025 with their SLA results, clocks and history events. Everything it makes is
// tagged with the office code prefix "H".
const { Client } = require('pg');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const tickets = arg('tickets', 1_000_000);
const kppn = arg('kppn', 180);

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is required');
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const t0 = Date.now();
  const step = async (label, sql, params = []) => {
    const s = Date.now();
    const r = await db.query(sql, params);
    console.log(`${label}: ${r.rowCount ?? ''} rows in ${((Date.now() - s) / 1000).toFixed(1)} s`);
  };
  await step(
    'pusat',
    `INSERT INTO offices (code, kind, name, time_zone) VALUES ('HPUSAT', 'PUSAT', 'Kantor Pusat (riwayat)', 'Asia/Jakarta') ON CONFLICT DO NOTHING`,
  );
  await step(
    'kanwil',
    `INSERT INTO offices (code, kind, name, time_zone, parent_id)
    SELECT 'HW' || g, 'KANWIL', 'Kanwil riwayat ' || g, 'Asia/Jakarta', (SELECT id FROM offices WHERE code = 'HPUSAT') FROM generate_series(1, 30) g
    ON CONFLICT DO NOTHING`,
  );
  await step(
    'kppn',
    `INSERT INTO offices (code, kind, name, time_zone, parent_id)
    SELECT 'HK' || g, 'KPPN', 'KPPN riwayat ' || g, 'Asia/Jakarta', (SELECT id FROM offices WHERE code = 'HW' || (1 + g % 30)) FROM generate_series(1, $1::int) g
    ON CONFLICT DO NOTHING`,
    [kppn],
  );
  await step(
    'satkers',
    `INSERT INTO satkers (code, name, kppn_id)
    SELECT lpad((900000 + g)::text, 6, '0'), 'Satker riwayat ' || g, (SELECT id FROM offices WHERE code = 'HK' || (1 + g % $1::int))
      FROM generate_series(1, $1::int * 10) g ON CONFLICT DO NOTHING`,
    [kppn],
  );
  await step(
    'agents',
    `INSERT INTO persons (nik, name, email)
    SELECT '31' || lpad(g::text, 14, '0'), 'Petugas riwayat ' || g, 'petugas' || g || '@riwayat.go.id' FROM generate_series(1, $1::int * 3) g
    ON CONFLICT DO NOTHING`,
    [kppn],
  );
  await step(
    'staff',
    `INSERT INTO staff_roles (person_id, office_id, role)
    SELECT p.id, o.id, 'CSO' FROM generate_series(1, $1::int * 3) g
      JOIN persons p ON p.nik = '31' || lpad(g::text, 14, '0') JOIN offices o ON o.code = 'HK' || (1 + g % $1::int)
    ON CONFLICT DO NOTHING`,
    [kppn],
  );
  await step(
    'tickets',
    `
    WITH k AS (SELECT row_number() OVER (ORDER BY code) - 1 AS i, id FROM offices WHERE code LIKE 'HK%'),
         s AS (SELECT s.kppn_id, array_agg(s.id) AS ids FROM satkers s JOIN k ON k.id = s.kppn_id GROUP BY s.kppn_id),
         a AS (SELECT r.office_id, array_agg(r.person_id) AS ids FROM staff_roles r JOIN k ON k.id = r.office_id GROUP BY r.office_id),
         g AS (SELECT n, (n % (SELECT count(*) FROM k)) AS ki, random() AS r1, random() AS r2, random() AS r3 FROM generate_series(1, $1::int) n)
    INSERT INTO tickets (number, office_id, satker_id, service_code, machine_id, machine_version, status, snapshot, subject, form,
                         assignee_id, filed_by, correction_rounds, created_at, updated_at, resolved_at, first_response_at,
                         response_minutes, response_met, resolution_minutes, resolution_met, due_at)
    SELECT 'H-' || g.n, k.id, s.ids[1 + (g.n % 10)], svc.code, 'lifecycle', 1, st.status,
           jsonb_build_object('value', st.status, 'context', jsonb_build_object('assigneeId', NULL, 'correctionRounds', 0)),
           'Riwayat ' || g.n, '{}'::jsonb, a.ids[1 + (g.n % 3)], a.ids[1 + (g.n % 3)], (g.r3 * 3)::int,
           c.at, c.at, CASE WHEN st.status IN ('SELESAI', 'DITUTUP') THEN c.at + (g.r2 * interval '5 days') END,
           c.at + (g.r1 * interval '8 hours'), (g.r1 * 480)::int, g.r1 * 480 <= 240,
           CASE WHEN st.status IN ('SELESAI', 'DITUTUP') THEN (g.r2 * 1800)::int END,
           CASE WHEN st.status IN ('SELESAI', 'DITUTUP') THEN g.r2 * 1800 <= 900 END,
           CASE WHEN st.status NOT IN ('SELESAI', 'DITUTUP') THEN c.at + interval '2 days' END
      FROM g JOIN k ON k.i = g.ki JOIN s ON s.kppn_id = k.id JOIN a ON a.office_id = k.id
      CROSS JOIN LATERAL (SELECT timestamptz '2025-01-01 00:00+07' + (g.n::float / $1::int) * interval '365 days' AS at) c
      CROSS JOIN LATERAL (SELECT (ARRAY['PERTANYAAN', 'PENGADUAN', 'MYINTRESS_DAFTAR_KPPN', 'MYINTRESS_HAPUS', 'MYINTRESS_DAFTAR_MANDIRI'])[1 + (g.n % 5)] AS code) svc
      CROSS JOIN LATERAL (SELECT CASE WHEN g.r3 < 0.03 THEN 'DIPROSES' WHEN g.r3 < 0.04 THEN 'BARU' WHEN g.r3 < 0.05 THEN 'DITOLAK' ELSE 'DITUTUP' END AS status) st
    ON CONFLICT DO NOTHING`,
    [tickets],
  );
  await step(
    'clocks',
    `
    INSERT INTO sla_clocks (ticket_id, office_id, kind, rule, calendar_id, calendar_version, started_at, target_minutes, due_at,
                            stopped_at, stop_reason, used_minutes, breached_at)
    SELECT t.id, t.office_id, k.kind, '{"kind":"WORKING_DAYS","days":2}', (SELECT id FROM calendars WHERE code = 'STANDAR-WIB'), 1, t.created_at, 900,
           t.created_at + interval '2 days', CASE WHEN k.kind = 'RESPONSE' THEN t.first_response_at ELSE t.resolved_at END,
           'ANSWERED', CASE WHEN k.kind = 'RESPONSE' THEN t.response_minutes ELSE t.resolution_minutes END,
           CASE WHEN (k.kind = 'RESPONSE' AND NOT t.response_met) OR (k.kind = 'RESOLUTION' AND t.resolution_met = false)
                THEN t.created_at + interval '2 days' END
      FROM tickets t CROSS JOIN (VALUES ('RESPONSE'), ('RESOLUTION')) k(kind)
     WHERE t.number LIKE 'H-%' ON CONFLICT DO NOTHING`,
  );
  await step(
    'satker users',
    `INSERT INTO persons (nik, name, email)
    SELECT '32' || lpad(g::text, 14, '0'), 'Operator riwayat ' || g, 'operator' || g || '@riwayat.go.id' FROM generate_series(1, $1::int * 30) g
    ON CONFLICT DO NOTHING`,
    [kppn],
  );
  // Three users per satker, mostly active (2), some dormant (3), registered (1) or refused (0), as Daftar Pengguna shows them.
  await step(
    'memberships',
    `INSERT INTO myintress_memberships (person_id, satker_id, status, role_name, phone, email, created_at)
    SELECT p.id, s.id, (ARRAY[2, 2, 2, 2, 2, 2, 3, 1, 0, 2])[1 + g % 10], (ARRAY['Operator', 'Approver', 'Admin'])[1 + g % 3],
           '0812' || lpad(g::text, 8, '0'), p.email, timestamptz '2024-06-01 00:00+07' + (g % 365) * interval '1 day'
      FROM generate_series(1, $1::int * 30) g
      JOIN persons p ON p.nik = '32' || lpad(g::text, 14, '0')
      JOIN satkers s ON s.code = lpad((900000 + 1 + (g - 1) / 3)::text, 6, '0')
     WHERE NOT EXISTS (SELECT 1 FROM myintress_memberships m WHERE m.person_id = p.id AND m.satker_id = s.id)`,
    [kppn],
  );
  // The history of each ticket: filed, answered, and closed (or refused) where it ended.
  await step(
    'events',
    `
    INSERT INTO ticket_events (ticket_id, type, from_status, to_status, actor_id, payload, created_at)
    SELECT t.id, e.type, e.from_status, e.to_status, t.assignee_id, '{}'::jsonb, e.at
      FROM tickets t
      CROSS JOIN LATERAL (VALUES
        ('FILED', NULL, 'BARU', t.created_at),
        ('CLAIM', 'BARU', 'DIPROSES', t.first_response_at),
        ('COMPLETE', 'DIPROSES', 'SELESAI', t.resolved_at),
        ('REJECT', 'DIPROSES', 'DITOLAK', CASE WHEN t.status = 'DITOLAK' THEN t.updated_at END),
        ('CLOSE', 'SELESAI', 'DITUTUP', CASE WHEN t.status = 'DITUTUP' THEN t.resolved_at + interval '7 days' END)
      ) e(type, from_status, to_status, at)
     WHERE t.number LIKE 'H-%' AND e.at IS NOT NULL AND (e.type <> 'CLAIM' OR t.status <> 'BARU')
       AND NOT EXISTS (SELECT 1 FROM ticket_events x WHERE x.ticket_id = t.id)`,
  );
  // Index-only scans need the visibility map; autovacuum does this in production, a fresh bulk load needs it now.
  await step('vacuum', 'VACUUM ANALYZE');
  console.log(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await db.end();
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
