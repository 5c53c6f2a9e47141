import { Writable } from 'node:stream';
import { createLogger } from '@loket/common';
import { auth, fileRegistration, login, newUser } from './support/api';
import { startTestApp, type TestApp } from './support/app';
import { portalLogin } from './support/portal';
import { createWorld, PASSWORD, type World } from './support/world';

/** Every line the app logs, as written (JSON, one record per line). */
class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
  records(): Array<Record<string, unknown>> {
    return this.text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
  }
}

describe('operable logs', () => {
  let t: TestApp;
  let w: World;
  const out = new Capture();

  beforeAll(async () => {
    t = await startTestApp({ log: createLogger({ format: 'json', level: 'debug', destination: out }) });
    w = await createWorld(t.db);
  });
  afterAll(() => t.close());

  it('a login and a filing leave one JSON access line each with the request id, and no NIK, password or token', async () => {
    const token = await login(t, w.satkerUser);
    const other = newUser('Nur Aisyah Putri');
    const filed = await fileRegistration(t, token, [other]).set('Idempotency-Key', 'log-test-filing-1');
    expect(filed.status).toBe(201);
    const viewed = await t.http.get(`/api/v1/tickets/${filed.body.id}?nik=${w.satkerUser.nik}`).set(auth(token));
    expect(viewed.status).toBe(200);
    const agent = await portalLogin(t, w.cso);
    expect((await agent.get('/antrian')).status).toBe(200);

    const records = out.records();
    const access = records.filter((r) => r.msg === 'request');
    const lineOf = (requestId: string) => access.find((r) => r.requestId === requestId);
    const filing = lineOf(filed.headers['x-request-id']);
    expect(filing).toMatchObject({
      level: 'info',
      method: 'POST',
      route: '/api/v1/tickets',
      status: 201,
      actorId: w.satkerUser.id,
    });
    expect(typeof filing!.ms).toBe('number');
    // The route pattern, never the id or the query string.
    expect(lineOf(viewed.headers['x-request-id'])).toMatchObject({ route: '/api/v1/tickets/:id', status: 200 });
    expect(access.some((r) => r.route === '/api/v1/auth/login' && r.status === 200)).toBe(true);
    expect(access.some((r) => r.route === '/antrian' && r.actorId === w.cso.id)).toBe(true);

    for (const secret of [w.satkerUser.nik, other.nik, w.cso.nik, PASSWORD, token]) {
      expect(out.text).not.toContain(secret);
    }
  });

  it('Nest start-up chatter (mapped routes) is at debug level, not info', () => {
    const mapped = out.records().filter((r) => r.context === 'RouterExplorer');
    expect(mapped.length).toBeGreaterThan(20);
    expect(mapped.every((r) => r.level === 'debug')).toBe(true);
  });
});
