#!/usr/bin/env node
// npm run bench -- [--tickets 1000000] [--seconds 10] [--connections 16] [--runs 3] [--port 3999] [--pace 50] [--quick]
// Against DATABASE_URL (real PostgreSQL): seeds a year of history by SQL if it has fewer tickets than
// asked, starts the API as its own process, and measures each scenario over HTTP (autocannon) and as a
// raw pg baseline doing the same SQL at the same concurrency. Prints a table, writes var/bench/*.json
// (compare two with `npm run bench:compare a.json b.json`). --quick: 10k tickets, 3 s, 1 run.
// --reads: only the read scenarios (queue, workspace views and searches, detail), for checking query plans.
// Each read scenario runs twice: saturated (--connections clients as fast as they can, the req/s and the
// ratio) and paced (--pace requests per second in all, at random moments, the latency an agent sees at a
// busy hour: 50 req/s is about ten times the queue and search requests of 180 offices' agents at their
// peak; see paced.js for why this is not autocannon's rate option).
require('../../dist/apps/register-aliases');
const { randomUUID } = require('node:crypto');
const { mkdirSync, writeFileSync, mkdtempSync, rmSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Pool } = require('pg');
const { createDataSource, migrate } = require('@loket/db');
const { SlaReportSummary } = require('@loket/sla');
const { MIGRATIONS } = require('../../dist/migrations');
const raw = require('./baseline');
const { multipart, pdf } = require('./payloads');
const { paced: poisson } = require('./paced');
const { medianOf, printTable } = require('./summary');
const { NODE_FLAGS, idle, reportTimes, rssMb, startServer, http: load } = require('./server');
const { setup } = require('./setup');

const arg = (name, fallback) =>
  process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : fallback;
const QUICK = process.argv.includes('--quick');
const TICKETS = arg('tickets', QUICK ? 10_000 : 1_000_000);
const SECONDS = arg('seconds', QUICK ? 3 : 10);
const CONNECTIONS = arg('connections', 16);
const RUNS = arg('runs', 1);
const READS_ONLY = process.argv.includes('--reads');
const PORT = arg('port', 20000 + Math.floor(Math.random() * 20000));
const PACE = arg('pace', 50);
const PASSWORD = 'BenchSandi2026';
const http = (url, pid, opts) => load(url, pid, opts, { CONNECTIONS, SECONDS });
/** The same request arriving at random moments, PACE per second in all, over at most 8 connections (paced.js). */
const paced = (url, opts) => poisson(url, { ...opts, rate: PACE, seconds: SECONDS, connections: 8 });

/** A create as every client should send it: a fresh Idempotency-Key on each request. */
const withKey = (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': `bench-${randomUUID()}` } });

/**
 * The machines' PostgreSQL runs with autovacuum off: without this, each run's dead row versions and
 * stale statistics would slow the next phase (production runs autovacuum; see README).
 */
async function vacuum(pool, phase) {
  const s = Date.now();
  await pool.query('VACUUM ANALYZE');
  console.log(`VACUUM ANALYZE ${phase} (autovacuum is off on this PostgreSQL): ${Date.now() - s} ms`);
}

/** The create and transition scenarios (each HTTP against its raw baseline). */
async function writes({ base, ctx, pool, files, bigPdf, satker, cso, json, record }) {
  await vacuum(pool, 'before the writes');
  record(
    'create (JSON form)',
    await http(`${base}/tickets`, server.pid, {
      requests: [
        {
          method: 'POST',
          headers: json(satker),
          setupRequest: withKey,
          body: JSON.stringify({ service: 'PERTANYAAN', form: { perihal: 'Bench', uraian: 'Bench' } }),
        },
      ],
    }),
    await raw.run(pool, CONNECTIONS, SECONDS, (c) => raw.createTicket(c, ctx)),
  );

  const user = {
    nik: '7571016708950009',
    nama: 'Nur Aisyah Putri',
    telepon: '081234567890',
    email: 'nur@contoh.go.id',
    peran: 'Operator',
  };
  const mp = multipart(
    { service: 'MYINTRESS_DAFTAR_KPPN', form: JSON.stringify({ pengguna: [user] }) },
    { SK_PENUNJUKAN: bigPdf, FORMULIR_PENDAFTARAN: pdf(2048) },
  );
  record(
    'create (1 MB PDF upload)',
    await http(`${base}/tickets`, server.pid, {
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': mp.contentType, authorization: `Bearer ${satker}` },
          body: mp.body,
          setupRequest: withKey,
        },
      ],
    }),
    await raw.run(pool, CONNECTIONS, SECONDS, (c) => raw.createTicket(c, { ...ctx, filesDir: files.dir }, bigPdf)),
  );

  // Transitions need fresh tickets: made beforehand with the baseline's filing SQL.
  const fresh = async (count) => {
    const ids = [];
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        const client = await pool.connect();
        try {
          while (ids.length < count) ids.push(await raw.createTicket(client, ctx));
        } finally {
          client.release();
        }
      }),
    );
    return ids;
  };
  const pending = await fresh(QUICK ? 2000 : 12000);
  const forHttp = pending.slice(0, pending.length / 2);
  const forRaw = pending.slice(pending.length / 2);
  let h = 0;
  const claimHttp = await http(`${base}/tickets`, server.pid, {
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({
          ...req,
          path: `/api/v1/tickets/${forHttp[h++ % forHttp.length]}/events`,
          headers: { ...json(cso), 'if-match': '"1"' },
          body: JSON.stringify({ type: 'CLAIM' }),
        }),
      },
    ],
  });
  let r = 0;
  const claimRaw = await raw.run(pool, CONNECTIONS, SECONDS, (c) =>
    raw.transition(c, ctx, forRaw[r++ % forRaw.length], 'DIPROSES'),
  );
  record('transition: claim', claimHttp, claimRaw);
  const claimed = forHttp.slice(0, Math.min(h, forHttp.length));
  let k = 0;
  const completeHttp = await http(`${base}/tickets`, server.pid, {
    amount: claimed.length, // each ticket completes once; a second COMPLETE would be a cheap 409
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({
          ...req,
          path: `/api/v1/tickets/${claimed[k++ % claimed.length]}/events`,
          headers: { ...json(cso), 'if-match': '"2"' },
          body: JSON.stringify({ type: 'COMPLETE', message: 'Selesai.' }),
        }),
      },
    ],
  });
  const completeRaw = await raw.run(pool, CONNECTIONS, SECONDS, (c) =>
    raw.transition(c, ctx, forRaw[r++ % forRaw.length], 'SELESAI'),
  );
  record('transition: complete (clocks, notice)', completeHttp, completeRaw);
}

/** One pass over every scenario: HTTP and raw at the same concurrency, then the year report and RSS. */
async function measure({ base, ctx, pool, files, bigPdf, satker, cso, supervisors }) {
  const results = [];
  const record = (name, viaHttp, viaRaw, atPace = null) => {
    results.push({
      scenario: name,
      http: viaHttp,
      raw: viaRaw,
      ratio: viaRaw ? viaHttp.rps / viaRaw.rps : null,
      paced: atPace && { rate: PACE, p50: atPace.p50, p99: atPace.p99, errors: atPace.errors },
    });
    console.log(
      `${name}: http ${viaHttp.rps.toFixed(0)} req/s${viaRaw ? `, raw ${viaRaw.rps.toFixed(0)} req/s` : ''}` +
        (atPace ? `; at ${PACE} req/s p50 ${atPace.p50} ms, p99 ${atPace.p99} ms` : ''),
    );
  };
  /** A read scenario: saturated against its raw baseline (if any), then paced once the API is idle again. */
  const read = async (name, url, opts, rawFn = null) => {
    const saturated = await http(url, server.pid, opts);
    const baseline = rawFn && (await raw.run(pool, CONNECTIONS, SECONDS, rawFn));
    await idle(server.pid);
    record(name, saturated, baseline, await paced(url, opts));
  };
  const json = (token) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });

  if (!READS_ONLY) await writes({ base, ctx, pool, files, bigPdf, satker, cso, json, record });

  // The write scenarios left tens of thousands of open tickets in one KPPN, more than the whole
  // history has open nationally (~5% of a year). The read scenarios measure the history, so those
  // are closed first (as if answered), then vacuumed and analyzed as autovacuum would within a minute
  // of such a change, so the reads plan on fresh statistics as a live system's would.
  await pool.query(
    `UPDATE tickets SET status = 'DITUTUP', due_at = NULL, resolved_at = COALESCE(resolved_at, now())
      WHERE filed_by = $1 AND status IN ('BARU', 'DIPROSES', 'MENUNGGU_PERBAIKAN', 'DIESKALASI')`,
    [ctx.satkerUserId],
  );
  await vacuum(pool, 'between the writes and the reads');
  const cs = { headers: json(cso) };
  await read('KPPN queue page of 50 by deadline', `${base}/tickets?limit=50`, cs, (c) => raw.queuePage(c, ctx));
  // The agent's workspace (issue 14): a view page, the counts of every view, a search. The history's
  // open tickets are all past their deadline, so "Lewat tenggat" is the office's whole open queue.
  await read('view page: Lewat tenggat, 50 by deadline', `${base}/tickets?view=breached&sort=deadline&limit=50`, cs);
  await read('view counts (7 views)', `${base}/tickets/views`, cs);
  // One search of each kind the workspace answers, for the satker of the bench's KPPN with the most history.
  const search = (name, q) => read(name, `${base}/tickets?q=${encodeURIComponent(q)}&limit=50`, cs);
  await search('search: satker name, 50 newest', ctx.searchSatker.name);
  await search('search: kode satker', ctx.searchSatker.code);
  await search('search: ticket number', ctx.detail.number);
  await search('search: subject words', ctx.detail.subject);
  await read('search: NIK (POST)', `${base}/tickets/search`, {
    method: 'POST',
    headers: json(cso),
    body: JSON.stringify({ q: '7571016708950009', limit: 50 }),
  });
  await read('ticket detail', `${base}/tickets/${ctx.detail.id}`, cs, (c) => raw.detail(c, ctx));
  const yearReportMs = await reportTimes(base, json, supervisors);
  console.log(
    `year SLA report: ${Object.entries(yearReportMs)
      .map(([k, v]) => `${k} ${v.median} ms`)
      .join(', ')}`,
  );
  return { results, yearReportMs, rssMbAfterLoad: rssMb(server.pid) };
}

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL (a PostgreSQL database) is required');
  const ds = await createDataSource(process.env.DATABASE_URL, 2, MIGRATIONS).initialize();
  await migrate(ds);
  const ctx = await setup(ds, TICKETS, PASSWORD);
  // The API runs without its worker here: the report summary is brought up to date as the worker does after a sweep.
  const refreshed = Date.now();
  const done = await new SlaReportSummary(ds).refresh();
  console.log(
    `SLA report summary refreshed as the worker would: ${done} office-months in ${Date.now() - refreshed} ms`,
  );
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'loket-bench-'));
  server = await startServer(dataDir, PORT, CONNECTIONS);
  const base = `http://127.0.0.1:${PORT}/api/v1`;
  const login = async (nik) =>
    (
      await (
        await fetch(`${base}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ nik, password: PASSWORD }),
        })
      ).json()
    ).token;
  const [satker, cso] = [await login('3171010101900001'), await login('3171010101900002')];
  const supervisors = {
    national: await login('3171010101900003'),
    kanwil: await login('3171010101900004'),
    kppn: await login('3171010101900005'),
  };
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: CONNECTIONS });
  const files = raw.tempFiles();
  const bigPdf = pdf(1024 * 1024);
  const runs = [];
  for (let run = 1; run <= RUNS; run++) {
    console.log(`\n== run ${run} of ${RUNS}`);
    runs.push(await measure({ base, ctx, pool, files, bigPdf, satker, cso, supervisors }));
  }
  const out = {
    at: new Date().toISOString(),
    tickets: TICKETS,
    seconds: SECONDS,
    connections: CONNECTIONS,
    pace: PACE,
    nodeFlags: NODE_FLAGS,
    loadAverage: os.loadavg(),
    runs,
    median: medianOf(runs),
  };
  const dir = path.join(process.cwd(), 'var', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${TICKETS}-${out.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(out, null, 2));
  printTable(out.median, RUNS, { tickets: TICKETS, connections: CONNECTIONS, seconds: SECONDS, pace: PACE });
  console.log(`written to ${file}`);
  server.kill('SIGTERM');
  await pool.end();
  await ds.destroy();
  files.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
}

let server = null;
main().catch((err) => {
  console.error(err);
  server?.kill('SIGKILL');
  process.exit(1);
});
