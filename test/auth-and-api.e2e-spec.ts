import { HousekeepingJob } from '../apps/worker/src/housekeeping.job';
import { JobTracker } from '../apps/worker/src/job-tracker';
import type { TestApp } from './support/app';
import { auth, footprint, startSuite, type Suite } from './support/api';
import { addMembership, createPerson, type World } from './support/world';

describe('login, sessions and the API surface', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];

  beforeAll(async () => ({ t, w, tok } = await startSuite()));
  afterAll(() => t.close());

  it('does not reveal whether a NIK exists when a login fails', async () => {
    const wrongPassword = await t.http
      .post('/api/v1/auth/login')
      .send({ nik: w.satkerUser.nik, password: 'salah-sekali-1' });
    const unknownNik = await t.http
      .post('/api/v1/auth/login')
      .send({ nik: '7571010101010001', password: 'salah-sekali-1' });
    const notActivated = await createPerson(t.db, 'Belum Aktivasi', { password: false });
    const noPassword = await t.http
      .post('/api/v1/auth/login')
      .send({ nik: notActivated.nik, password: 'salah-sekali-1' });
    for (const res of [wrongPassword, unknownNik, noPassword]) {
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'NIK atau kata sandi salah.' });
    }
  });

  it('refuses requests without a valid session and ends a session at logout', async () => {
    const none = await t.http.get('/api/v1/tickets');
    expect([none.status, none.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    const forged = await t.http.get('/api/v1/me').set(auth('x'.repeat(43)));
    expect(forged.status).toBe(401);
    const login = await t.http.post('/api/v1/auth/login').send({ nik: w.cso.nik, password: 'RahasiaUji123' });
    const me = await t.http.get('/api/v1/me').set(auth(login.body.token));
    expect(me.body).toMatchObject({
      name: 'CSO Pertama',
      satkers: [],
      staffRoles: [{ role: 'CSO', officeKind: 'KPPN' }],
    });
    expect((await t.http.post('/api/v1/auth/logout').set(auth(login.body.token))).status).toBe(204);
    expect((await t.http.get('/api/v1/me').set(auth(login.body.token))).status).toBe(401);
  });

  it('publishes health, the service catalogue and the OpenAPI document', async () => {
    expect((await t.http.get('/api/v1/health')).body).toMatchObject({ status: 'ok' });
    expect((await t.http.get('/api/v1/ready')).body).toMatchObject({ status: 'ok', database: 'ok', migrations: 'ok' });
    const services = await t.http.get('/api/v1/services').set(auth(tok.satker));
    const reg = services.body.find((s: { code: string }) => s.code === 'MYINTRESS_DAFTAR_KPPN');
    expect(reg).toMatchObject({
      canFile: true,
      attachments: [
        { kind: 'SK_PENUNJUKAN', required: true },
        { kind: 'FORMULIR_PENDAFTARAN', required: true },
      ],
    });
    expect(reg.form[0]).toMatchObject({ name: 'pengguna', kind: 'list' });
    const anonymous = await t.http.get('/api/v1/services');
    expect(anonymous.body.every((s: { canFile: boolean }) => !s.canFile)).toBe(true);
    const doc = await t.http.get('/api/docs/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/tickets',
        '/api/v1/tickets/{id}',
        '/api/v1/tickets/{id}/events',
        '/api/v1/tickets/{id}/messages',
        '/api/v1/tickets/{id}/attachments/{attachmentId}',
        '/api/v1/health',
        '/api/v1/ready',
      ]),
    );
    expect((await t.http.get('/api/docs')).status).toBe(200);
  });

  it('is not ready while a migration is pending, and says which', async () => {
    const [last] = await t.db.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`);
    await t.db.query(`DELETE FROM migrations WHERE name = $1`, [last.name]);
    try {
      const res = await t.http.get('/api/v1/ready');
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ code: 'MIGRATIONS_PENDING', details: { pending: [last.name] } });
      expect((await t.http.get('/api/v1/health')).status).toBe(200);
    } finally {
      await t.db.query(`INSERT INTO migrations (timestamp, name) VALUES ($1, $2)`, [
        Number(last.name.slice(-13)),
        last.name,
      ]);
    }
  });

  it('asks a person in several satkers which one to file for, and refuses a satker that is not theirs', async () => {
    const person = await createPerson(t.db, 'Dua Satker');
    await addMembership(t.db, person.id, w.satker.id);
    await addMembership(t.db, person.id, w.otherSatker.id);
    const pending = await createPerson(t.db, 'Masih Menunggu');
    await addMembership(t.db, pending.id, w.satker.id, 1);
    const [token, pendingToken] = await Promise.all(
      [person, pending].map(
        async (p) =>
          (await t.http.post('/api/v1/auth/login').send({ nik: p.nik, password: 'RahasiaUji123' })).body.token,
      ),
    );
    const body = { service: 'PERTANYAAN', form: { perihal: 'Jadwal', uraian: 'Kapan rekon?' } };
    const before = await footprint(t, w.satker.id);
    const which = await t.http.post('/api/v1/tickets').set(auth(token)).send(body);
    expect([which.status, which.body.error.code]).toEqual([400, 'SATKER_REQUIRED']);
    const foreign = await t.http
      .post('/api/v1/tickets')
      .set(auth(tok.satker))
      .set('X-Satker', w.otherSatker.code)
      .send(body);
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'SATKER_NOT_ALLOWED']);
    const cso = await t.http.post('/api/v1/tickets').set(auth(tok.cso)).send(body);
    expect([cso.status, cso.body.error.code]).toEqual([403, 'NOT_A_SATKER_USER']);
    const notActive = await t.http.post('/api/v1/tickets').set(auth(pendingToken)).send(body);
    expect([notActive.status, notActive.body.error.code]).toEqual([403, 'NOT_A_SATKER_USER']);
    const unknown = await t.http
      .post('/api/v1/tickets')
      .set(auth(tok.satker))
      .send({ ...body, service: 'TIDAK_ADA' });
    expect([unknown.status, unknown.body.error.code]).toEqual([422, 'UNKNOWN_SERVICE']);
    expect(await footprint(t, w.satker.id)).toEqual(before);
    const chosen = await t.http.post('/api/v1/tickets').set(auth(token)).set('X-Satker', w.otherSatker.code).send(body);
    expect([chosen.status, chosen.body.satker.code]).toEqual([201, w.otherSatker.code]);
  });

  it("lists a person's tickets of all their satkers newest first, page by page", async () => {
    const person = await createPerson(t.db, 'Dua Satker Daftar');
    await addMembership(t.db, person.id, w.satker.id);
    await addMembership(t.db, person.id, w.otherSatker.id);
    const token = (await t.http.post('/api/v1/auth/login').send({ nik: person.nik, password: 'RahasiaUji123' })).body
      .token;
    const filed: string[] = [];
    for (const [i, code] of [
      w.satker.code,
      w.otherSatker.code,
      w.otherSatker.code,
      w.satker.code,
      w.otherSatker.code,
    ].entries()) {
      const res = await t.http
        .post('/api/v1/tickets')
        .set(auth(token))
        .set('X-Satker', code)
        .send({ service: 'PERTANYAAN', form: { perihal: `Daftar ${i}`, uraian: 'Urutan' } });
      expect(res.status).toBe(201);
      filed.push(res.body.id);
    }
    // Every ticket of both satkers, the person's own and those filed by others there, newest first.
    const rows: Array<{ id: string }> = await t.db.query(
      `SELECT id FROM tickets WHERE satker_id = ANY($1::uuid[]) ORDER BY created_at DESC, id DESC`,
      [[w.satker.id, w.otherSatker.id]],
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: Array<{ id: string }>; nextCursor: string | null } } = await t.http
        .get(`/api/v1/tickets?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
        .set(auth(token));
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((i) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(rows.map((r) => r.id));
    expect(seen).toEqual(expect.arrayContaining(filed));
  });
});

describe('housekeeping job', () => {
  it('removes sessions a day past expiry and day-old idempotency keys, and nothing newer', async () => {
    const { t, w } = await startSuite();
    try {
      await t.db.query(
        `INSERT INTO sessions (person_id, token_hash, expires_at) VALUES ($1, 'old-' || gen_random_uuid(), now() - interval '2 days'),
        ($1, 'new-' || gen_random_uuid(), now() + interval '1 hour')`,
        [w.cso.id],
      );
      await t.db.query(
        `INSERT INTO idempotency_keys (person_id, key, request_hash, created_at) VALUES ($1, 'old-key-123', repeat('a', 64), now() - interval '25 hours'),
        ($1, 'new-key-123', repeat('b', 64), now())`,
        [w.cso.id],
      );
      const removed = await new HousekeepingJob(t.db, new JobTracker(t.config)).run();
      expect(removed!.sessions).toBeGreaterThanOrEqual(1);
      const left = await t.db.query(`SELECT key FROM idempotency_keys WHERE person_id = $1 ORDER BY key`, [w.cso.id]);
      expect(left).toEqual([{ key: 'new-key-123' }]);
      const [sessions] = await t.db.query(
        `SELECT count(*)::int AS n FROM sessions WHERE person_id = $1 AND expires_at > now()`,
        [w.cso.id],
      );
      expect(sessions.n).toBeGreaterThanOrEqual(1);
    } finally {
      await t.close();
    }
  });
});
