import { auth, footprint, login, startSuite, type Suite } from './support/api';
import type { TestApp } from './support/app';
import { csrfOf, portalLogin } from './support/portal';
import { addMembership, createPerson, type World } from './support/world';

/** A satker user may not switch herself off, nor leave her satker without an active user. */
describe('guard rails on deactivation', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];

  beforeAll(async () => ({ t, w, tok } = await startSuite()));
  afterAll(() => t.close());

  const membershipOf = async (personId: string, satkerId: string) =>
    (
      await t.db.query(`SELECT id FROM myintress_memberships WHERE person_id = $1 AND satker_id = $2`, [
        personId,
        satkerId,
      ])
    )[0].id as string;
  const statusOf = async (id: string) =>
    (await t.db.query(`SELECT status FROM myintress_memberships WHERE id = $1`, [id]))[0].status;
  const deactivate = (token: string, id: string) =>
    t.http
      .post(`/api/v1/satkers/${w.satker.code}/pengguna/${id}/nonaktifkan`)
      .set(auth(token))
      .send({ alasan: 'Mutasi pegawai' });

  it('API: the only active user of a satker cannot be switched off, nothing changes', async () => {
    const own = await membershipOf(w.satkerUser.id, w.satker.id);
    const before = await footprint(t, w.satker.id);
    const res = await deactivate(tok.satker, own);
    expect([res.status, res.body.error.code]).toEqual([422, 'LAST_ACTIVE_USER']);
    expect(res.body.error.message).toContain('satu-satunya pengguna aktif');
    expect(await footprint(t, w.satker.id)).toEqual(before);
    expect(await statusOf(own)).toBe(2);
  });

  it('API and portal: a user cannot deactivate herself even when others are active; another user can', async () => {
    const colleague = await createPerson(t.db, 'Rekan Kerja');
    const colleagueMembership = await addMembership(t.db, colleague.id, w.satker.id, 2);
    const own = await membershipOf(w.satkerUser.id, w.satker.id);
    const before = await footprint(t, w.satker.id);
    const res = await deactivate(tok.satker, own);
    expect([res.status, res.body.error.code]).toEqual([422, 'CANNOT_DEACTIVATE_SELF']);
    expect(res.body.error.message).toBe(
      'Anda tidak dapat menonaktifkan akun Anda sendiri. Minta pengguna aktif lain di satker Anda untuk melakukannya.',
    );

    const satker = await portalLogin(t, w.satkerUser);
    const list = await satker.get('/pengguna');
    expect(list.text).not.toContain(`href="/pengguna/${own}/nonaktifkan"`);
    expect(list.text).toContain(`href="/pengguna/${colleagueMembership}/nonaktifkan"`);
    const page = await satker.get(`/pengguna/${own}/nonaktifkan`);
    expect(page.text).toContain('Anda tidak dapat menonaktifkan akun Anda sendiri');
    expect(page.text).not.toContain('Nonaktifkan pengguna</button>');
    // A hand-made form post is refused the same way, with the words first and the code in small print.
    const posted = await satker
      .post(`/pengguna/${own}/nonaktifkan`)
      .type('form')
      .send({ _csrf: csrfOf(list.text), alasan: 'Keluar' });
    expect(posted.status).toBe(422);
    expect(posted.text).toContain('Anda tidak dapat menonaktifkan akun Anda sendiri');
    expect(posted.text).toContain('Kode galat: CANNOT_DEACTIVATE_SELF');
    expect(await footprint(t, w.satker.id)).toEqual(before);
    expect(await statusOf(own)).toBe(2);

    // The colleague switches the first user off: allowed, one active user remains.
    const colleagueToken = await login(t, colleague);
    expect((await deactivate(colleagueToken, own)).status).toBe(200);
    expect(await statusOf(own)).toBe(0);
    expect(await statusOf(colleagueMembership)).toBe(2);
  });
});
