import { randomUUID } from 'node:crypto';
import { createNationalAdmin, randomNik } from '../support/world';
import type { Page } from 'playwright-core';
import { signIn } from './support/journey';
import { useJourney } from './support/use-journey';

// Issue 15: a Kantor Pusat admin sets up a KPPN in Papua (WIT) with a CSO by pages only, moves a
// satker to it; the satker files a question and the new CSO, once activated, works it.
/** An input by its label as read out, with or without the "(wajib)" of a required field. */
const input = (page: Page, label: string) =>
  page.getByLabel(new RegExp(`^${label.replace(/[().]/g, '\\$&')}(\\s*\\*?\\s*\\(wajib\\))?$`));

describe('browser journey: a new WIT KPPN and its CSO set up by pages, then working a ticket', () => {
  const ctx = useJourney('admin-kppn-baru');

  it('runs in Chromium from the admin pages to the CSO completing the satker ticket', async () => {
    const { t, w, journey } = ctx;
    const [{ code: kanwil }] = await t.db.query(`SELECT code FROM offices WHERE id = $1`, [w.kanwilId]);
    const kppn = `KPPN-${randomUUID().slice(0, 4).toUpperCase()}`;
    const csoNik = randomNik();
    const admin = await journey.person();
    await signIn(admin, await createNationalAdmin(t.db, 'Admin Kantor Pusat'));

    // The KPPN, with its letterhead, in WIT.
    await admin.getByRole('link', { name: 'Administrasi' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Administrasi' }).waitFor();
    await journey.capture(admin, 'administrasi');
    await admin.getByRole('link', { name: 'Kantor', exact: true }).click();
    await admin.getByRole('link', { name: 'Tambah kantor' }).click();
    await input(admin, 'Kode kantor').fill(kppn);
    await input(admin, 'Jenis kantor').selectOption('KPPN');
    await input(admin, 'Nama kantor').fill('KPPN Jayapura Uji');
    await input(admin, 'Kode kantor induk').fill(kanwil);
    await input(admin, 'Zona waktu').selectOption('Asia/Jayapura');
    await input(admin, 'Kode pada nomor surat').fill('KP.0201');
    await input(admin, 'Jalan').fill('Jalan Ahmad Yani Nomor 11');
    await input(admin, 'Kota').fill('Jayapura');
    await input(admin, 'Telepon').fill('(0967) 533123');
    await journey.capture(admin, 'kantor-baru');
    await admin.getByRole('button', { name: 'Simpan' }).first().click();
    await admin.getByRole('status').getByText('Kantor tersimpan.').waitFor();
    await journey.capture(admin, 'kantor-tersimpan');

    // Its CSO: a NIK without a DIGIT identity, who gets the activation e-mail.
    await admin.goto('/admin/staf/baru');
    await input(admin, 'NIK').fill(csoNik);
    await input(admin, 'Kode kantor').fill(kppn);
    await input(admin, 'Peran').selectOption('CSO');
    await input(admin, 'Nama lengkap').fill('Yohana Wenda');
    await input(admin, 'E-mail').fill('yohana.wenda@kemenkeu.go.id');
    await input(admin, 'Alasan').fill('CSO pertama KPPN baru');
    await journey.capture(admin, 'staf-baru');
    await admin.getByRole('button', { name: 'Simpan' }).click();
    await admin.getByRole('status').getByText('Identitas DIGIT dibuat dan e-mail aktivasi dikirim.').waitFor();
    await journey.capture(admin, 'staf-tersimpan');

    // A satker moves to the new KPPN.
    await admin.goto('/admin/satker');
    await input(admin, 'Kode atau nama satker').fill(w.otherSatker.code);
    await admin.getByRole('button', { name: 'Cari' }).click();
    await admin.getByRole('link', { name: w.otherSatker.code }).click();
    await input(admin, 'Kode KPPN mitra kerja').fill(kppn);
    await input(admin, 'Alasan perubahan').fill('Satker berada di wilayah kerja KPPN baru');
    await journey.capture(admin, 'satker-pindah');
    await admin.getByRole('button', { name: 'Simpan' }).click();
    await admin.getByRole('status').getByText('Perubahan data satker tersimpan.').waitFor();
    // The new office's own calendar: a local holiday, which gives it a calendar of its own.
    await admin.goto(`/admin/kalender?kantor=${kppn}`);
    await admin.getByLabel('Tanggal', { exact: true }).fill('2026-12-02');
    await admin.getByLabel('Nama libur').fill('Hari jadi Kota Jayapura');
    await admin.getByRole('button', { name: 'Tambah libur' }).click();
    await admin.getByRole('status').getByText('Libur lokal tersimpan.').waitFor();
    await journey.capture(admin, 'kalender-kantor');
    await admin.goto('/admin/log-audit');
    await admin
      .getByRole('heading', { name: /SATKER_MOVED/ })
      .first()
      .waitFor();
    await journey.capture(admin, 'log-audit');

    // The CSO activates the identity from the e-mail's link and signs in.
    const [{ link }] = await t.db.query(
      `SELECT payload->>'activationUrl' AS link FROM outbox WHERE recipient = 'yohana.wenda@kemenkeu.go.id' ORDER BY created_at DESC LIMIT 1`,
    );
    const url = new URL(link);
    const cso = await journey.person();
    await cso.goto(url.pathname + url.search);
    await cso.getByText('Halo, Yohana Wenda.').waitFor();
    await cso.getByLabel('Kata sandi baru').fill('KataSandiCso2026');
    await cso.getByLabel('Ulangi kata sandi').fill('KataSandiCso2026');
    await cso.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await cso.getByText('Kata sandi Anda sudah tersimpan.').waitFor();
    await signIn(cso, { id: '', nik: csoNik, name: 'Yohana Wenda' }, 'KataSandiCso2026');

    // The satker files a question; it lands at the new KPPN.
    const satker = await journey.person();
    await signIn(satker, w.otherSatkerUser);
    await satker.goto('/ajukan/PERTANYAAN');
    await satker.getByLabel('Perihal').fill('Jadwal rekonsiliasi');
    await satker.getByLabel('Uraian').fill('Kapan jadwal rekonsiliasi di KPPN baru?');
    await satker.getByRole('button', { name: 'Kirim permohonan' }).click();
    await satker.getByRole('status').getByText('Permohonan Anda terkirim ke KPPN.').waitFor();
    const number = (await satker.getByRole('heading', { level: 1 }).textContent())!.replace('Tiket ', '');

    // The new CSO claims and completes it.
    await cso.goto('/antrian');
    await cso.getByRole('button', { name: `Ambil tiket ${number}` }).click();
    await cso.getByRole('status').getByText('Tiket sudah Anda ambil').waitFor();
    const composer = cso.getByRole('form', { name: 'Tanggapi tiket' });
    await composer.getByLabel('Teks', { exact: true }).fill('Rekonsiliasi dijadwalkan tanggal 10 setiap bulan.');
    await composer.getByLabel('Balasan untuk satker').check();
    await composer.getByRole('radio', { name: 'Selesaikan' }).check();
    const sure = composer.getByLabel(/Saya yakin/);
    if (await sure.count()) await sure.first().check();
    await composer.getByRole('button', { name: 'Kirim', exact: true }).click();
    await cso.getByRole('status').getByText('Tiket diselesaikan.').waitFor();
    await journey.capture(cso, 'cso-selesai');
    const [ticket] = await t.db.query(
      `SELECT t.status, o.code, o.time_zone AS tz FROM tickets t JOIN offices o ON o.id = t.office_id WHERE t.number = $1`,
      [number],
    );
    expect(ticket).toEqual({ status: 'SELESAI', code: kppn, tz: 'Asia/Jayapura' });
  }, 180000);
});
