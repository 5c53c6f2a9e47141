import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { makePdf } from '../support/pdf';
import { addResident, createPerson } from '../support/world';
import { signIn } from './support/journey';
import { useJourney } from './support/use-journey';

const pdf = (name: string, title: string) => ({ name, mimeType: 'application/pdf', buffer: makePdf({ title }) });
const row = (page: Page, nama: string) => page.getByRole('row').filter({ hasText: nama });

/** Tambah Pengguna: NIK and Cari, then the rest of the form and the SK. */
async function tambah(page: Page, nik: string, fill: { nama?: string; email?: string }) {
  await page.getByLabel('NIK').fill(nik);
  await page.getByRole('button', { name: 'Cari' }).click();
  await page.getByRole('status').waitFor();
  if (fill.nama) await page.getByLabel('Nama lengkap').fill(fill.nama);
  if (fill.email) await page.getByLabel('E-mail').fill(fill.email);
  await page.getByLabel('No. telepon').fill('081355500011');
  await page.getByLabel('Nomor SK/ST/ND').fill('ST-21/KU/2026');
}

// Journey 2 of issue #7: Tambah Pengguna by a satker (one person known to DIGIT, one not), the
// KPPN approves one and rejects the other, the satker sees both outcomes in Daftar Pengguna, the
// approved person signs in; then the satker switches that person off and asks for both rows' deletion.
describe('browser journey: self-registration approved and rejected, deactivation and a deletion request', () => {
  const ctx = useJourney('pendaftaran-mandiri');

  it('runs in Chromium from Tambah Pengguna to the outcome the satker and the person see', async () => {
    const { t, w, journey } = ctx;
    const known = await createPerson(t.db, 'Agus Salim');
    await addResident(t.db, 'Agus Salim', known.nik);
    const freshNik = await addResident(t.db, 'Siti Nurhaliza');

    const satker = await journey.person();
    satker.on('dialog', (d) => d.accept());
    await signIn(satker, w.satkerUser);
    await satker.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pengguna' }).click();
    await satker.getByRole('heading', { level: 1, name: 'Daftar Pengguna' }).waitFor();
    await journey.capture(satker, 'satker-daftar-pengguna');

    // A person already in DIGIT: Cari fills the name and e-mail.
    await satker.getByRole('link', { name: 'Tambah Pengguna' }).click();
    await journey.capture(satker, 'satker-tambah-pengguna');
    await tambah(satker, known.nik, {});
    await satker.getByText('NIK terdaftar di DIGIT atas nama').waitFor();
    expect(await satker.getByLabel('Nama lengkap').inputValue()).toBe('Agus Salim');
    await journey.capture(satker, 'satker-tambah-cari-digit');
    await satker.getByLabel('SK/ST/ND Penunjukan').setInputFiles(pdf('st-agus.pdf', 'ST Agus'));
    await satker.getByRole('button', { name: 'Kirim', exact: true }).click();
    await satker.getByText('Pengguna didaftarkan dengan status 1 – Terdaftar belum disetujui.').waitFor();
    await row(satker, 'Agus Salim').getByText('1 – Terdaftar belum disetujui').waitFor();

    // A person new to DIGIT, first with a name Dukcapil does not accept.
    await satker.getByRole('link', { name: 'Tambah Pengguna' }).click();
    await tambah(satker, freshNik, { nama: 'Siti Nurhayati', email: 'siti@satker.go.id' });
    await satker.getByText('NIK belum terdaftar di DIGIT.').waitFor();
    await satker.getByLabel('SK/ST/ND Penunjukan').setInputFiles(pdf('st-siti.pdf', 'ST Siti'));
    await satker.getByRole('button', { name: 'Kirim', exact: true }).click();
    await satker
      .getByRole('alert')
      .getByText(/Berdasarkan pengecekan di DUKCAPIL: Nama lengkap tidak valid \d+\/95/)
      .waitFor();
    expect(await satker.getByLabel('Nama lengkap').getAttribute('aria-invalid')).toBe('true');
    await journey.capture(satker, 'satker-tambah-galat-dukcapil');
    await satker.getByLabel('Nama lengkap').fill('Siti Nurhaliza');
    await satker.getByLabel('SK/ST/ND Penunjukan').setInputFiles(pdf('st-siti.pdf', 'ST Siti'));
    await satker.getByRole('button', { name: 'Kirim', exact: true }).click();
    await row(satker, 'Siti Nurhaliza').getByText('1 – Terdaftar belum disetujui').waitFor();
    await journey.capture(satker, 'satker-dua-menunggu');

    // The CSO decides: approves Agus, rejects Siti with a reason.
    const cso = await journey.person();
    cso.on('dialog', (d) => d.accept());
    await signIn(cso, w.cso);
    await cso.getByRole('link', { name: 'Persetujuan pengguna' }).click();
    await cso.getByRole('link', { name: 'Periksa pendaftaran Siti Nurhaliza' }).waitFor();
    await journey.capture(cso, 'cso-antrian-persetujuan');
    await cso.getByRole('link', { name: 'Periksa pendaftaran Agus Salim' }).click();
    await cso
      .getByRole('link', { name: 'sk.pdf' })
      .or(cso.getByRole('link', { name: 'st-agus.pdf' }))
      .waitFor();
    expect(await cso.getByText(known.nik, { exact: true }).count()).toBe(1);
    await journey.capture(cso, 'cso-periksa-pendaftaran');
    await cso.getByRole('button', { name: 'Setujui pendaftaran' }).click();
    await cso.getByRole('status').getByText('Pendaftaran disetujui.').waitFor();
    await cso.getByRole('link', { name: 'Periksa pendaftaran Siti Nurhaliza' }).click();
    await cso.getByLabel('Alasan penolakan').fill('ST belum ditandatangani KPA');
    await cso.getByRole('button', { name: 'Tolak pendaftaran' }).click();
    await cso.getByRole('status').getByText('Pendaftaran ditolak.').waitFor();
    expect(await cso.getByRole('link', { name: /Periksa pendaftaran/ }).count()).toBe(0);
    await journey.capture(cso, 'cso-persetujuan-selesai');

    // The satker sees both outcomes; the approved person signs in for the satker.
    await satker.goto('/pengguna');
    await row(satker, 'Agus Salim').getByText('2 – Aktif').waitFor();
    await row(satker, 'Siti Nurhaliza').getByText('5 – Pendaftaran Ditolak').waitFor();
    await row(satker, 'Siti Nurhaliza').getByText('Alasan: ST belum ditandatangani KPA').waitFor();
    await journey.capture(satker, 'satker-hasil-persetujuan');
    const agus = await journey.person();
    await signIn(agus, known);
    await agus.getByRole('heading', { level: 1, name: 'Beranda satker' }).waitFor();
    await agus.getByText(w.satker.name).first().waitFor();
    await journey.capture(agus, 'pengguna-disetujui-beranda');

    // Agus leaves: switched off, then both rows (0 and 5) go to the KPPN for deletion.
    await row(satker, 'Agus Salim').getByRole('link', { name: 'Nonaktifkan Agus Salim' }).click();
    await journey.capture(satker, 'satker-nonaktifkan');
    await satker.getByLabel('Alasan').fill('Mutasi ke satker lain');
    await satker.getByRole('button', { name: 'Nonaktifkan pengguna' }).click();
    await row(satker, 'Agus Salim').getByText('0 – Tidak Aktif').waitFor();
    await satker.getByRole('checkbox', { name: /Pilih Agus Salim/ }).check();
    await satker.getByRole('checkbox', { name: /Pilih Siti Nurhaliza/ }).check();
    await satker.getByRole('button', { name: 'Ajukan penghapusan pengguna terpilih' }).click();
    await satker.getByRole('heading', { level: 1, name: 'Permintaan penghapusan pengguna' }).waitFor();
    await journey.capture(satker, 'satker-permintaan-penghapusan');
    const [letter] = await Promise.all([
      satker.waitForEvent('download'),
      satker.getByRole('link', { name: 'Unduh surat (HTML)' }).click(),
    ]);
    const text = readFileSync((await letter.path())!, 'utf8');
    // The satker's signed request to its KPPN names each user in full, NIK included.
    expect([text.includes('Agus Salim'), text.includes('Siti Nurhaliza'), text.includes(freshNik)]).toEqual([
      true,
      true,
      true,
    ]);
    await satker.getByLabel('Alasan penghapusan').fill('Pegawai pindah tugas dan pendaftaran ditolak');
    await satker.getByLabel('Surat Permintaan Penghapusan').setInputFiles(pdf('surat.pdf', 'Surat permintaan'));
    await satker.getByLabel('Formulir Penghapusan').setInputFiles(pdf('formulir.pdf', 'Formulir penghapusan'));
    await satker.getByRole('button', { name: 'Kirim permintaan penghapusan' }).click();
    await satker.getByRole('status').getByText('Permohonan Anda terkirim ke KPPN.').waitFor();
    await satker.getByText('Permintaan Penghapusan User MyIntress Tipe Satker').first().waitFor();
    await journey.capture(satker, 'satker-tiket-penghapusan');

    for (const p of journey.weights) expect(p.bytes).toBeLessThan(30 * 1024);
  }, 120000);

  it('works with JavaScript switched off: Cari fills the form and the request is filed', async () => {
    const { t, w, journey } = ctx;
    const known = await createPerson(t.db, 'Tanpa Skrip');
    await addResident(t.db, 'Tanpa Skrip', known.nik);
    const satker = await journey.person({ javaScript: false });
    await signIn(satker, w.satkerUser);
    await satker.goto('/pengguna/tambah');
    await tambah(satker, known.nik, {});
    expect(await satker.getByLabel('Nama lengkap').inputValue()).toBe('Tanpa Skrip');
    await satker.getByLabel('SK/ST/ND Penunjukan').setInputFiles(pdf('st.pdf', 'ST'));
    await satker.getByRole('button', { name: 'Kirim', exact: true }).click();
    await row(satker, 'Tanpa Skrip').getByText('1 – Terdaftar belum disetujui').waitFor();
  }, 60000);
});
