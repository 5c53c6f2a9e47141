import supertest from 'supertest';
import { newSecret, sha256Hex } from '@loket/auth';
import { startTestApp, type TestApp } from '../support/app';
import { csrfOf, portalLogin, setCookieOf } from '../support/portal';
import { addMembership, createPerson, createWorld, PASSWORD, type Person, type World } from '../support/world';

async function postLogin(t: TestApp, nik: string, password: string) {
  const agent = supertest.agent(t.url);
  const form = await agent.get('/masuk');
  return agent
    .post('/masuk')
    .type('form')
    .send({ _csrf: csrfOf(form.text), nik, password });
}

/** An identity with no password yet, a pending membership (a link lives only while its account does) and a live activation link for it. */
async function pendingActivation(
  t: TestApp,
  satkerId: string,
  name: string,
  expiresInHours = 48,
): Promise<{ person: Person; token: string }> {
  const person = await createPerson(t.db, name, { password: false });
  await addMembership(t.db, person.id, satkerId, 1);
  const token = newSecret();
  await t.db.query(
    `INSERT INTO activation_tokens (person_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3))`,
    [person.id, sha256Hex(token), expiresInHours],
  );
  return { person, token };
}

describe('portal: login, activation, choosing a satker, logout', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t.db);
  });
  afterAll(() => t.close());

  it('says why a login is refused, in Indonesian, and sets no session', async () => {
    const wrong = await postLogin(t, w.satkerUser.nik, 'bukan-sandinya');
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('NIK atau kata sandi salah.');
    expect(wrong.text).toContain(`value="${w.satkerUser.nik}"`);
    // An unknown NIK reads the same as a wrong password: the page tells no one which NIKs exist.
    const unknown = await postLogin(t, '7571010101990009', PASSWORD);
    expect(unknown.status).toBe(401);
    expect(unknown.text).toContain('Kode galat: INVALID_CREDENTIALS');
    const malformed = await postLogin(t, '12345', PASSWORD);
    expect(malformed.status).toBe(400);
    expect(malformed.text).toContain('NIK harus 16 digit angka.');
    for (const res of [wrong, unknown, malformed]) expect(setCookieOf(res, 'loket_sesi')).toBeUndefined();
  });

  it('locks a NIK after repeated failures and says for how long', async () => {
    const person = await createPerson(t.db, 'Pengguna Lupa Sandi');
    for (let i = 0; i < 5; i += 1) expect((await postLogin(t, person.nik, 'salah-terus-1')).status).toBe(401);
    const locked = await postLogin(t, person.nik, PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.text).toMatch(/Terlalu banyak percobaan masuk yang gagal\. Coba lagi dalam \d+ menit\./);
  });

  it('refuses a person whose only membership is dormant, with the reason, and ends that session', async () => {
    const person = await createPerson(t.db, 'Pengguna Lama');
    await addMembership(t.db, person.id, w.satker.id, 3);
    const res = await postLogin(t, person.nik, PASSWORD);
    expect(res.status).toBe(403);
    expect(res.text).toContain(`Keanggotaan Anda pada satker ${w.satker.code} berstatus Dormant`);
    expect(setCookieOf(res, 'loket_sesi')).toBeUndefined();
    const [{ live }] = await t.db.query(
      `SELECT count(*)::int AS live FROM sessions WHERE person_id = $1 AND revoked_at IS NULL`,
      [person.id],
    );
    expect(live).toBe(0);
  });

  it('lets a person of two satkers choose one, and files and lists for that one only', async () => {
    const person = await createPerson(t.db, 'Operator Dua Satker');
    await addMembership(t.db, person.id, w.satker.id);
    await addMembership(t.db, person.id, w.otherSatker.id);
    const agent = supertest.agent(t.url);
    const form = await agent.get('/masuk');
    const login = await agent
      .post('/masuk')
      .type('form')
      .send({ _csrf: csrfOf(form.text), nik: person.nik, password: PASSWORD, lanjut: '/' });
    expect(login.headers.location).toBe('/pilih-satker?lanjut=%2F');
    const choose = await agent.get('/pilih-satker?lanjut=%2F');
    expect(choose.text).toContain(w.satker.name);
    expect(choose.text).toContain(w.otherSatker.name);
    const refused = await agent
      .post('/pilih-satker')
      .type('form')
      .send({ _csrf: csrfOf(choose.text), satker: '999999' });
    expect(refused.status).toBe(403);
    const chosen = await agent
      .post('/pilih-satker')
      .type('form')
      .send({ _csrf: csrfOf(choose.text), satker: w.otherSatker.code, lanjut: '/' });
    expect(chosen.status).toBe(303);
    expect(setCookieOf(chosen, 'loket_satker')).toMatch(/HttpOnly; SameSite=Lax$/);
    const home = await agent.get('/');
    expect(home.text).toContain(w.otherSatker.name);
    expect(home.text).toContain('Ganti satker');
  });

  it('sets the first password through the activation link, then the person logs in', async () => {
    const { person, token } = await pendingActivation(t, w.otherSatker.id, 'Nur Aktivasi');
    const agent = supertest.agent(t.url);
    const page = await agent.get(`/aktivasi?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Halo, Nur Aktivasi.');
    const csrf = csrfOf(page.text);
    const weak = await agent
      .post('/aktivasi')
      .type('form')
      .send({ _csrf: csrf, token, password: 'pendek', password2: 'pendek' });
    expect(weak.status).toBe(422);
    expect(weak.text).toContain('Kata sandi minimal 10 karakter dan memuat huruf serta angka.');
    const mismatch = await agent
      .post('/aktivasi')
      .type('form')
      .send({ _csrf: csrf, token, password: 'KataSandiBaru2026', password2: 'KataSandiLain2026' });
    expect(mismatch.status).toBe(422);
    expect(mismatch.text).toContain('Kedua kata sandi tidak sama.');
    const [{ hash }] = await t.db.query(`SELECT password_hash AS hash FROM persons WHERE id = $1`, [person.id]);
    expect(hash).toBeNull();
    const done = await agent
      .post('/aktivasi')
      .type('form')
      .send({ _csrf: csrf, token, password: 'KataSandiBaru2026', password2: 'KataSandiBaru2026' });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/masuk?aktivasi=berhasil');
    expect((await agent.get('/masuk?aktivasi=berhasil')).text).toContain('Kata sandi Anda sudah tersimpan.');
    const again = await agent.get(`/aktivasi?token=${token}`);
    expect(again.status).toBe(410);
    expect(again.text).toContain('Tautan aktivasi sudah pernah digunakan.');
    // Without an active membership anywhere the login says so; with one it goes through.
    const nowhere = await postLogin(t, person.nik, 'KataSandiBaru2026');
    expect(nowhere.status).toBe(403);
    expect(nowhere.text).toContain('Kode galat: NO_MEMBERSHIP');
    await addMembership(t.db, person.id, w.satker.id);
    expect((await postLogin(t, person.nik, 'KataSandiBaru2026')).status).toBe(303);
  });

  it('says when an activation link is unknown or expired', async () => {
    const unknown = await supertest(t.url).get(`/aktivasi?token=${newSecret()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('Tautan aktivasi tidak dikenal.');
    const { token } = await pendingActivation(t, w.satker.id, 'Tautan Basi', -1);
    const expired = await supertest(t.url).get(`/aktivasi?token=${token}`);
    expect(expired.status).toBe(410);
    expect(expired.text).toContain('Tautan aktivasi sudah kedaluwarsa.');
  });

  it('logs out: the session ends on the server and the cookie is cleared', async () => {
    const agent = await portalLogin(t, w.otherSatkerUser);
    const page = await agent.get('/');
    const res = await agent
      .post('/keluar')
      .type('form')
      .send({ _csrf: csrfOf(page.text) });
    expect(res.status).toBe(303);
    expect(setCookieOf(res, 'loket_sesi')).toMatch(/^loket_sesi=;/);
    const [{ live }] = await t.db.query(
      `SELECT count(*)::int AS live FROM sessions WHERE person_id = $1 AND revoked_at IS NULL`,
      [w.otherSatkerUser.id],
    );
    expect(live).toBe(0);
  });
});
