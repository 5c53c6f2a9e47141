#!/usr/bin/env node
// Times the supervisor SLA report (the service's own SQL, from dist/) over seeded history:
//   npm run build && node scripts/time-report.js [--runs 3]
// Scopes: Kantor Pusat (every office: the whole year), one Kanwil, one KPPN. The summary is refreshed
// first (as the worker does after the seeder's writes), and that refresh is timed too.
require('../dist/apps/register-aliases');
const os = require('node:os');
const { createDataSource } = require('@loket/db');
const { SlaReports, SlaReportSummary } = require('@loket/sla');

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main() {
  const ds = await createDataSource(process.env.DATABASE_URL, 4).initialize();
  const reports = new SlaReports(ds);
  const [{ tickets }] = await ds.query(
    `SELECT count(*)::int AS tickets FROM tickets WHERE created_at >= '2025-01-01' AND created_at < '2026-01-01'`,
  );
  console.log(`tickets filed in 2025: ${tickets}; load average ${load()} (${os.cpus().length} cores)`);
  const s = Date.now();
  const refreshed = await new SlaReportSummary(ds).refresh();
  console.log(`summary refresh: ${refreshed} office-months in ${Date.now() - s} ms`);
  for (const code of ['HPUSAT', 'HW1', 'HK1']) {
    const [{ id }] = await ds.query(`SELECT id FROM offices WHERE code = $1`, [code]);
    const times = [];
    let rows = 0;
    for (let i = 0; i < runs; i++) {
      const s = process.hrtime.bigint();
      const r = await reports.report({ supervisorOfficeIds: [id] }, { from: '2025-01-01', to: '2026-01-01' });
      times.push(Number(process.hrtime.bigint() - s) / 1e6);
      rows = r.rows.length;
    }
    times.sort((a, b) => a - b);
    console.log(
      `${code.padEnd(7)} median ${times[Math.floor(runs / 2)].toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[runs - 1].toFixed(0)} ms (${rows} report rows; load ${load()})`,
    );
  }
  await ds.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
