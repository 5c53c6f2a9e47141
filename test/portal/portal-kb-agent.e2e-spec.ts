import { auth, login } from '../support/api';
import type { TestApp } from '../support/app';
import { staffAt, uniqueWord, writeArticle } from '../support/kb';
import { csrfOf, portalLogin, startPortalSuite, type PortalAgent } from '../support/portal';
import type { World } from '../support/world';

describe('portal: agents link FAQ articles in replies', () => {
  let t: TestApp;
  let w: World;
  let cso: PortalAgent;
  let csoToken: string;
  let ticketId: string;
  const word = uniqueWord();
  let article: { slug: string; title: string };
  let foreign: { slug: string };

  beforeAll(async () => {
    let satkerToken: string;
    ({
      t,
      w,
      cso,
      tok: { satker: satkerToken, cso: csoToken },
    } = await startPortalSuite());
    const [editor, otherEditor] = await Promise.all([
      staffAt(t.db, 'Editor KPPN', w.kppnId).then((p) => login(t, p)),
      staffAt(t.db, 'Editor KPPN Lain', w.otherKppnId).then((p) => login(t, p)),
    ]);
    article = await writeArticle(t, editor, { title: `Cara unggah SK ${word}`, body: `Unggah SK ${word} dalam PDF.` });
    foreign = await writeArticle(t, otherEditor, { title: `Lain ${word}`, body: 'Kantor lain.' });
    const filed = await t.http
      .post('/api/v1/tickets')
      .set(auth(satkerToken))
      .set('Idempotency-Key', `kb-agent-${word}`)
      .send({ service: 'PERTANYAAN', form: { perihal: 'SK', uraian: 'Bagaimana mengunggah SK?' } });
    ticketId = filed.body.id;
  });
  afterAll(() => t.close());

  it("the picker API gives title and public URL within the agent's scope", async () => {
    const res = await t.http.get('/api/v1/kb/picker').set(auth(csoToken)).query({ q: word });
    expect(res.body.articles).toEqual([
      { slug: article.slug, title: article.title, url: `${t.config.publicUrl}/faq/${article.slug}` },
    ]);
    const satker = await login(t, w.satkerUser);
    expect((await t.http.get('/api/v1/kb/picker').set(auth(satker)).query({ q: word })).status).toBe(403);
  });

  it('without JavaScript: "Cari artikel" from the composer lists articles, "Sisipkan tautan" returns the composer with the draft and the link appended', async () => {
    const page = await cso.get(`/tiket/${ticketId}`);
    expect(page.text).toContain('Sisipkan tautan artikel FAQ');
    expect(page.text).toContain(`formaction="/tiket/${ticketId}/artikel"`);
    const csrf = csrfOf(page.text);
    const draft = { _csrf: csrf, isi: 'Silakan baca panduan berikut.', visibilitas: 'PUBLIC', aksi: 'BALAS' };
    const found = await cso
      .post(`/tiket/${ticketId}/artikel`)
      .type('form')
      .send({ ...draft, artikel_cari: word });
    expect(found.status).toBe(200);
    expect(found.text).toContain('name="isi" value="Silakan baca panduan berikut."');
    expect(found.text).toContain(`name="sisipkan" value="${article.slug}"`);
    expect(found.text).not.toContain(foreign.slug);

    const inserted = await cso
      .post(`/tiket/${ticketId}/artikel`)
      .type('form')
      .send({ ...draft, artikel_cari: word, sisipkan: article.slug });
    expect(inserted.status).toBe(200);
    const text = `Silakan baca panduan berikut.\n\n${article.title}: ${t.config.publicUrl}/faq/${article.slug}`;
    expect(inserted.text.replace(/&#x3D;/g, '=')).toContain(`>${text}</textarea>`);
    expect(inserted.text).toContain('id="penyusun"');

    const version = (await t.db.query(`SELECT version FROM tickets WHERE id = $1`, [ticketId]))[0].version;
    const sent = await cso
      .post(`/tiket/${ticketId}/tindak`)
      .type('form')
      .send({ _csrf: csrf, versi: String(version), isi: text, visibilitas: 'PUBLIC', aksi: 'BALAS' });
    expect(sent.status).toBe(303);
    const [msg] = await t.db.query(
      `SELECT body FROM ticket_messages WHERE ticket_id = $1 AND visibility = 'PUBLIC' ORDER BY created_at DESC LIMIT 1`,
      [ticketId],
    );
    expect(msg.body).toBe(text);

    const other = await cso
      .post(`/tiket/${ticketId}/artikel`)
      .type('form')
      .send({ ...draft, sisipkan: foreign.slug });
    expect(other.status).toBe(404);
    const satker = await portalLogin(t, w.satkerUser);
    const refused = await satker
      .post(`/tiket/${ticketId}/artikel`)
      .type('form')
      .send({ _csrf: csrfOf((await satker.get(`/tiket/${ticketId}`)).text), artikel_cari: word });
    expect(refused.status).toBe(403);
  });

  it('a canned reply names an article with {{artikel:<slug>}}', async () => {
    const supervisor = await staffAt(t.db, 'Supervisor KPPN', w.kppnId, 'SUPERVISOR').then((p) => login(t, p));
    const created = await t.http
      .post('/api/v1/reply-templates')
      .set(auth(supervisor))
      .send({
        judul: 'Panduan SK',
        isi: 'Yth. {{nama_satker}}, silakan baca {{artikel:' + article.slug + '}}.',
        cakupan: 'KANTOR',
      });
    expect(created.status).toBe(201);
    const filled = await t.http
      .get(`/api/v1/reply-templates/${created.body.id}/filled`)
      .set(auth(csoToken))
      .query({ ticketId });
    expect(filled.body.text).toBe(
      `Yth. ${w.satker.name}, silakan baca ${article.title}: ${t.config.publicUrl}/faq/${article.slug}.`,
    );
    const typo = await t.http
      .post('/api/v1/reply-templates')
      .set(auth(supervisor))
      .send({ judul: 'Salah', isi: 'Baca {{artikl:' + article.slug + '}}', cakupan: 'KANTOR' });
    expect(typo.status).toBe(400);
    expect(typo.body.error.code).toBe('UNKNOWN_PLACEHOLDER');
    expect(typo.body.error.message).toContain(`{{artikl:${article.slug}}}`);
  });
});
