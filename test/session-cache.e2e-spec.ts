import { startTestApp, type TestApp } from './support/app';
import { auth, login } from './support/api';
import { createWorld, PASSWORD, type World } from './support/world';

/**
 * Each api process caches sessions; a change committed through any process (or any SQL writer)
 * reaches every other process's cache by NOTIFY before its next request is answered.
 */
describe('session cache across api processes', () => {
  let a: TestApp;
  let b: TestApp;
  let w: World;

  beforeAll(async () => {
    [a, b] = await Promise.all([startTestApp(), startTestApp()]);
    w = await createWorld(a.db);
  });
  afterAll(() => Promise.all([a.close(), b.close()]));

  const me = (t: TestApp, token: string) => t.http.get('/api/v1/me').set(auth(token));

  it('refuses on instance B a session logged out on instance A, at once', async () => {
    const token = await login(a, w.satkerUser);
    expect((await me(b, token)).status).toBe(200); // cached on B now
    expect((await me(b, token)).status).toBe(200);
    expect((await a.http.post('/api/v1/auth/logout').set(auth(token))).status).toBe(204);
    const res = await me(b, token);
    expect([res.status, res.body.error?.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('ends on instance B the other sessions of a person who changed their password on A', async () => {
    const [kept, other] = [await login(a, w.otherSatkerUser), await login(b, w.otherSatkerUser)];
    expect((await me(b, other)).status).toBe(200);
    const changed = await a.http
      .post('/api/v1/auth/password')
      .set(auth(kept))
      .send({ currentPassword: PASSWORD, newPassword: 'SandiBaru2026x' });
    expect(changed.status).toBe(204);
    expect((await me(b, other)).status).toBe(401);
    expect((await me(b, kept)).status).toBe(200);
  });

  it('takes away at once on B a staff role removed elsewhere, and a membership switched off', async () => {
    const [cso, satker] = [await login(b, w.cso2), await login(b, w.satkerUser)];
    expect((await me(b, cso)).body.staffRoles).toHaveLength(1);
    expect((await me(b, satker)).body.satkers).toHaveLength(1);
    await a.db.query(`DELETE FROM staff_roles WHERE person_id = $1`, [w.cso2.id]);
    await a.db.query(`UPDATE myintress_memberships SET status = 3 WHERE person_id = $1`, [w.satkerUser.id]);
    expect((await me(b, cso)).body.staffRoles).toEqual([]);
    const filed = await b.http
      .post('/api/v1/tickets')
      .set(auth(satker))
      .send({ service: 'PERTANYAAN', form: { perihal: 'a', uraian: 'b' } });
    expect([filed.status, filed.body.error?.code]).toEqual([403, 'NOT_A_SATKER_USER']);
  });
});
