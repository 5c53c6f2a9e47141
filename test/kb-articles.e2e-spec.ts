import { auth, binaryParser, login } from './support/api';
import { startTestApp, type TestApp } from './support/app';
import { officeCode, pusatOffice, staffAt, uniqueWord, writeArticle } from './support/kb';
import { makePdf } from './support/pdf';
import { createWorld, type World } from './support/world';

let t: TestApp;
let w: World;
let editor: string;
let otherEditor: string;
let national: string;
let kppnCode: string;

beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t.db);
  const pusat = await pusatOffice(t.db);
  kppnCode = await officeCode(t.db, w.kppnId);
  [editor, otherEditor, national] = await Promise.all([
    staffAt(t.db, 'Editor KPPN', w.kppnId).then((p) => login(t, p)),
    staffAt(t.db, 'Admin KPPN Lain', w.otherKppnId, 'ADMIN').then((p) => login(t, p)),
    staffAt(t.db, 'Editor Pusat', pusat).then((p) => login(t, p)),
  ]);
});
afterAll(() => t.close());

const articleCount = async () => Number((await t.db.query(`SELECT count(*) FROM kb_articles`))[0].count);

describe('writing, publishing and versions', () => {
  it('a draft is invisible to the public until published, and disappears again when unpublished', async () => {
    const word = uniqueWord();
    const draft = await writeArticle(
      t,
      editor,
      { title: `Jadwal layanan KPPN ${word}`, body: 'Senin sampai Jumat.' },
      false,
    );
    expect(draft).toMatchObject({
      status: 'DRAFT',
      version: 1,
      slug: `jadwal-layanan-kppn-${word}`,
      national: false,
      office: { code: kppnCode },
    });
    expect((await t.http.get(`/api/v1/kb/public/articles/${draft.slug}`)).status).toBe(404);

    const published = await t.http.post(`/api/v1/kb/articles/${draft.id}/publish`).set(auth(editor));
    expect(published.body).toMatchObject({ status: 'PUBLISHED', version: 2 });
    const pub = await t.http.get(`/api/v1/kb/public/articles/${draft.slug}`);
    expect(pub.status).toBe(200);
    expect(pub.body.bodyHtml).toBe('<p>Senin sampai Jumat.</p>\n');

    await t.http.post(`/api/v1/kb/articles/${draft.id}/unpublish`).set(auth(editor)).expect(200);
    const gone = await t.http.get(`/api/v1/kb/public/articles/${draft.slug}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('ARTICLE_NOT_FOUND');
  });

  it('every change is a version saying who changed what; restoring an old version makes a new one', async () => {
    const a = await writeArticle(t, editor, { title: 'Lupa kata sandi', body: 'Versi pertama.' });
    const edited = await t.http
      .patch(`/api/v1/kb/articles/${a.id}`)
      .set(auth(editor))
      .set('If-Match', `"${a.version}"`)
      .send({ body: 'Versi kedua yang salah.', category: 'Akun' });
    expect(edited.body).toMatchObject({ version: 3, bodyMarkdown: 'Versi kedua yang salah.', category: 'Akun' });

    const stale = await t.http
      .patch(`/api/v1/kb/articles/${a.id}`)
      .set(auth(editor))
      .set('If-Match', `"${a.version}"`)
      .send({ title: 'Lain' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('ARTICLE_CHANGED');

    const restored = await t.http.post(`/api/v1/kb/articles/${a.id}/versions/1/restore`).set(auth(editor));
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({
      version: 4,
      bodyMarkdown: 'Versi pertama.',
      category: 'Umum',
      status: 'PUBLISHED',
    });
    expect((await t.http.get(`/api/v1/kb/public/articles/${a.slug}`)).body.bodyHtml).toContain('Versi pertama.');

    const history = (await t.http.get(`/api/v1/kb/articles/${a.id}/versions`).set(auth(editor))).body.versions;
    expect(history.map((v: { version: number; action: string }) => [v.version, v.action])).toEqual([
      [4, 'RESTORED'],
      [3, 'EDITED'],
      [2, 'PUBLISHED'],
      [1, 'CREATED'],
    ]);
    expect(history[0]).toMatchObject({
      restoredFrom: 1,
      changedFields: ['kategori', 'isi'],
      changedBy: { name: 'Editor KPPN' },
    });
    expect(history[1]).toMatchObject({ changedFields: ['kategori', 'isi'], bodyMd: 'Versi kedua yang salah.' });

    const missing = await t.http.post(`/api/v1/kb/articles/${a.id}/versions/99/restore`).set(auth(editor));
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('VERSION_NOT_FOUND');
  });

  it('an article written at Kantor Pusat is national; a second article with the same title gets its own slug', async () => {
    const word = uniqueWord();
    const a = await writeArticle(t, national, { title: `Panduan ${word}`, body: 'Nasional.' });
    const b = await writeArticle(t, editor, { title: `Panduan ${word}`, body: 'Lokal.' });
    expect(a).toMatchObject({ national: true, slug: `panduan-${word}` });
    expect(b).toMatchObject({ national: false, slug: `panduan-${word}-2` });
    const taken = await t.http
      .post('/api/v1/kb/articles')
      .set(auth(editor))
      .send({ title: 'X', body: 'x', category: 'Umum', slug: a.slug });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('SLUG_TAKEN');
  });
});

describe('scope', () => {
  it("another office's editor finds no such article (404) and changes nothing; non-editors may not write", async () => {
    const a = await writeArticle(t, editor, { title: 'Artikel milik KPPN', body: 'Isi asli.' });
    for (const res of [
      await t.http.patch(`/api/v1/kb/articles/${a.id}`).set(auth(otherEditor)).send({ body: 'Diubah kantor lain' }),
      await t.http.post(`/api/v1/kb/articles/${a.id}/unpublish`).set(auth(otherEditor)),
      await t.http.post(`/api/v1/kb/articles/${a.id}/versions/1/restore`).set(auth(otherEditor)),
      await t.http.get(`/api/v1/kb/articles/${a.id}/versions`).set(auth(otherEditor)),
      await t.http.get(`/api/v1/kb/articles/${a.id}`).set(auth(national)),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('ARTICLE_NOT_FOUND');
    }
    const after = (await t.http.get(`/api/v1/kb/articles/${a.id}`).set(auth(editor))).body;
    expect(after).toMatchObject({ version: a.version, bodyMarkdown: 'Isi asli.', status: 'PUBLISHED' });
    expect(
      (await t.http.get('/api/v1/kb/articles').set(auth(otherEditor))).body.articles.map((x: { id: string }) => x.id),
    ).not.toContain(a.id);

    const cso = await login(t, w.cso);
    const before = await articleCount();
    const refused = await t.http
      .post('/api/v1/kb/articles')
      .set(auth(cso))
      .send({ title: 'CSO', body: 'x', category: 'Umum' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('NOT_A_KB_EDITOR');
    expect(await articleCount()).toBe(before);
  });

  it('client input never sets status, office or version', async () => {
    const before = await articleCount();
    const res = await t.http
      .post('/api/v1/kb/articles')
      .set(auth(editor))
      .send({ title: 'X', body: 'x', category: 'Umum', status: 'PUBLISHED', version: 9, officeId: w.otherKppnId });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(await articleCount()).toBe(before);
  });
});

describe('sanitising', () => {
  it('script tags, javascript: links and event handlers in the Markdown never reach a reader', async () => {
    const a = await writeArticle(t, editor, {
      title: 'Artikel berbahaya',
      body:
        '<script>alert(1)</script>\n\n[klik](javascript:alert(document.cookie))\n\n<img src=x onerror="alert(1)">\n\n' +
        '<a href="https://contoh.go.id" onclick="alert(1)">tautan</a>\n\n[aman](https://djpb.kemenkeu.go.id/kppn)',
    });
    const html: string = (await t.http.get(`/api/v1/kb/public/articles/${a.slug}`)).body.bodyHtml;
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    // Raw HTML shows as inert text: the only elements are paragraphs and https links marked noopener nofollow.
    expect(
      tags
        .filter((tag) => tag !== '<p>')
        .every((tag) => /^<a href="https:\/\/[^"]*" rel="noopener nofollow">$/.test(tag)),
    ).toBe(true);
    expect(tags).toContain('<a href="https://djpb.kemenkeu.go.id/kppn" rel="noopener nofollow">');
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
  });
});

describe('API documentation', () => {
  it('documents every knowledge-base endpoint in OpenAPI', async () => {
    const doc = await t.http.get('/api/docs/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/kb/articles',
        '/api/v1/kb/articles/{id}',
        '/api/v1/kb/articles/{id}/publish',
        '/api/v1/kb/articles/{id}/unpublish',
        '/api/v1/kb/articles/{id}/versions',
        '/api/v1/kb/articles/{id}/versions/{version}/restore',
        '/api/v1/kb/articles/{id}/documents',
        '/api/v1/kb/public/articles',
        '/api/v1/kb/public/articles/{slug}',
        '/api/v1/kb/public/articles/{slug}/rating',
        '/api/v1/kb/search',
        '/api/v1/kb/suggestions',
        '/api/v1/kb/deflections',
        '/api/v1/kb/picker',
        '/api/v1/kb/report',
      ]),
    );
    expect(Object.keys(doc.body.components.schemas.ArticleCreateDto.properties)).toEqual([
      'title',
      'slug',
      'category',
      'services',
      'body',
      'kantor',
    ]);
  });
});

describe('documents', () => {
  it('a juknis PDF is attached, listed and downloadable while published; a non-PDF is refused and nothing is stored', async () => {
    const a = await writeArticle(t, editor, { title: 'Juknis Digipay', body: 'Lihat lampiran.' });
    const pdf = makePdf({ title: 'Juknis' });
    const added = await t.http
      .post(`/api/v1/kb/articles/${a.id}/documents`)
      .set(auth(editor))
      .attach('DOKUMEN', pdf, { filename: 'juknis.pdf', contentType: 'application/pdf' });
    expect(added.status).toBe(201);
    expect(added.body.documents).toEqual([expect.objectContaining({ name: 'juknis.pdf', sizeBytes: pdf.length })]);
    const files = t.storedFiles().length;

    const fake = await t.http
      .post(`/api/v1/kb/articles/${a.id}/documents`)
      .set(auth(editor))
      .attach('DOKUMEN', Buffer.from('<html>bukan pdf</html>'), {
        filename: 'juknis.pdf',
        contentType: 'application/pdf',
      });
    expect(fake.status).toBe(415);
    expect(fake.body.error.code).toBe('NOT_PDF');
    expect(t.storedFiles().length).toBe(files);
    expect(t.tempFiles()).toEqual([]);

    const doc = added.body.documents[0];
    const body = (
      await t.http
        .get(`/api/v1/kb/public/articles/${a.slug}/documents/${doc.id}`)
        .buffer(true)
        .parse(binaryParser as never)
    ).body;
    expect(Buffer.compare(body, pdf)).toBe(0);
    await t.http.post(`/api/v1/kb/articles/${a.id}/unpublish`).set(auth(editor)).expect(200);
    expect((await t.http.get(`/api/v1/kb/public/articles/${a.slug}/documents/${doc.id}`)).status).toBe(404);
    const versions = (await t.http.get(`/api/v1/kb/articles/${a.id}/versions`).set(auth(editor))).body.versions;
    expect(versions.map((v: { action: string }) => v.action)).toContain('DOCUMENT_ADDED');
  });
});
