import { OutboxRelay } from '@loket/notify';
import { startTestApp, type TestApp } from '../support/app';
import { newUser } from '../support/api';
import { makePdf } from '../support/pdf';
import { TestSmtp } from '../support/smtp';
import { createWorld, type World } from '../support/world';
import { Journey, signIn } from './support/journey';

const pdf = (name: string, title: string) => ({ name, mimeType: 'application/pdf', buffer: makePdf({ title }) });

// Journey 1 of issue #7: a MyIntress registration from filing to the new user's first login,
// every page screenshotted, checked with axe-core and weighed.
describe('browser journey: MyIntress registration, correction, completion, activation', () => {
  let t: TestApp;
  let w: World;
  let smtp: TestSmtp;
  let journey: Journey;

  beforeAll(async () => {
    smtp = new TestSmtp();
    await smtp.start();
    t = await startTestApp({ env: { SMTP_URL: smtp.url } });
    w = await createWorld(t.db);
    journey = await Journey.start('pendaftaran-myintress', t.url);
  });
  afterAll(async () => {
    await journey?.finish();
    await t?.close();
    await smtp?.stop();
  });

  it('runs in Chromium from the satker filing to the activated user seeing the satker', async () => {
    const fresh = newUser('Nur Aisyah Putri');
    const satker = await journey.person();
    await signIn(satker, w.satkerUser);
    await journey.capture(satker, 'satker-beranda');

    // The satker picks the service and fills its form, with two PDFs.
    await satker.getByRole('link', { name: 'Ajukan layanan baru' }).click();
    await journey.capture(satker, 'satker-daftar-layanan');
    await satker.getByRole('link', { name: 'Pendaftaran User MyIntress Tipe Satker' }).click();
    await satker.getByRole('heading', { level: 1, name: 'Pendaftaran User MyIntress Tipe Satker' }).waitFor();
    await journey.capture(satker, 'satker-formulir');
    // First a mistake, to see the message next to the field.
    const row = satker.getByRole('group', { name: 'Daftar pengguna 1' });
    await row.getByLabel('NIK').fill('12345');
    await row.getByLabel('Nama lengkap').fill(fresh.nama);
    await row.getByLabel('No. telepon').fill(fresh.telepon);
    await row.getByLabel('E-mail').fill(fresh.email);
    await row.getByLabel('Peran').fill(fresh.peran);
    await satker.getByLabel('SK/ST/ND Penunjukan').setInputFiles(pdf('sk-penunjukan.pdf', 'SK Penunjukan'));
    await satker.getByLabel('Formulir Pendaftaran').setInputFiles(pdf('formulir.pdf', 'Formulir'));
    await satker.getByRole('button', { name: 'Kirim permohonan' }).click();
    await satker.getByRole('alert').getByText('Data yang dikirim tidak valid.').waitFor();
    expect(await row.getByLabel('NIK').getAttribute('aria-invalid')).toBe('true');
    await journey.capture(satker, 'satker-formulir-galat');
    expect(await t.db.query(`SELECT id FROM tickets WHERE satker_id = $1`, [w.satker.id])).toEqual([]);

    await row.getByLabel('NIK').fill(fresh.nik);
    await satker.getByLabel('SK/ST/ND Penunjukan').setInputFiles(pdf('sk-penunjukan.pdf', 'SK Penunjukan'));
    await satker.getByLabel('Formulir Pendaftaran').setInputFiles(pdf('formulir.pdf', 'Formulir'));
    await satker.getByRole('button', { name: 'Kirim permohonan' }).click();
    await satker.getByRole('status').getByText('Permohonan Anda terkirim ke KPPN.').waitFor();
    const ticketUrl = new URL(satker.url()).pathname;
    const number = (await satker.getByRole('heading', { level: 1 }).textContent())!.replace('Tiket ', '');
    expect(
      await satker.getByRole('cell', { name: fresh.nik.slice(0, 4) + '********' + fresh.nik.slice(12) }).count(),
    ).toBe(1);
    await journey.capture(satker, 'satker-tiket-baru');

    // The CSO finds it in the queue, claims it and asks for a correction.
    const cso = await journey.person();
    await signIn(cso, w.cso);
    expect(new URL(cso.url()).pathname).toBe('/antrian');
    await cso.getByRole('link', { name: number }).waitFor();
    await journey.capture(cso, 'cso-antrian');
    await cso.getByRole('button', { name: `Ambil tiket ${number}` }).click();
    await cso.getByRole('status').getByText('Tiket sudah Anda ambil').waitFor();
    expect(await cso.getByRole('cell', { name: fresh.nik, exact: true }).count()).toBe(1);
    // One composer: the text, public or internal, and one action.
    const composer = cso.getByRole('form', { name: 'Tanggapi tiket' });
    await composer.getByLabel('Teks', { exact: true }).fill('Cek tanda tangan KPA di SK.');
    await composer.getByLabel('Catatan internal (tidak terlihat oleh satker)').check();
    await composer.getByRole('button', { name: 'Kirim', exact: true }).click();
    await cso.getByRole('status').getByText('Catatan internal tersimpan.').waitFor();
    await composer.getByLabel('Teks', { exact: true }).fill('SK belum ditandatangani KPA, mohon unggah ulang.');
    await composer.getByLabel('Balasan untuk satker').check();
    await composer.getByRole('radio', { name: 'Minta perbaikan' }).check();
    await composer.getByRole('button', { name: 'Kirim', exact: true }).click();
    await cso.getByRole('status').getByText('Permintaan perbaikan terkirim ke satker.').waitFor();
    await journey.capture(cso, 'cso-minta-perbaikan');

    // The satker sees what waits on them and answers with a new SK.
    await satker.goto('/');
    await satker
      .getByRole('table', { name: 'Tiket yang menunggu perbaikan dari Anda' })
      .getByRole('link', { name: number })
      .click();
    // The KPPN's request comes first, with the date to answer by, then the one reply form.
    const request = satker.getByRole('region', { name: 'KPPN meminta perbaikan' });
    await request.getByText('SK belum ditandatangani KPA, mohon unggah ulang.').waitFor();
    expect(
      await request
        .getByText(
          /Kirim perbaikan paling lambat (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ \d{4} pukul \d\d\.\d\d WITA/,
        )
        .count(),
    ).toBe(1);
    expect(await satker.getByRole('heading', { level: 2 }).first().textContent()).toBe('KPPN meminta perbaikan');
    expect(await satker.getByRole('form', { name: 'Kirim pesan ke KPPN' }).count()).toBe(0);
    expect(await satker.getByText('Cek tanda tangan KPA di SK.').count()).toBe(0);
    await journey.capture(satker, 'satker-perlu-perbaikan');
    const fix = satker.getByRole('form', { name: 'Kirim perbaikan' });
    await fix.getByLabel('Pesan').fill('SK sudah ditandatangani KPA.');
    await fix.getByLabel('SK/ST/ND Penunjukan').setInputFiles(pdf('sk-ttd.pdf', 'SK Penunjukan ditandatangani'));
    await fix.getByRole('button', { name: 'Kirim perbaikan' }).click();
    await satker.getByRole('status').getByText('Perbaikan Anda terkirim ke KPPN.').waitFor();
    await satker.getByRole('link', { name: 'Unduh sk-ttd.pdf' }).waitFor();
    await journey.capture(satker, 'satker-perbaikan-terkirim');

    // The CSO completes it; the outcome (membership, DIGIT identity, activation e-mail) is applied.
    await cso.goto(ticketUrl);
    await composer.getByRole('radio', { name: 'Selesaikan' }).check();
    await composer
      .getByLabel(/Saya yakin/)
      .first()
      .check();
    await composer.getByRole('button', { name: 'Kirim', exact: true }).click();
    await cso.getByRole('status').getByText('Tiket diselesaikan.').waitFor();
    await journey.capture(cso, 'cso-selesai');

    const relay = t.app.get(OutboxRelay);
    while ((await relay.run()).sent > 0);
    const mail = smtp.received.find((m) => m.to.includes(fresh.email) && /aktivasi\?token=/.test(m.text));
    expect(mail).toBeDefined();
    const link = new URL(/(https?:\/\/\S+\/aktivasi\?token=[A-Za-z0-9_-]+)/.exec(mail!.text)![1]);

    // The new user opens the link, sets a password and logs in.
    const newcomer = await journey.person();
    await newcomer.goto(link.pathname + link.search);
    await newcomer.getByText(`Halo, ${fresh.nama}.`).waitFor();
    await journey.capture(newcomer, 'aktivasi');
    await newcomer.getByLabel('Kata sandi baru').fill('KataSandiBaru2026');
    await newcomer.getByLabel('Ulangi kata sandi').fill('KataSandiBaru2026');
    await newcomer.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await newcomer.getByText('Kata sandi Anda sudah tersimpan.').waitFor();
    await journey.capture(newcomer, 'aktivasi-berhasil');
    await signIn(newcomer, { id: '', nik: fresh.nik, name: fresh.nama }, 'KataSandiBaru2026');
    await newcomer.getByRole('heading', { level: 1, name: 'Beranda satker' }).waitFor();
    await newcomer.getByText(w.satker.name).first().waitFor();
    await journey.capture(newcomer, 'pengguna-baru-beranda');

    for (const p of journey.weights) expect(p.bytes).toBeLessThan(30 * 1024);
  }, 120000);
});
