#!/usr/bin/env node
// Times FAQ search over 5,000 published articles: seeds them into DATABASE_URL (once; national and one
// KPPN's, Indonesian treasury vocabulary), starts the API in this process, and measures
// GET /api/v1/kb/search over HTTP one request at a time, plus the same search as in-process SQL.
//   DATABASE_URL=... npm run kb:search:time --  [--articles 5000] [--requests 2000]
require('../dist/apps/register-aliases');
const { mkdtempSync, rmSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { loadConfig } = require('@loket/common');
const { renderMarkdown, KbSearch } = require('@loket/kb');
const { prepareDatabase } = require('@loket/db');
const { MIGRATIONS } = require('../dist/migrations');
const { createApp } = require('../dist/apps/api/src/bootstrap');
const { DataSource } = require('typeorm');

const arg = (name, fallback) =>
  process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback;
const ARTICLES = arg('--articles', 5000);
const REQUESTS = arg('--requests', 2000);

const WORDS = (
  'satker kppn kanwil pengguna myintress digipay aplikasi sakti span rekonsiliasi laporan keuangan anggaran dipa revisi ' +
  'pencairan dana spm sp2d tagihan kontrak vendor bendahara pengeluaran penerimaan uang persediaan tambahan gaji pegawai ' +
  'kata sandi akun aktivasi email token login registrasi pendaftaran penghapusan formulir surat keputusan penunjukan kuasa ' +
  'pengguna anggaran pejabat pembuat komitmen penandatangan sertifikat elektronik tanda tangan dokumen lampiran unggah unduh ' +
  'jadwal layanan jam kerja libur nasional cuti bersama tenggat waktu penyelesaian pengaduan pertanyaan bantuan panduan ' +
  'petunjuk teknis juknis standar pelayanan biaya tarif gratis syarat prosedur mekanisme kompetensi pelaksana sarana ' +
  'prasarana survei kepuasan masyarakat nilai indeks mutu kinerja pelaporan semester tahunan bulanan harian konfirmasi ' +
  'verifikasi validasi penolakan perbaikan koreksi status tiket antrean petugas supervisor eskalasi kantor pusat wilayah ' +
  'transaksi belanja barang jasa modal pemeliharaan perjalanan dinas honorarium pajak potongan setoran billing ntpn ' +
  'rekening bank mitra virtual account saldo limit kartu kredit pemerintah pengadaan langsung pemesanan penerimaan barang'
).split(' ');

const QUERIES = [
  'kata sandi',
  'lupa kata sandi myintress',
  'rekonsiliasi laporan keuangan',
  'pencairan dana sp2d',
  'digipay',
  'registrasi admin digipay',
  'revisi dipa',
  '"surat keputusan penunjukan"',
  'kartu kredit pemerintah',
  'jadwal layanan libur',
  'pajak -potongan',
  'pengaduan petugas',
  'survei kepuasan',
  'tiket eskalasi kanwil',
  'virtual account bank',
  'uang persediaan',
  'sertifikat elektronik',
  'honorarium perjalanan dinas',
  'ntpn billing setoran',
  'aktivasi akun email',
];

let seed = 20261129;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (from = WORDS) => from[Math.floor(random() * from.length)];
// An FAQ article is about something: most of its words come from its topic (25 words), a few from anywhere.
const topicOf = () => Array.from({ length: 25 }, () => pick());
const words = (n, topic) => Array.from({ length: n }, () => pick(random() < 0.85 ? topic : WORDS)).join(' ');

async function seedArticles(db) {
  await db.query(`INSERT INTO offices (code, kind, name, time_zone) VALUES ('KBPUSAT', 'PUSAT', 'Kantor Pusat (FAQ bench)', 'Asia/Jakarta'),
    ('KBKPPN', 'KPPN', 'KPPN (FAQ bench)', 'Asia/Jakarta') ON CONFLICT (code) DO NOTHING`);
  await db.query(
    `INSERT INTO persons (nik, name, email) VALUES ('3175010101800001', 'Editor FAQ bench', 'faq@bench.local') ON CONFLICT (nik) DO NOTHING`,
  );
  const [{ have }] = await db.query(`SELECT count(*)::int AS have FROM kb_articles WHERE slug LIKE 'bench-%'`);
  const offices = Object.fromEntries(
    (await db.query(`SELECT code, id FROM offices WHERE code IN ('KBPUSAT', 'KBKPPN')`)).map((r) => [r.code, r.id]),
  );
  const [{ id: by }] = await db.query(`SELECT id FROM persons WHERE nik = '3175010101800001'`);
  for (let i = have; i < ARTICLES; i += 250) {
    const rows = [];
    for (let j = i; j < Math.min(i + 250, ARTICLES); j++) {
      const topic = topicOf();
      const md = Array.from(
        { length: 3 + Math.floor(random() * 4) },
        () => `${words(25 + Math.floor(random() * 40), topic)}.`,
      ).join('\n\n');
      const body = renderMarkdown(md);
      const national = j % 3 === 0;
      rows.push([
        `bench-${j}`,
        national ? offices.KBPUSAT : offices.KBKPPN,
        national,
        words(4 + Math.floor(random() * 5), topic),
        pick(topic),
        md,
        body.html,
        body.text,
        by,
      ]);
    }
    const params = rows.flat();
    const values = rows
      .map((_, r) => `(${Array.from({ length: 9 }, (_, c) => `$${r * 9 + c + 1}`).join(', ')}, 'PUBLISHED')`)
      .join(', ');
    await db.query(
      `INSERT INTO kb_articles (slug, office_id, national, title, category, body_md, body_html, body_text, created_by, status) VALUES ${values}`,
      params,
    );
  }
  await db.query('ANALYZE kb_articles');
  return { seeded: Math.max(0, ARTICLES - have) };
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (label, times) => {
  const s = [...times].sort((a, b) => a - b);
  console.log(
    `${label.padEnd(22)} n=${s.length}  p50 ${pct(s, 50).toFixed(1)} ms  p95 ${pct(s, 95).toFixed(1)} ms  p99 ${pct(s, 99).toFixed(1)} ms  max ${s[s.length - 1].toFixed(1)} ms`,
  );
};

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to the PostgreSQL to seed and search.');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'loket-kb-bench-'));
  const config = loadConfig({
    ...process.env,
    LOKET_DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    RUN_WORKER: 'false',
    PORT: '0',
    LOG_LEVEL: 'warn',
  });
  const { url } = await prepareDatabase(
    { databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize },
    MIGRATIONS,
  );
  const app = await createApp(config, url);
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const db = app.get(DataSource);
  try {
    const { seeded } = await seedArticles(db);
    const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM kb_articles WHERE status = 'PUBLISHED'`);
    console.log(`published articles: ${total} (seeded now: ${seeded})`);
    const [{ id: kppn }] = await db.query(`SELECT id FROM offices WHERE code = 'KBKPPN'`);
    const search = app.get(KbSearch);
    const http = [];
    const sql = [];
    let hits = 0;
    for (let i = 0; i < REQUESTS + 50; i++) {
      const q = QUERIES[i % QUERIES.length];
      const s1 = process.hrtime.bigint();
      const res = await fetch(`${base}/api/v1/kb/search?kantor=KBKPPN&q=${encodeURIComponent(q)}`);
      const body = await res.json();
      if (res.status !== 200) throw new Error(`search ${q}: ${res.status} ${JSON.stringify(body)}`);
      const t1 = Number(process.hrtime.bigint() - s1) / 1e6;
      const s2 = process.hrtime.bigint();
      await search.search(q, { officeIds: [kppn] }, 20, 0);
      const t2 = Number(process.hrtime.bigint() - s2) / 1e6;
      if (i >= 50) {
        http.push(t1);
        sql.push(t2);
        hits += body.results.length;
      }
    }
    const matched = await db.query(
      `SELECT avg(n)::int AS n FROM (SELECT (SELECT count(*) FROM kb_articles WHERE search @@ websearch_to_tsquery('indonesian', q)) AS n FROM unnest($1::text[]) q) m`,
      [QUERIES],
    );
    console.log(
      `articles matching a query: ${matched[0].n} on average; results per page: ${(hits / REQUESTS).toFixed(1)} (of 20)`,
    );
    console.log(`load average while measuring: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
    summary('HTTP /api/v1/kb/search', http);
    summary('in-process SQL', sql);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
