#!/usr/bin/env node
// Times letter rendering (HTML, and PDF through Debian's Chromium) and relaying 1,000 notices through
// a real SMTP server on loopback, against DATABASE_URL (a migrated database):
//   npm run build && node scripts/time-notices.js [--notices 1000]
require('../dist/apps/register-aliases');
const { SMTPServer } = require('smtp-server');
const { loadConfig } = require('@loket/common');
const { createDataSource } = require('@loket/db');
const { LettersService } = require('@loket/letters');
const { OutboxRelay } = require('@loket/notify');

const count = Number(process.argv[process.argv.indexOf('--notices') + 1]) || 1000;
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

async function main() {
  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    disableReverseLookup: true,
    onData(stream, _session, cb) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received++;
        cb();
      });
    },
  });
  await new Promise((r) => smtp.listen(0, '127.0.0.1', r));
  const config = loadConfig({ ...process.env, SMTP_URL: `smtp://127.0.0.1:${smtp.server.address().port}` });
  const ds = await createDataSource(config.databaseUrl, 4).initialize();
  const letters = new LettersService(ds, config);
  const data = {
    kantor: {
      name: 'KPPN Gorontalo',
      kanwilName: 'Kanwil DJPb Provinsi Gorontalo',
      city: 'Gorontalo',
      address: 'Jalan Nani Wartabone',
    },
    satker: { code: '632118', name: 'Balai Wilayah Sungai Sulawesi II' },
    tiket: { number: 'LKT-134-2026-000001', subject: 'x' },
    nomor: 'S-1/WPB.29/134/2026',
    tanggalSurat: new Date().toISOString(),
    sifat: 'Biasa',
    lampiran: '-',
    hal: 'Tanggapan',
    yth: 'KPA',
    paragraf: ['Dengan hormat, kami sampaikan tanggapan atas permohonan Saudara.', 'Demikian kami sampaikan.'],
    tembusan: ['Kepala Kanwil'],
    penandatangan: { nama: 'Fitri Handayani', nip: '198501012010122001', jabatan: 'Kepala Kantor' },
  };
  let s = process.hrtime.bigint();
  for (let i = 0; i < 1000; i++) letters.renderer.letter('tanggapan', data);
  console.log(`letter HTML: ${(ms(s) / 1000).toFixed(3)} ms each (1000 renders)`);
  s = process.hrtime.bigint();
  await letters.document('tanggapan', data, 'pdf');
  console.log(`letter PDF, first (starts Chromium): ${ms(s).toFixed(0)} ms`);
  const pdfTimes = [];
  for (let i = 0; i < 10; i++) {
    s = process.hrtime.bigint();
    await letters.document('tanggapan', data, 'pdf');
    pdfTimes.push(ms(s));
  }
  pdfTimes.sort((a, b) => a - b);
  console.log(`letter PDF, warm: median ${pdfTimes[5].toFixed(0)} ms over 10`);

  await ds.query(`DELETE FROM outbox WHERE topic = 'ticket.filed' AND recipient LIKE 'uji-%@contoh.go.id'`);
  await ds.query(
    `INSERT INTO outbox (topic, recipient, payload)
     SELECT 'ticket.filed', 'uji-' || g || '@contoh.go.id',
            jsonb_build_object('name', 'Penerima ' || g, 'ticketNumber', 'LKT-1-' || g, 'subject', 'Uji', 'officeName', 'KPPN Uji', 'ticketUrl', 'http://x')
       FROM generate_series(1, $1::int) g`,
    [count],
  );
  const relay = new OutboxRelay(ds, letters, config);
  s = process.hrtime.bigint();
  let sent = 0;
  for (let r; (r = await relay.run()).sent > 0;) sent += r.sent;
  const took = ms(s);
  console.log(
    `relayed ${sent} notices to SMTP in ${took.toFixed(0)} ms (${(sent / (took / 1000)).toFixed(0)}/s, one relay); server received ${received}`,
  );
  relay.onApplicationShutdown();
  await letters.onApplicationShutdown();
  await ds.destroy();
  await new Promise((r) => smtp.close(r));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
