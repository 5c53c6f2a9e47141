import type { TestApp } from './support/app';
import { claimedRegistration, footprint, newUser, sendEvent, startSuite, type Suite } from './support/api';
import { addMembership, createPerson, type World } from './support/world';

// SELESAI and the memberships it stands for happen together or not at all.
describe('completion applies its outcome all-or-nothing', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];

  beforeAll(async () => ({ t, w, tok } = await startSuite()));
  afterAll(() => t.close());

  async function expectNothingApplied(users: ReturnType<typeof newUser>[], reason: string, index: number) {
    const ticket = await claimedRegistration(t, tok.satker, tok.cso, users);
    const niks = users.map((u) => u.nik);
    const before = await footprint(t, w.satker.id, niks);
    const res = await sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'COMPLETE' });
    expect([res.status, res.body.error.code]).toEqual([422, 'OUTCOME_FAILED']);
    expect(res.body.error.details).toMatchObject({ index, nama: users[index].nama, reason });
    expect(res.body.error.message).toContain(`Pengguna ke-${index + 1} (${users[index].nama})`);
    expect(res.body.error.details.nik).toMatch(/^\d{4}\*{8}\d{4}$/);
    expect(await footprint(t, w.satker.id, niks)).toEqual(before);
    const again = await t.http.get(`/api/v1/tickets/${ticket.id}`).set('Authorization', `Bearer ${tok.cso}`);
    expect(again.body).toMatchObject({ status: 'DIPROSES', version: ticket.version });
  }

  it('creates nobody when the second person is already an active member', async () => {
    const active = await createPerson(t.db, 'Sudah Aktif');
    await addMembership(t.db, active.id, w.satker.id, 2);
    await expectNothingApplied(
      [newUser('Orang Baru Pertama'), newUser('Sudah Aktif', active.nik)],
      'MEMBERSHIP_EXISTS',
      1,
    );
  });

  it('creates nobody when a NIK belongs to a DIGIT identity of another name', async () => {
    const someone = await createPerson(t.db, 'Nama Asli Sekali');
    await expectNothingApplied(
      [newUser('Orang Baru Kedua'), newUser('Orang Baru Ketiga'), newUser('Nama Palsu', someone.nik)],
      'NAME_MISMATCH',
      2,
    );
  });

  it('keeps an existing identity and treats name case and spacing as the same person', async () => {
    const known = await createPerson(t.db, 'Siti  Aminah');
    const ticket = await claimedRegistration(t, tok.satker, tok.cso, [newUser('SITI AMINAH', known.nik)]);
    const res = await sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'COMPLETE' });
    expect(res.status).toBe(200);
    const [row] = await t.db.query(`SELECT count(*)::int AS n FROM activation_tokens WHERE person_id = $1`, [known.id]);
    expect(row.n).toBe(0);
  });

  it('replaces earlier refused rows of the person for that satker', async () => {
    const refused = await createPerson(t.db, 'Pernah Ditolak');
    await addMembership(t.db, refused.id, w.satker.id, 5);
    await addMembership(t.db, refused.id, w.satker.id, 0);
    const ticket = await claimedRegistration(t, tok.satker, tok.cso, [newUser('Pernah Ditolak', refused.nik)]);
    expect((await sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'COMPLETE' })).status).toBe(200);
    const rows = await t.db.query(
      `SELECT status FROM myintress_memberships WHERE person_id = $1 AND deleted_at IS NULL ORDER BY created_at`,
      [refused.id],
    );
    expect(rows.map((r: { status: number }) => r.status)).toEqual([0, 2]);
  });
});
