import { randomInt } from 'node:crypto';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { createNationalAdmin, createWorld, type World } from '../support/world';
import { Journey, signIn } from './support/journey';

// A Kantor Pusat admin on a phone without JavaScript: check a CSV, import it, read the SLA settings and
// correct a member's contact. Every captured page must fit 390 px and pass the accessibility checks.
describe('browser: admin import, SLA settings and membership contacts', () => {
  let t: TestApp;
  let w: World;
  let journey: Journey;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t.db);
    journey = await Journey.start('admin-impor', t.url);
  });
  afterAll(async () => {
    await journey?.finish();
    await t?.close();
  });

  it('checks, then imports a satker CSV and reaches the other admin pages, JavaScript off, 390 px', async () => {
    const admin = await createNationalAdmin(t.db, 'Admin Pusat Peramban');
    const [{ code: kppn }] = await t.db.query(`SELECT code FROM offices WHERE id = $1`, [w.kppnId]);
    const code = String(randomInt(100000, 1000000));
    const page = await journey.person({ javaScript: false, phone: true });
    await signIn(page, admin);
    await page.goto('/admin');
    await page.getByRole('link', { name: 'Impor CSV' }).click();
    await journey.capture(page, 'impor');
    const upload = async (csv: string, button: string) => {
      await page.getByLabel('Satker').check();
      await page
        .getByLabel('Berkas CSV')
        .setInputFiles({ name: 'satker.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: button }).click();
    };
    await upload(
      `\uFEFFkode_satker;nama;kode_kppn\r\n${code};"Satker Peramban; Uji";${kppn}\r\n123;Rusak;${kppn}\r\n`,
      'Periksa (uji coba)',
    );
    await page.getByRole('cell', { name: 'kode satker "123" harus 6 digit angka' }).waitFor();
    await journey.capture(page, 'impor-periksa');
    await upload(`kode_satker;nama;kode_kppn\r\n${code};"Satker Peramban; Uji";${kppn}\r\n`, 'Impor');
    await page.getByRole('status').getByText('Impor selesai').waitFor();
    await journey.capture(page, 'impor-selesai');
    expect(await t.db.query(`SELECT name FROM satkers WHERE code = $1`, [code])).toEqual([
      { name: 'Satker Peramban; Uji' },
    ]);

    await page.goto('/admin/layanan');
    await journey.capture(page, 'layanan');
    await page.getByRole('link', { name: 'Pengaduan' }).first().click();
    await page.getByRole('button', { name: 'Jadwalkan' }).waitFor();
    await journey.capture(page, 'layanan-ubah');

    await page.goto(`/admin/keanggotaan?satker=${w.satker.code}`);
    await page.getByRole('link', { name: 'Koreksi kontak' }).first().click();
    await page.getByLabel('Nomor telepon').fill('081288887777');
    await page.getByLabel('Alasan koreksi').fill('Nomor lama sudah tidak aktif');
    await journey.capture(page, 'kontak');
    await page.getByRole('button', { name: 'Simpan koreksi' }).click();
    await page.getByRole('status').getByText('Kontak pengguna sudah dikoreksi.').waitFor();
    await journey.capture(page, 'kontak-selesai');
  }, 90000);
});
