import supertest from 'supertest';
import { auth, fileRegistration, footprint, newUser, sendEvent, startSuite, type Suite } from './support/api';
import type { TestApp } from './support/app';
import { csrfOf, portalLogin } from './support/portal';
import { rawRequest } from './support/raw-http';
import type { World } from './support/world';

// NUL cannot be stored by PostgreSQL and broken Unicode cannot be shown: both are refused at the
// edge, for every route, with one code, before anything reads or writes the database.
describe('NUL and invalid Unicode are refused at the edge', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];
  let ticket: { id: string; version: number };
  const user = newUser('Nama Bersih');

  beforeAll(async () => {
    ({ t, w, tok } = await startSuite());
    const filed = await t.http
      .post('/api/v1/tickets')
      .set(auth(tok.satker))
      .send({ service: 'PERTANYAAN', form: { perihal: 'Tanya', uraian: 'Isi' } });
    ticket = filed.body;
  });
  afterAll(() => t.close());

  async function expectInvalidText(send: () => PromiseLike<{ status: number; body?: any; json?: any; text?: string }>) {
    const before = await footprint(t, w.satker.id, [user.nik]);
    const res = await send();
    const body = 'json' in res ? res.json : res.body;
    expect({ status: res.status, code: body?.error?.code }).toEqual({ status: 400, code: 'INVALID_TEXT' });
    expect(body.error.message).toContain('karakter yang tidak sah');
    expect(await footprint(t, w.satker.id, [user.nik])).toEqual(before);
    return body.error;
  }

  const postJson = (path: string, token: string, raw: string | Buffer, headers: Record<string, string> = {}) =>
    rawRequest(t.url, `POST ${path} HTTP/1.1`, Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8'), {
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...headers },
    });

  it('in a JSON form field (NUL), naming the field', async () => {
    const error = await expectInvalidText(() =>
      t.http
        .post('/api/v1/tickets')
        .set(auth(tok.satker))
        .send({ service: 'PERTANYAAN', form: { perihal: 'Tanya\u0000', uraian: 'Isi' } }),
    );
    expect(error.details).toEqual({ field: 'body.form.perihal' });
  });

  it('in a message, as a lone surrogate escape', async () => {
    await expectInvalidText(() =>
      postJson(`/api/v1/tickets/${ticket.id}/messages`, tok.satker, '{"body":"Halo \\ud800 dunia"}'),
    );
  });

  it('in a JSON body that is not valid UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('{"body":"Halo '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]);
    await expectInvalidText(() => postJson(`/api/v1/tickets/${ticket.id}/messages`, tok.satker, bytes));
  });

  it('in an event reason', async () => {
    await expectInvalidText(() =>
      sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'CLAIM', reason: 'a\u0000b' }),
    );
  });

  it('in the NIK of a lookup', async () => {
    await expectInvalidText(() =>
      t.http
        .post(`/api/v1/satkers/${w.satker.code}/pengguna/cari`)
        .set(auth(tok.satker))
        .send({ nik: `${user.nik.slice(0, 15)}\u0000` }),
    );
  });

  it('in a path parameter, as %00 and as an encoded surrogate', async () => {
    await expectInvalidText(() => t.http.get(`/api/v1/satkers/${w.satker.code}%00/pengguna`).set(auth(tok.satker)));
    await expectInvalidText(() =>
      rawRequest(t.url, `GET /api/v1/satkers/%ED%A0%80/pengguna HTTP/1.1`, undefined, { headers: auth(tok.satker) }),
    );
  });

  it('in the query string', async () => {
    await expectInvalidText(() => t.http.get('/api/v1/tickets?service=PERTANYAAN%00').set(auth(tok.satker)));
    await expectInvalidText(() => t.http.get('/api/v1/tickets?service=%FF%FE').set(auth(tok.satker)));
  });

  it('in a multipart field, raw or escaped inside its JSON', async () => {
    await expectInvalidText(() => fileRegistration(t, tok.satker, [{ ...user, nama: 'Nama\u0000Palsu' }]));
    await expectInvalidText(() =>
      t.http
        .post('/api/v1/tickets')
        .set(auth(tok.satker))
        .field('service', 'PERTANYAAN\u0000')
        .field('form', JSON.stringify({ perihal: 'a', uraian: 'b' })),
    );
  });

  it('in a portal form, as an Indonesian error page', async () => {
    const agent = await portalLogin(t, w.satkerUser);
    const page = await agent.get('/ajukan/PERTANYAAN');
    const before = await footprint(t, w.satker.id, [user.nik]);
    const res = await agent
      .post('/ajukan/PERTANYAAN')
      .type('form')
      .send(`_csrf=${encodeURIComponent(csrfOf(page.text))}&perihal=Tanya%00&uraian=Isi`);
    expect(res.status).toBe(400);
    expect(res.text).toContain('INVALID_TEXT');
    expect(res.text).toContain('karakter yang tidak sah');
    expect(await footprint(t, w.satker.id, [user.nik])).toEqual(before);
  });

  it('at the portal login', async () => {
    const agent = supertest.agent(t.url);
    const form = await agent.get('/masuk');
    const res = await agent
      .post('/masuk')
      .type('form')
      .send(`_csrf=${encodeURIComponent(csrfOf(form.text))}&nik=%ED%A0%80&password=x`);
    expect(res.status).toBe(400);
    expect(res.text).toContain('INVALID_TEXT');
  });

  it('still accepts real Indonesian and other Unicode text', async () => {
    const res = await t.http
      .post('/api/v1/tickets')
      .set(auth(tok.satker))
      .send({ service: 'PERTANYAAN', form: { perihal: 'Café – “SP2D” 😀', uraian: 'Ibu Siti Nur’aini' } });
    expect(res.status).toBe(201);
  });
});
