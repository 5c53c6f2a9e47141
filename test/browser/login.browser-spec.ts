import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { createWorld, type World } from '../support/world';
import { Journey, signIn } from './support/journey';

// The smallest journey: the login page, a refusal, and a satker's home, in Chromium.
describe('browser: login', () => {
  let t: TestApp;
  let w: World;
  let journey: Journey;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t.db);
    journey = await Journey.start('masuk', t.url);
  });
  afterAll(async () => {
    await journey?.finish();
    await t?.close();
  });

  it('refuses a wrong password with a message, then signs a satker user in', async () => {
    const page = await journey.person();
    await page.goto('/masuk');
    await journey.capture(page, 'masuk');
    await page.getByLabel('NIK').fill(w.satkerUser.nik);
    await page.getByLabel('Kata sandi').fill('bukan-sandinya');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('alert').getByText('NIK atau kata sandi salah.').waitFor();
    expect(await page.getByLabel('NIK').inputValue()).toBe(w.satkerUser.nik);
    await journey.capture(page, 'masuk-salah');

    await signIn(page, w.satkerUser);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('heading', { level: 1, name: 'Beranda satker' }).waitFor();
    await journey.capture(page, 'beranda');
    expect(journey.weights.every((p) => p.bytes > 0 && p.bytes < 30 * 1024)).toBe(true);
  }, 60000);

  it('works with JavaScript switched off: file a question, then cancel it', async () => {
    const page = await journey.person({ javaScript: false });
    await signIn(page, w.satkerUser);
    await page.getByRole('heading', { level: 1, name: 'Beranda satker' }).waitFor();
    await page.goto('/ajukan/PERTANYAAN');
    await page.getByLabel('Perihal').fill('Jadwal rekonsiliasi');
    await page.getByLabel('Uraian').fill('Kapan jadwal rekonsiliasi bulan ini?');
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await page.getByRole('status').getByText('Permohonan Anda terkirim ke KPPN.').waitFor();
    await journey.capture(page, 'tanpa-js-tiket');
    // Without the script there is no confirmation dialog: the form posts straight away.
    await page.getByRole('form', { name: 'Batalkan' }).getByRole('button', { name: 'Batalkan' }).click();
    await page.getByRole('status').getByText('Tiket dibatalkan.').waitFor();
    const [ticket] = await t.db.query(
      `SELECT status FROM tickets WHERE satker_id = $1 AND service_code = 'PERTANYAAN'`,
      [w.satker.id],
    );
    expect(ticket.status).toBe('DIBATALKAN');
  }, 60000);
});
