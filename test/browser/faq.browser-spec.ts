import { login } from '../support/api';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { officeCode, pusatOffice, staffAt, uniqueWord, writeArticle } from '../support/kb';
import { createWorld, type World } from '../support/world';
import { Journey, signIn } from './support/journey';

// The FAQ as satkers meet it: on a phone without an account, and on the filing form before a ticket.
describe('browser: FAQ knowledge base', () => {
  let t: TestApp;
  let w: World;
  let journey: Journey;
  const word = uniqueWord();
  let reset: { slug: string; title: string };

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t.db);
    journey = await Journey.start('faq', t.url);
    const [editor, national] = await Promise.all([
      staffAt(t.db, 'Editor KPPN', w.kppnId).then((p) => login(t, p)),
      pusatOffice(t.db)
        .then((id) => staffAt(t.db, 'Editor Pusat', id))
        .then((p) => login(t, p)),
    ]);
    reset = await writeArticle(t, national, {
      title: `Lupa kata sandi ${word}`,
      category: 'Akun',
      services: ['PERTANYAAN'],
      body: `Bila lupa kata sandi ${word}, buka halaman **Masuk** lalu pilih *Lupa kata sandi*.\n\n1. Isi NIK\n2. Buka e-mail\n3. Buat sandi baru`,
    });
    await writeArticle(t, editor, {
      title: `Jadwal layanan ${word}`,
      category: 'Layanan',
      services: ['PERTANYAAN'],
      body: `Loket ${word} buka Senin sampai Jumat.`,
    });
  });
  afterAll(async () => {
    await journey?.finish();
    await t?.close();
  });

  it('an anonymous reader on a phone finds an article by search and rates it', async () => {
    const page = await journey.person({ phone: true });
    await page.goto(`/faq?kantor=${await officeCode(t.db, w.kppnId)}`);
    await journey.capture(page, 'faq-ponsel');
    await page.getByLabel('Cari artikel').fill(`lupa sandi ${word}`);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByRole('heading', { name: `Hasil pencarian “lupa sandi ${word}”` }).waitFor();
    await journey.capture(page, 'faq-hasil');
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

    await page.getByRole('link', { name: reset.title }).click();
    await page.getByRole('heading', { level: 1, name: reset.title }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.getByText('Penilaian: Belum ada penilaian').waitFor();
    await page.getByLabel('4 bintang').check();
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.getByRole('status').getByText('Terima kasih, penilaian Anda tersimpan.').waitFor();
    await page.getByText('Penilaian: 4 / 5 (1)').waitFor();
    await journey.capture(page, 'faq-dinilai');
    expect(journey.weights.every((p) => p.bytes < 40 * 1024)).toBe(true);
  }, 60000);

  it('a satker sees articles while typing the perihal and marks one as the answer instead of filing', async () => {
    const page = await journey.person();
    await signIn(page, w.satkerUser);
    await page.goto('/ajukan/PERTANYAAN');
    await page.getByRole('heading', { name: 'Mungkin sudah terjawab di FAQ' }).waitFor();
    await page.getByLabel('Perihal').pressSequentially(`lupa kata sandi ${word}`, { delay: 20 });
    const suggestions = page.locator('#kb-saran-daftar');
    await suggestions.getByRole('link', { name: reset.title }).waitFor();
    await journey.capture(page, 'ajukan-saran');
    const item = suggestions.getByRole('listitem').filter({ has: page.getByRole('link', { name: reset.title }) });
    await item.getByRole('button', { name: 'Masalah saya terjawab' }).click();
    await page.getByRole('heading', { level: 1, name: 'Senang masalah Anda terjawab' }).waitFor();
    await journey.capture(page, 'terjawab');
    const rows = await t.db.query(
      `SELECT d.service_code, d.perihal, a.slug FROM kb_deflections d JOIN kb_articles a ON a.id = d.article_id WHERE d.satker_id = $1`,
      [w.satker.id],
    );
    expect(rows).toEqual([{ service_code: 'PERTANYAAN', perihal: `lupa kata sandi ${word}`, slug: reset.slug }]);
    expect(
      Number((await t.db.query(`SELECT count(*) FROM tickets WHERE satker_id = $1`, [w.satker.id]))[0].count),
    ).toBe(0);
  }, 60000);
});
