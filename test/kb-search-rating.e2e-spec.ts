import { auth, login } from './support/api';
import { startTestApp, type TestApp } from './support/app';
import { officeCode, pusatOffice, staffAt, uniqueWord, writeArticle } from './support/kb';
import { createWorld, type World } from './support/world';

let t: TestApp;
let w: World;
let editor: string;
let otherEditor: string;
let national: string;

beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t.db);
  const pusat = await pusatOffice(t.db);
  [editor, otherEditor, national] = await Promise.all([
    staffAt(t.db, 'Editor KPPN', w.kppnId).then((p) => login(t, p)),
    staffAt(t.db, 'Editor KPPN Lain', w.otherKppnId).then((p) => login(t, p)),
    staffAt(t.db, 'Editor Pusat', pusat).then((p) => login(t, p)),
  ]);
});
afterAll(() => t.close());

const search = (q: string, kantor?: string) =>
  t.http.get('/api/v1/kb/search').query({ q, ...(kantor ? { kantor } : {}) });

describe('search', () => {
  it('ranks a title match above a body match and marks the words found in a safe snippet', async () => {
    const word = uniqueWord();
    const inBody = await writeArticle(t, national, {
      title: 'Pengajuan berkas',
      body: `Bila ${word} ditolak, ajukan ulang <b>berkas</b> yang benar.`,
    });
    const inTitle = await writeArticle(t, national, {
      title: `Mengatasi ${word}`,
      body: 'Langkah-langkah penyelesaian.',
    });
    const res = await search(word);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { slug: string }) => r.slug)).toEqual([inTitle.slug, inBody.slug]);
    expect(res.body.results[0].rank).toBeGreaterThan(res.body.results[1].rank);
    const snippet: string = res.body.results[1].snippet;
    expect(snippet).toContain(`Bila <mark>${word}</mark> ditolak, ajukan ulang`);
    expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('finds words by their Indonesian stem, and sees national articles plus the chosen office only', async () => {
    const word = uniqueWord();
    const local = await writeArticle(t, editor, { title: `Pendaftaran ${word}`, body: 'Mendaftarkan pengguna baru.' });
    const other = await writeArticle(t, otherEditor, { title: `Pendaftaran ${word} lain`, body: 'Kantor lain.' });
    const draft = await writeArticle(t, editor, { title: `Draf ${word}`, body: 'Belum terbit.' }, false);
    const atKppn = (await search(`${word} daftar`, await officeCode(t.db, w.kppnId))).body.results.map(
      (r: { slug: string }) => r.slug,
    );
    expect(atKppn).toEqual([local.slug]);
    expect(atKppn).not.toContain(other.slug);
    expect(atKppn).not.toContain(draft.slug);
    expect((await search(word)).body.results).toEqual([]);
    const unknown = await search(word, 'TIDAKADA');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('OFFICE_NOT_FOUND');
  });
});

describe('rating', () => {
  it('counts one vote per person: a second vote replaces the first', async () => {
    const a = await writeArticle(t, national, { title: `Nilai ${uniqueWord()}`, body: 'Apakah membantu?' });
    const [satker, other] = await Promise.all([login(t, w.satkerUser), login(t, w.otherSatkerUser)]);
    const first = await t.http.post(`/api/v1/kb/public/articles/${a.slug}/rating`).set(auth(satker)).send({ stars: 5 });
    expect(first.body).toMatchObject({ stars: 5, replaced: false, rating: { count: 1, average: 5 } });
    await t.http.post(`/api/v1/kb/public/articles/${a.slug}/rating`).set(auth(other)).send({ stars: 4 }).expect(200);
    const again = await t.http.post(`/api/v1/kb/public/articles/${a.slug}/rating`).set(auth(satker)).send({ stars: 3 });
    expect(again.body).toMatchObject({ stars: 3, replaced: true, rating: { count: 2, average: 3.5 } });
    expect((await t.http.get(`/api/v1/kb/public/articles/${a.slug}`)).body.rating).toEqual({ count: 2, average: 3.5 });

    for (const stars of [0, 6, 2.5, '4']) {
      const bad = await t.http.post(`/api/v1/kb/public/articles/${a.slug}/rating`).set(auth(satker)).send({ stars });
      expect(bad.status).toBe(400);
    }
    expect((await t.http.get(`/api/v1/kb/public/articles/${a.slug}`)).body.rating).toEqual({ count: 2, average: 3.5 });
    expect((await t.http.post(`/api/v1/kb/public/articles/${a.slug}/rating`).send({ stars: 5 })).status).toBe(401);
  });

  it("editors see their office's lowest-rated articles first, unrated last", async () => {
    const [good, bad, unrated] = [
      await writeArticle(t, otherEditor, { title: `Baik ${uniqueWord()}`, body: 'x' }),
      await writeArticle(t, otherEditor, { title: `Buruk ${uniqueWord()}`, body: 'x' }),
      await writeArticle(t, otherEditor, { title: `Baru ${uniqueWord()}`, body: 'x' }),
    ];
    const satker = await login(t, w.satkerUser);
    await t.http
      .post(`/api/v1/kb/public/articles/${good.slug}/rating`)
      .set(auth(satker))
      .send({ stars: 5 })
      .expect(200);
    await t.http.post(`/api/v1/kb/public/articles/${bad.slug}/rating`).set(auth(satker)).send({ stars: 1 }).expect(200);
    const list = (await t.http.get('/api/v1/kb/articles').set(auth(otherEditor))).body.articles.map(
      (a: { id: string }) => a.id,
    );
    expect(list.indexOf(bad.id)).toBeLessThan(list.indexOf(good.id));
    expect(list.indexOf(good.id)).toBeLessThan(list.indexOf(unrated.id));
  });
});

describe('caching', () => {
  it('answers 304 to a matching If-None-Match until the article or its rating changes', async () => {
    const a = await writeArticle(t, editor, { title: `Cache ${uniqueWord()}`, body: 'Isi.' });
    const first = await t.http.get(`/api/v1/kb/public/articles/${a.slug}`);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    const etag = first.headers.etag;
    expect((await t.http.get(`/api/v1/kb/public/articles/${a.slug}`).set('If-None-Match', etag)).status).toBe(304);
    await t.http.patch(`/api/v1/kb/articles/${a.id}`).set(auth(editor)).send({ body: 'Isi baru.' }).expect(200);
    const changed = await t.http.get(`/api/v1/kb/public/articles/${a.slug}`).set('If-None-Match', etag);
    expect(changed.status).toBe(200);
    expect(changed.body.bodyHtml).toContain('Isi baru.');
  });
});
