import { auth, footprint, login } from './support/api';
import { startTestApp, type TestApp } from './support/app';
import { pusatOffice, staffAt, uniqueWord, writeArticle } from './support/kb';
import { csrfOf, portalLogin } from './support/portal';
import { createWorld, type World } from './support/world';

let t: TestApp;
let w: World;
let satker: string;
let supervisor: string;
const word = uniqueWord();
const a: Record<string, { id: string; slug: string }> = {};
const today = new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 10);
const tomorrow = new Date(Date.now() + 31 * 3600000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t.db);
  const [editor, otherEditor, national] = await Promise.all([
    staffAt(t.db, 'Editor KPPN', w.kppnId).then((p) => login(t, p)),
    staffAt(t.db, 'Editor KPPN Lain', w.otherKppnId).then((p) => login(t, p)),
    pusatOffice(t.db)
      .then((id) => staffAt(t.db, 'Editor Pusat', id))
      .then((p) => login(t, p)),
  ]);
  [satker, supervisor] = await Promise.all([
    login(t, w.satkerUser),
    staffAt(t.db, 'Supervisor KPPN', w.kppnId, 'SUPERVISOR').then((p) => login(t, p)),
  ]);
  a.national = await writeArticle(t, national, {
    title: `Lupa kata sandi ${word}`,
    body: 'Pakai menu lupa sandi.',
    services: ['PERTANYAAN'],
  });
  a.local = await writeArticle(t, editor, {
    title: `Jadwal ${word}`,
    body: `Jadwal layanan ${word} di KPPN.`,
    services: ['PERTANYAAN', 'PENGADUAN', 'DIGIPAY_ASISTENSI'],
  });
  a.other = await writeArticle(t, otherEditor, {
    title: `Kantor lain ${word}`,
    body: 'Bukan KPPN satker ini.',
    services: ['PERTANYAAN'],
  });
});
afterAll(() => t.close());

const deflections = async () =>
  Number((await t.db.query(`SELECT count(*) FROM kb_deflections WHERE satker_id = $1`, [w.satker.id]))[0].count);

describe('deflection while filing', () => {
  it("suggests at most five of the satker's KPPN and national articles for the perihal typed", async () => {
    const res = await t.http
      .get('/api/v1/kb/suggestions')
      .set(auth(satker))
      .query({ layanan: 'PERTANYAAN', q: `bagaimana ${word.slice(0, 6)}` });
    expect(res.status).toBe(200);
    const slugs = res.body.articles.map((x: { slug: string }) => x.slug);
    expect(slugs).toEqual(expect.arrayContaining([a.national.slug, a.local.slug]));
    expect(slugs).not.toContain(a.other.slug);
    expect(slugs.length).toBeLessThanOrEqual(5);
  });

  it('the filing page shows the service\'s articles, a link to the FAQ search, and "Masalah saya terjawab" records a deflection instead of a ticket', async () => {
    const browser = await portalLogin(t, w.satkerUser);
    const page = await browser.get('/ajukan/DIGIPAY_ASISTENSI');
    expect(page.text).toContain('Mungkin sudah terjawab di FAQ');
    expect(page.text).toContain(a.local.slug);
    expect(page.text).not.toContain(a.other.slug);
    expect(page.text.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&')).toMatch(
      /href="\/faq\?kantor=[^"&]+&layanan=DIGIPAY_ASISTENSI"/,
    );

    const json = await browser.get('/ajukan/DIGIPAY_ASISTENSI/saran').query({ q: `jadwal ${word}` });
    expect(json.body.articles[0]).toMatchObject({
      slug: a.local.slug,
      href: expect.stringContaining(`/faq/${a.local.slug}?kantor=`),
    });

    const before = await footprint(t, w.satker.id);
    const count = await deflections();
    const done = await browser
      .post('/ajukan/DIGIPAY_ASISTENSI/terjawab')
      .type('form')
      .send({ _csrf: csrfOf(page.text), artikel: a.local.slug, perihal: `jadwal ${word}` });
    expect(done.status).toBe(303);
    expect((await browser.get(done.headers.location)).text).toContain('Senang masalah Anda terjawab');
    expect(await deflections()).toBe(count + 1);
    expect(await footprint(t, w.satker.id)).toEqual(before);
    const [row] = await t.db.query(
      `SELECT service_code, perihal, office_id FROM kb_deflections WHERE satker_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [w.satker.id],
    );
    expect(row).toEqual({ service_code: 'DIGIPAY_ASISTENSI', perihal: `jadwal ${word}`, office_id: w.kppnId });
  });

  it("refuses another office's article, a draft, an unknown service and a forged form, recording nothing", async () => {
    const count = await deflections();
    const other = await t.http
      .post('/api/v1/kb/deflections')
      .set(auth(satker))
      .send({ layanan: 'PERTANYAAN', artikel: a.other.slug });
    expect(other.status).toBe(404);
    const service = await t.http
      .post('/api/v1/kb/deflections')
      .set(auth(satker))
      .send({ layanan: 'MYINTRESS_DAFTAR_MANDIRI', artikel: a.local.slug });
    expect(service.status).toBe(422);
    const forged = await (
      await portalLogin(t, w.satkerUser)
    )
      .post('/ajukan/PERTANYAAN/terjawab')
      .type('form')
      .send({ artikel: a.local.slug });
    expect(forged.status).toBe(403);
    expect(await deflections()).toBe(count);
  });
});

describe("the supervisor's report", () => {
  it('counts per service the articles read at the office, the deflections and the tickets filed in the period', async () => {
    await t.http
      .post('/api/v1/kb/deflections')
      .set(auth(satker))
      .send({ layanan: 'PENGADUAN', artikel: a.local.slug })
      .expect(201);
    const filed = await t.http
      .post('/api/v1/tickets')
      .set(auth(satker))
      .set('Idempotency-Key', `kb-${word}`)
      .send({ service: 'PERTANYAAN', form: { perihal: 'Masih bingung', uraian: 'Artikel tidak menjawab.' } });
    expect(filed.status).toBe(201);
    const kantor = (await t.db.query(`SELECT code FROM offices WHERE id = $1`, [w.kppnId]))[0].code;
    for (let i = 0; i < 3; i++)
      await t.http.get(`/api/v1/kb/public/articles/${a.local.slug}`).query({ kantor }).expect(200);

    const res = await t.http.get('/api/v1/kb/report').set(auth(supervisor)).query({ from: today, to: tomorrow });
    expect(res.status).toBe(200);
    const row = (code: string) => res.body.rows.find((r: { service: string }) => r.service === code);
    // PERTANYAAN: the ticket above; DIGIPAY_ASISTENSI: the filing page's deflection; PENGADUAN: the one above.
    expect(row('PERTANYAAN')).toMatchObject({ deflections: 0, tickets: 1, views: 3, deflectionRate: 0 });
    expect(row('DIGIPAY_ASISTENSI')).toMatchObject({ deflections: 1, tickets: 0, views: 3, deflectionRate: 100 });
    expect(row('PENGADUAN')).toMatchObject({ deflections: 1, tickets: 0, views: 3 });

    const page = await (
      await portalLogin(
        t,
        (
          await t.db.query(
            `SELECT p.id, p.nik, p.name FROM persons p JOIN staff_roles r ON r.person_id = p.id WHERE r.office_id = $1 AND r.role = 'SUPERVISOR'`,
            [w.kppnId],
          )
        )[0],
      )
    )
      .get('/laporan-faq')
      .query({ dari: today, sampai: today });
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<th scope="row">Pertanyaan Umum<\/th><td>3<\/td><td>0<\/td><td>1<\/td><td>0%<\/td>/);
    expect(page.text).toMatch(/<th scope="row">Asistensi Digipay<\/th><td>3<\/td><td>1<\/td><td>0<\/td><td>100%<\/td>/);

    const refused = await t.http.get('/api/v1/kb/report').set(auth(satker)).query({ from: today, to: tomorrow });
    expect(refused.status).toBe(403);
  });
});
