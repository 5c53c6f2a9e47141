import type { TestApp } from './support/app';
import {
  auth,
  claimedRegistration,
  login,
  newUser,
  sendEvent,
  startSuite,
  tambahPengguna,
  type Suite,
} from './support/api';
import { makePdf } from './support/pdf';
import { addResident, createPerson, createPusintekAgent, PASSWORD, randomNik, type World } from './support/world';

/** Secrets die with their account: activation and reset links, and the sessions of a changed password. */
describe('links and sessions end with what they were for', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];

  beforeAll(async () => ({ t, w, tok } = await startSuite()));
  afterAll(() => t.close());

  /** The token of every activation e-mail sent to the NIK's person, oldest first. */
  const activationLinks = async (nik: string): Promise<string[]> =>
    (
      await t.db.query(
        `SELECT o.payload FROM outbox o JOIN persons p ON p.email = o.recipient WHERE p.nik = $1 AND o.topic = 'digit.activation' ORDER BY o.created_at`,
        [nik],
      )
    ).map((r: { payload: { activationUrl: string } }) => new URL(r.payload.activationUrl).searchParams.get('token')!);
  const activate = (token: string, password = 'SandiBaru2026x') =>
    t.http.post('/api/v1/auth/activate').send({ token, password });
  const hasPassword = async (nik: string) =>
    (await t.db.query(`SELECT password_hash IS NOT NULL AS set FROM persons WHERE nik = $1`, [nik]))[0].set;

  it('an activation link stops working when the membership is switched off', async () => {
    const user = newUser('Belum Sempat Aktivasi');
    const ticket = await claimedRegistration(t, tok.satker, tok.cso, [user]);
    expect((await sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'COMPLETE' })).status).toBe(200);
    const [link] = await activationLinks(user.nik);
    const [m] = await t.db.query(
      `SELECT m.id FROM myintress_memberships m JOIN persons p ON p.id = m.person_id WHERE p.nik = $1`,
      [user.nik],
    );
    const off = await t.http
      .post(`/api/v1/satkers/${w.satker.code}/pengguna/${m.id}/nonaktifkan`)
      .set(auth(tok.satker))
      .send({ alasan: 'Salah input' });
    expect(off.status).toBe(200);
    const res = await activate(link);
    expect([res.status, res.body.error.code]).toEqual([410, 'ACTIVATION_TOKEN_REVOKED']);
    expect(res.body.error.message).toContain('dihapus atau dinonaktifkan');
    expect(await hasPassword(user.nik)).toBe(false);
  });

  it('an activation link stops working when the registration is refused', async () => {
    const nik = await addResident(t.db, 'Ditolak Sebelum Aktif');
    const filed = await tambahPengguna(t, tok.satker, w.satker.code, { nik, nama: 'Ditolak Sebelum Aktif' });
    expect(filed.status).toBe(201);
    expect(
      (await sendEvent(t, tok.cso, filed.body.ticketId, 1, { type: 'REJECT', reason: 'SK tidak sesuai' })).status,
    ).toBe(200);
    const [link] = await activationLinks(nik);
    const res = await activate(link);
    expect([res.status, res.body.error.code]).toEqual([410, 'ACTIVATION_TOKEN_REVOKED']);
    expect(await hasPassword(nik)).toBe(false);
  });

  it('a newer activation link replaces the older one, and setting the password ends the older one for good', async () => {
    const nik = await addResident(t.db, 'Dua Kali Didaftarkan');
    expect(
      (await tambahPengguna(t, tok.satker, w.satker.code, { nik, nama: 'Dua Kali Didaftarkan', nomorSk: 'SK-1/2026' }))
        .status,
    ).toBe(201);
    expect(
      (await tambahPengguna(t, tok.satker, w.satker.code, { nik, nama: 'Dua Kali Didaftarkan', nomorSk: 'SK-2/2026' }))
        .status,
    ).toBe(201);
    const [older, newer] = await activationLinks(nik);
    expect(newer).toBeDefined();
    const stale = await activate(older);
    expect([stale.status, stale.body.error.code]).toEqual([410, 'ACTIVATION_TOKEN_SUPERSEDED']);
    expect(await hasPassword(nik)).toBe(false);
    expect((await activate(newer)).status).toBe(204);
    const after = await activate(older);
    expect([after.status, after.body.error.code]).toEqual([410, 'ACTIVATION_TOKEN_REVOKED']);
    expect(after.body.error.message).toContain('kata sandi');
  });

  it("changing the password ends the person's other sessions and keeps the one that changed it", async () => {
    const person = await createPerson(t.db, 'Ganti Sandi');
    const [here, elsewhere] = [await login(t, person), await login(t, person)];
    const wrong = await t.http
      .post('/api/v1/auth/password')
      .set(auth(here))
      .send({ currentPassword: 'bukan-ini-1', newPassword: 'SandiBaru2026x' });
    expect([wrong.status, wrong.body.error.code]).toEqual([422, 'INVALID_CURRENT_PASSWORD']);
    expect((await t.http.get('/api/v1/me').set(auth(elsewhere))).status).toBe(200);
    const weak = await t.http
      .post('/api/v1/auth/password')
      .set(auth(here))
      .send({ currentPassword: PASSWORD, newPassword: 'pendek' });
    expect([weak.status, weak.body.error.code]).toEqual([422, 'WEAK_PASSWORD']);
    expect((await t.http.get('/api/v1/me').set(auth(elsewhere))).status).toBe(200);

    expect(
      (
        await t.http
          .post('/api/v1/auth/password')
          .set(auth(here))
          .send({ currentPassword: PASSWORD, newPassword: 'SandiBaru2026x' })
      ).status,
    ).toBe(204);
    expect((await t.http.get('/api/v1/me').set(auth(elsewhere))).status).toBe(401);
    expect((await t.http.get('/api/v1/me').set(auth(here))).status).toBe(200);
    expect((await t.http.post('/api/v1/auth/login').send({ nik: person.nik, password: PASSWORD })).status).toBe(401);
    expect(await login(t, person, 'SandiBaru2026x')).toEqual(expect.any(String));
  });

  describe('SC03-1 reset links', () => {
    let agent: string;
    beforeAll(async () => {
      agent = await login(t, await createPusintekAgent(t.db, 'Agen Pusintek Sandi'));
    });

    async function complete(form: Record<string, unknown>) {
      const filed = await t.http
        .post('/api/v1/tickets')
        .set(auth(tok.satker))
        .field('service', 'PUSINTEK_AKSES')
        .field(
          'form',
          JSON.stringify({
            unit: 'Subbagian Umum',
            pejabatNama: 'Kepala Bagian',
            pejabatNip: '197001011990031001',
            pejabatEselon: 'III',
            ...form,
          }),
        )
        .attach('FORM_3_1', makePdf({ title: 'Form 3.1' }), 'form-3-1.pdf');
      expect(filed.status).toBe(201);
      const claimed = await sendEvent(t, agent, filed.body.id, 1, { type: 'CLAIM' });
      const done = await sendEvent(t, agent, filed.body.id, claimed.body.version, { type: 'COMPLETE' });
      expect(done.status).toBe(200);
      return done.body.id as string;
    }
    const resetLink = async (ticketId: string) => {
      const [n] = await t.db.query(`SELECT payload FROM outbox WHERE ticket_id = $1 AND topic = 'password.reset'`, [
        ticketId,
      ]);
      return new URL(n.payload.resetUrl).searchParams.get('token')!;
    };
    const reset = (token: string, password: string) => t.http.post('/api/v1/akun/reset').send({ token, password });
    const accountHash = async (nik: string) =>
      (await t.db.query(`SELECT password_hash FROM app_accounts WHERE nik = $1`, [nik]))[0].password_hash;

    it('a newer link replaces the older; once the password changed the older never works', async () => {
      const nik = randomNik();
      await complete({ jenis: 'BUAT_AKUN', nik, nama: 'Pemilik Dua Tautan' });
      const older = await resetLink(await complete({ jenis: 'RESET_SANDI', nik, nama: 'Pemilik Dua Tautan' }));
      const newer = await resetLink(await complete({ jenis: 'RESET_SANDI', nik, nama: 'Pemilik Dua Tautan' }));
      const stale = await reset(older, 'SandiAplikasi2026');
      expect([stale.status, stale.body.error.code]).toEqual([410, 'RESET_TOKEN_SUPERSEDED']);
      expect(await accountHash(nik)).toBeNull();
      expect((await reset(newer, 'SandiAplikasi2026')).status).toBe(204);
      const after = await reset(older, 'SandiAplikasi2027');
      expect([after.status, after.body.error.code]).toEqual([410, 'RESET_TOKEN_REVOKED']);
    });

    it('a reset link stops working when the account is deleted', async () => {
      const nik = randomNik();
      await complete({ jenis: 'BUAT_AKUN', nik, nama: 'Akun Akan Dihapus' });
      const link = await resetLink(await complete({ jenis: 'RESET_SANDI', nik, nama: 'Akun Akan Dihapus' }));
      await complete({ jenis: 'HAPUS_AKUN', nik, nama: 'Akun Akan Dihapus' });
      const res = await reset(link, 'SandiAplikasi2026');
      expect([res.status, res.body.error.code]).toEqual([410, 'RESET_TOKEN_REVOKED']);
      expect(await accountHash(nik)).toBeNull();
    });
  });
});
