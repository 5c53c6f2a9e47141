import supertest from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { startSuite } from '../support/api';
import { csrfOf, portalLogin, setCookieOf } from '../support/portal';
import type { World } from '../support/world';

// The portal's session, CSRF and header rules, over plain HTTP (the browser journeys are in test/browser).
describe('portal: session cookie, CSRF, headers, scope', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => ({ t, w } = await startSuite()));
  afterAll(() => t.close());

  it('serves the login page with the security headers and a pre-session cookie', async () => {
    const res = await supertest(t.url).get('/masuk');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
    );
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'cache-control': 'no-store',
    });
    expect(res.headers['referrer-policy']).toBeDefined();
    expect(setCookieOf(res, 'loket_pra')).toMatch(/; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(res.text).toContain('<html lang="id">');
    expect(res.text).not.toMatch(/<script>|<style>|style="/);
  });

  it('signs in through the form and sets an httpOnly, SameSite session cookie', async () => {
    const agent = supertest.agent(t.url);
    const form = await agent.get('/masuk');
    const res = await agent
      .post('/masuk')
      .type('form')
      .send({ _csrf: csrfOf(form.text), nik: w.satkerUser.nik, password: 'RahasiaUji123', lanjut: '/' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(setCookieOf(res, 'loket_sesi')).toMatch(
      /^loket_sesi=[A-Za-z0-9_-]{40,}; Max-Age=43200; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/,
    );
    const home = await agent.get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('Operator Satker Satu');
  });

  it('marks the cookie Secure when PUBLIC_URL is https', async () => {
    const secure = await startTestApp({ env: { PUBLIC_URL: 'https://loket.contoh.go.id' } });
    try {
      const res = await supertest(secure.url).get('/masuk');
      expect(setCookieOf(res, 'loket_pra')).toMatch(/; Secure; SameSite=Lax$/);
    } finally {
      await secure.close();
    }
  });

  it('refuses a login or any POST without the right CSRF token, with a page and nothing changed', async () => {
    const agent = supertest.agent(t.url);
    await agent.get('/masuk');
    for (const token of [undefined, 'salah', csrfOf((await supertest(t.url).get('/masuk')).text)]) {
      const res = await agent
        .post('/masuk')
        .type('form')
        .send({ _csrf: token, nik: w.satkerUser.nik, password: 'RahasiaUji123' });
      expect(res.status).toBe(403);
      expect(res.text).toContain('Kode galat: CSRF_INVALID');
      expect(setCookieOf(res, 'loket_sesi')).toBeUndefined();
    }
    const signedIn = await portalLogin(t, w.satkerUser);
    const before = await t.db.query(
      `SELECT count(*)::int AS n FROM sessions WHERE person_id = $1 AND revoked_at IS NULL`,
      [w.satkerUser.id],
    );
    const logout = await signedIn.post('/keluar').type('form').send({ _csrf: 'bukan-token' });
    expect(logout.status).toBe(403);
    expect(logout.text).toContain('Formulir ini sudah tidak berlaku');
    const after = await t.db.query(
      `SELECT count(*)::int AS n FROM sessions WHERE person_id = $1 AND revoked_at IS NULL`,
      [w.satkerUser.id],
    );
    expect(after).toEqual(before);
    // A multipart POST to a page that takes no files is refused before anything is read.
    const multipart = await signedIn.post('/keluar').field('_csrf', 'x');
    expect(multipart.status).toBe(403);
  });

  it('accepts the session cookie only on portal routes, never on the API', async () => {
    const agent = await portalLogin(t, w.satkerUser);
    const api = await agent.get('/api/v1/me');
    expect(api.status).toBe(401);
    expect(api.headers['content-type']).toMatch(/application\/json/);
    expect(api.body.error.code).toBe('UNAUTHENTICATED');
    // And the API keeps refusing urlencoded bodies (a cross-site form cannot reach it either).
    const form = await agent
      .post('/api/v1/auth/login')
      .type('form')
      .send({ nik: w.satkerUser.nik, password: 'RahasiaUji123' });
    expect(form.status).toBe(400);
  });

  it('sends a visitor without a session to the login page and back', async () => {
    const res = await supertest(t.url).get('/?tab=1');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/masuk?lanjut=%2F%3Ftab%3D1');
  });

  it('answers unknown pages with an Indonesian 404 page and unknown API paths with JSON', async () => {
    const page = await supertest(t.url).get('/tidak-ada');
    expect(page.status).toBe(404);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('Halaman tidak ditemukan');
    const api = await supertest(t.url).get('/api/v1/tidak-ada');
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('NOT_FOUND');
  });

  it('serves the stylesheet and script under hashed names with a long cache and no cookie', async () => {
    const page = await supertest(t.url).get('/masuk');
    const css = /href="(\/aset\/portal\.[0-9a-f]{10}\.css)"/.exec(page.text)![1];
    const js = /src="(\/aset\/portal\.[0-9a-f]{10}\.js)"/.exec(page.text)![1];
    for (const url of [css, js]) {
      const res = await supertest(t.url).get(url);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect((await supertest(t.url).get('/aset/portal.0000000000.css')).status).toBe(404);
  });
});
