import supertest from 'supertest';
import { loadConfig } from '@loket/common';
import { HousekeepingJob } from '../apps/worker/src/housekeeping.job';
import { JobTracker } from '../apps/worker/src/job-tracker';
import { startTestApp, type TestApp } from './support/app';
import { csrfOf } from './support/portal';
import { createPerson, createWorld, PASSWORD, randomNik, type Person } from './support/world';

// Behind the proxy of TRUSTED_PROXIES (here loopback), X-Forwarded-For is the client: each test
// speaks from addresses of its own, so no test's failures touch another's.
describe('login throttling cannot be turned against someone else', () => {
  let t: TestApp;
  let untrusted: TestApp;
  let net = 0;
  const address = () => `198.51.100.${++net}`;

  beforeAll(async () => {
    [t, untrusted] = await Promise.all([startTestApp({ env: { TRUSTED_PROXIES: 'loopback' } }), startTestApp()]);
  });
  afterAll(() => Promise.all([t.close(), untrusted.close()]));

  const login = (app: TestApp, nik: string, password: string, from: string) =>
    app.http.post('/api/v1/auth/login').set('X-Forwarded-For', from).send({ nik, password });

  async function fail(person: Person | string, from: string, times: number) {
    const nik = typeof person === 'string' ? person : person.nik;
    for (let i = 0; i < times; i++) expect((await login(t, nik, 'SalahSekali123', from)).status).toBe(401);
  }

  function expectRetryAfter(
    res: { status: number; headers: Record<string, string>; body: any },
    atLeast: number,
    atMost: number,
  ) {
    expect([res.status, res.body.error?.code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    const seconds = Number(res.headers['retry-after']);
    expect(seconds).toBeGreaterThanOrEqual(atLeast);
    expect(seconds).toBeLessThanOrEqual(atMost);
    expect(res.body.error.details.retryAfterSeconds).toBe(seconds);
  }

  it('locks only the address that failed: the owner signs in from another address', async () => {
    const person = await createPerson(t.db, 'Pemilik Akun');
    const attacker = address();
    await fail(person, attacker, 5);
    expectRetryAfter(await login(t, person.nik, PASSWORD, attacker), 800, 900);
    expect((await login(t, person.nik, PASSWORD, address())).status).toBe(200);
    // The owner's success does not free the attacker's address.
    expectRetryAfter(await login(t, person.nik, 'SalahSekali123', attacker), 800, 900);
  });

  it('stops one address guessing across many NIKs, and only that address', async () => {
    const sprayer = address();
    for (let i = 0; i < 100; i++) expect((await login(t, randomNik(), 'SalahSekali123', sprayer)).status).toBe(401);
    const person = await createPerson(t.db, 'Korban Semprotan');
    expectRetryAfter(await login(t, person.nik, PASSWORD, sprayer), 1, 900);
    expect((await login(t, person.nik, PASSWORD, address())).status).toBe(200);
  });

  it('backs off the addresses guessing one NIK with growing waits, while the owner still signs in', async () => {
    const person = await createPerson(t.db, 'Sasaran Botnet');
    // Ten failures from ten addresses: no single address reaches its own limit.
    for (let i = 0; i < 10; i++) await fail(person, address(), 1);
    const bots = [address(), address(), address()];
    await fail(person, bots[0], 1);
    expectRetryAfter(await login(t, person.nik, 'SalahSekali123', bots[0]), 1, 2);
    await fail(person, bots[1], 1);
    expectRetryAfter(await login(t, person.nik, 'SalahSekali123', bots[1]), 3, 4);
    await fail(person, bots[2], 1);
    expectRetryAfter(await login(t, person.nik, 'SalahSekali123', bots[2]), 7, 8);
    expect((await login(t, person.nik, PASSWORD, address())).status).toBe(200);
    // A success starts the NIK's count over: the next failure elsewhere waits nothing.
    const later = address();
    await fail(person, later, 1);
    expect((await login(t, person.nik, PASSWORD, later)).status).toBe(200);
  });

  it('ignores X-Forwarded-For from a client that is not a trusted proxy', async () => {
    const person = await createPerson(untrusted.db, 'Tanpa Proksi');
    for (let i = 0; i < 5; i++)
      expect((await login(untrusted, person.nik, 'SalahSekali123', address())).status).toBe(401);
    // A made-up header does not buy a fresh address: all five came from the same socket address.
    expectRetryAfter(await login(untrusted, person.nik, PASSWORD, address()), 800, 900);
  });

  it('answers the portal login with 429, Retry-After and the wait in words', async () => {
    const person = (await createWorld(t.db)).satkerUser;
    const attacker = address();
    await fail(person, attacker, 5);
    const agent = supertest.agent(t.url);
    const form = await agent.get('/masuk');
    const res = await agent
      .post('/masuk')
      .set('X-Forwarded-For', attacker)
      .type('form')
      .send({ _csrf: csrfOf(form.text), nik: person.nik, password: PASSWORD, lanjut: '/' });
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(800);
    expect(res.text).toMatch(/Coba lagi dalam 15 menit\./);
    const owner = supertest.agent(t.url);
    const ownerForm = await owner.get('/masuk');
    const ok = await owner
      .post('/masuk')
      .set('X-Forwarded-For', address())
      .type('form')
      .send({ _csrf: csrfOf(ownerForm.text), nik: person.nik, password: PASSWORD, lanjut: '/' });
    expect(ok.status).toBe(303);
  });

  it('lets housekeeping remove counters whose window has passed, keeping locks and current ones', async () => {
    await t.db.query(`INSERT INTO login_throttle (key, failures, window_started_at, locked_until) VALUES
      ('uji-lama', 3, now() - interval '2 days', NULL), ('uji-terkunci', 9, now() - interval '2 days', now() + interval '5 minutes'),
      ('uji-baru', 1, now(), NULL)`);
    const removed = await new HousekeepingJob(t.db, new JobTracker(t.config)).run();
    expect(removed!.throttles).toBeGreaterThanOrEqual(1);
    const left = await t.db.query(`SELECT key FROM login_throttle WHERE key LIKE 'uji-%' ORDER BY key`);
    expect(left.map((r: { key: string }) => r.key)).toEqual(['uji-baru', 'uji-terkunci']);
  });

  it('refuses a TRUSTED_PROXIES entry that is not an address or range', () => {
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, proxy.internal' })).toThrow(
      /TRUSTED_PROXIES.*proxy\.internal/,
    );
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES/);
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, ::1, loopback' }).trustedProxies).toEqual([
      '10.0.0.0/8',
      '::1',
      'loopback',
    ]);
  });
});
