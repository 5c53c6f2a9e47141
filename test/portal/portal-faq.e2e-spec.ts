import supertest from 'supertest';
import { login } from '../support/api';
import type { TestApp } from '../support/app';
import { officeCode, pusatOffice, staffAt, uniqueWord, writeArticle } from '../support/kb';
import { csrfOf, portalLogin, setCookieOf, startPortalSuite } from '../support/portal';
import type { World } from '../support/world';

/** The page as a browser reads its links (Handlebars escapes = and & in attributes). */
const links = (res: { text: string }) => res.text.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');

describe('portal: the public FAQ', () => {
  let t: TestApp;
  let w: World;
  let kantor: string;
  const word = uniqueWord();
  const a: Record<string, { id: string; slug: string }> = {};

  beforeAll(async () => {
    ({ t, w } = await startPortalSuite());
    kantor = await officeCode(t.db, w.kppnId);
    const [editor, otherEditor, national] = await Promise.all([
      staffAt(t.db, 'Editor KPPN', w.kppnId).then((p) => login(t, p)),
      staffAt(t.db, 'Editor KPPN Lain', w.otherKppnId).then((p) => login(t, p)),
      pusatOffice(t.db)
        .then((id) => staffAt(t.db, 'Editor Pusat', id))
        .then((p) => login(t, p)),
    ]);
    a.local = await writeArticle(t, editor, {
      title: `Jam layanan ${word}`,
      body: `Loket buka pukul 08.00. **Kode** ${word}.`,
      category: `Layanan ${word}`,
    });
    a.national = await writeArticle(t, national, {
      title: `Reset sandi ${word}`,
      body: 'Gunakan menu lupa sandi.',
      category: `Akun ${word}`,
      services: ['PERTANYAAN'],
    });
    a.other = await writeArticle(t, otherEditor, {
      title: `Kantor lain ${word}`,
      body: 'Bukan untuk KPPN ini.',
      category: `Layanan ${word}`,
    });
    a.draft = await writeArticle(t, editor, { title: `Draf ${word}`, body: 'Belum terbit.' }, false);
  });
  afterAll(() => t.close());

  it("opens without a login and lists the office's own articles plus the national ones, never drafts or other offices'", async () => {
    const local = await supertest(t.url)
      .get('/faq')
      .query({ kantor, kategori: `Layanan ${word}` });
    expect(local.status).toBe(200);
    expect(links(local)).toContain(`href="/faq/${a.local.slug}?kantor=${kantor}"`);
    expect(local.text).not.toContain(a.other.slug);
    expect(local.text).not.toContain(a.draft.slug);
    expect(local.text).toContain(`Layanan ${word} (1)`);
    const national = await supertest(t.url)
      .get('/faq')
      .query({ kantor, kategori: `Akun ${word}` });
    expect(links(national)).toContain(`href="/faq/${a.national.slug}?kantor=${kantor}"`);
    const withoutOffice = await supertest(t.url)
      .get('/faq')
      .query({ kategori: `Layanan ${word}` });
    expect(withoutOffice.text).not.toContain(a.local.slug);
    const missing = await supertest(t.url).get('/faq').query({ kantor: 'TIDAKADA' });
    expect(missing.status).toBe(404);
  });

  it('searches with highlighted snippets', async () => {
    const page = await supertest(t.url).get('/faq').query({ kantor, q: word });
    expect(page.text).toContain(`Hasil pencarian “${word}”`);
    expect(page.text).toContain(`<mark>${word}</mark>`);
    expect(page.text).toContain(`/faq/${a.local.slug}`);
  });

  it('shows a published article (404 for a draft), cached with an ETag', async () => {
    const reader = supertest.agent(t.url);
    const page = await reader.get(`/faq/${a.local.slug}`).query({ kantor });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<strong>Kode</strong>');
    expect(page.text).toContain('Penilaian: Belum ada penilaian');
    expect(page.headers['cache-control']).toBe('private, no-cache');
    const again = await reader.get(`/faq/${a.local.slug}`).query({ kantor }).set('If-None-Match', page.headers.etag);
    expect(again.status).toBe(304);
    const views = await t.db.query(
      `SELECT sum(views)::int AS n FROM kb_article_views WHERE article_id = $1 AND office_id = $2`,
      [a.local.id, w.kppnId],
    );
    expect(views[0].n).toBe(2);

    const draft = await supertest(t.url).get(`/faq/${a.draft.slug}`);
    expect(draft.status).toBe(404);
    expect(draft.text).toContain('Artikel tidak ditemukan.');
  });

  it('takes one rating per browser (a second replaces the first) and refuses a form without its token', async () => {
    const reader = supertest.agent(t.url);
    const rate = async (bintang: string) => {
      const page = await reader.get(`/faq/${a.national.slug}`);
      return reader
        .post(`/faq/${a.national.slug}/nilai`)
        .type('form')
        .send({ _csrf: csrfOf(page.text), bintang });
    };
    const first = await rate('4');
    expect(first.status).toBe(303);
    expect(setCookieOf(first, 'loket_pembaca')).toMatch(/HttpOnly/i);
    await rate('5');
    const page = await reader.get(first.headers.location);
    expect(page.text).toContain('Terima kasih, penilaian Anda tersimpan.');
    expect(page.text).toContain('Penilaian: 5 / 5 (1)');
    expect(page.text).toMatch(/id="bintang-5" name="bintang" value="5" checked/);

    const second = supertest.agent(t.url);
    const form = await second.get(`/faq/${a.national.slug}`);
    await second
      .post(`/faq/${a.national.slug}/nilai`)
      .type('form')
      .send({ _csrf: csrfOf(form.text), bintang: '2' })
      .expect(303);
    expect((await second.get(`/faq/${a.national.slug}`)).text).toContain('Penilaian: 3,5 / 5 (2)');

    const forged = await supertest(t.url).post(`/faq/${a.national.slug}/nilai`).type('form').send({ bintang: '1' });
    expect(forged.status).toBe(403);
    const none = await reader
      .post(`/faq/${a.national.slug}/nilai`)
      .type('form')
      .send({ _csrf: csrfOf(page.text) });
    expect(none.status).toBe(422);
    expect(none.text).toContain('Pilih 1 sampai 5 bintang');
    expect((await supertest(t.url).get(`/faq/${a.national.slug}`)).text).toContain('Penilaian: 3,5 / 5 (2)');
  });

  it("counts a signed-in satker's view at its KPPN and keeps its header", async () => {
    const satker = await portalLogin(t, w.satkerUser);
    const page = await satker.get(`/faq/${a.national.slug}`);
    expect(page.text).toContain(w.satkerUser.name);
    const views = await t.db.query(`SELECT views FROM kb_article_views WHERE article_id = $1 AND office_id = $2`, [
      a.national.id,
      w.kppnId,
    ]);
    expect(views[0].views).toBeGreaterThanOrEqual(1);
  });
});
