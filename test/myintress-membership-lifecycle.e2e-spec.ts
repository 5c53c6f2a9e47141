import type { TestApp } from './support/app';
import {
  auth,
  daftarPengguna,
  footprint,
  login,
  sendEvent,
  startSuite,
  tambahPengguna,
  type Suite,
} from './support/api';
import { makePdf } from './support/pdf';
import { addMembership, addResident, createPerson, PASSWORD, type World } from './support/world';
import { DormancySweep } from '@loket/registry';

describe('MyIntress memberships: deletion, deactivation, dormancy, activation and login', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];

  beforeAll(async () => ({ t, w, tok } = await startSuite()));
  afterAll(() => t.close());

  function fileDeletion(membershipIds: string[]) {
    return t.http
      .post('/api/v1/tickets')
      .set(auth(tok.satker))
      .field('service', 'MYINTRESS_HAPUS')
      .field(
        'form',
        JSON.stringify({
          pengguna: membershipIds.map((membershipId) => ({ membershipId })),
          alasan: 'Pegawai pindah tugas',
        }),
      )
      .attach('SURAT_PERMINTAAN', makePdf({ title: 'Surat' }), 'surat.pdf')
      .attach('FORMULIR_PENGHAPUSAN', makePdf({ title: 'Formulir' }), 'formulir.pdf');
  }

  it('refuses at filing a deletion of an active member, naming them', async () => {
    const active = await createPerson(t.db, 'Masih Bekerja');
    const id = await addMembership(t.db, active.id, w.satker.id, 2);
    const before = await footprint(t, w.satker.id);
    const res = await fileDeletion([id]);
    expect([res.status, res.body.error.code]).toEqual([422, 'MEMBERSHIP_NOT_DELETABLE']);
    expect(res.body.error.message).toContain('Masih Bekerja (Aktif)');
    expect(await footprint(t, w.satker.id)).toEqual(before);
  });

  it('deletes Tidak Aktif and Pendaftaran Ditolak rows at SELESAI with reason, SK number and SK file', async () => {
    const a = await createPerson(t.db, 'Hapus Nol');
    const b = await createPerson(t.db, 'Hapus Lima');
    const ids = [await addMembership(t.db, a.id, w.satker.id, 0), await addMembership(t.db, b.id, w.satker.id, 5)];
    const filed = await fileDeletion(ids);
    expect(filed.status).toBe(201);
    expect(filed.body.subject).toBe(`Permintaan Penghapusan User MyIntress Tipe Satker ${w.satker.name}`);
    const claimed = await sendEvent(t, tok.cso, filed.body.id, 1, { type: 'CLAIM' });
    const noSk = await sendEvent(t, tok.cso, filed.body.id, claimed.body.version, {
      type: 'COMPLETE',
      reason: 'Sesuai permintaan',
    });
    expect([noSk.status, noSk.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const noFile = await sendEvent(t, tok.cso, filed.body.id, claimed.body.version, {
      type: 'COMPLETE',
      reason: 'Sesuai permintaan',
      reference: 'KEP-12/KPPN/2026',
    });
    expect([noFile.status, noFile.body.error.code]).toEqual([422, 'MISSING_ATTACHMENT']);
    const done = await t.http
      .post(`/api/v1/tickets/${filed.body.id}/events`)
      .set(auth(tok.cso))
      .set('If-Match', `"${claimed.body.version}"`)
      .field('type', 'COMPLETE')
      .field('reason', 'Sesuai permintaan')
      .field('reference', 'KEP-12/KPPN/2026')
      .attach('SK_PENGHAPUSAN', makePdf({ title: 'SK Hapus' }), 'sk-hapus.pdf');
    expect([done.status, done.body.status]).toEqual([200, 'SELESAI']);
    const letters = await t.http.get(`/api/v1/tickets/${filed.body.id}/letters`).set(auth(tok.satker));
    expect(letters.body).toEqual([
      expect.objectContaining({ template: 'konfirmasi-penghapusan', number: expect.stringMatching(/^S-\d+\//) }),
    ]);
    const letter = await t.http
      .get(`/api/v1/tickets/${filed.body.id}/letters/${letters.body[0].id}`)
      .query({ format: 'html' })
      .set(auth(tok.satker));
    expect(letter.text).toContain('Hapus Lima');
    expect(letter.text).toContain('KEP-12/KPPN/2026');
    const names = (await daftarPengguna(t, tok.satker, w.satker.code)).map((r) => r.nama);
    expect(names).not.toContain('Hapus Nol');
    expect(names).not.toContain('Hapus Lima');
    const history = await t.db.query(
      `SELECT change, reason FROM membership_history WHERE membership_id = ANY($1::uuid[]) ORDER BY id`,
      [ids],
    );
    expect(history).toEqual([
      { change: 'DELETED', reason: 'SK KEP-12/KPPN/2026: Sesuai permintaan' },
      { change: 'DELETED', reason: 'SK KEP-12/KPPN/2026: Sesuai permintaan' },
    ]);
  });

  it('ends access at the next request when a membership is switched off, whatever token was issued', async () => {
    const member = await createPerson(t.db, 'Dinonaktifkan');
    const id = await addMembership(t.db, member.id, w.satker.id, 2);
    const token = await login(t, member);
    expect((await t.http.get('/api/v1/tickets').set(auth(token))).status).toBe(200);
    const off = await t.http
      .post(`/api/v1/satkers/${w.satker.code}/pengguna/${id}/nonaktifkan`)
      .set(auth(tok.satker))
      .send({ alasan: 'Pensiun' });
    expect(off.status).toBe(200);
    expect(off.body.pengguna.find((r: { id: string }) => r.id === id)).toMatchObject({
      status: 0,
      statusLabel: 'Tidak Aktif',
    });
    const filing = await t.http
      .post('/api/v1/tickets')
      .set(auth(token))
      .send({ service: 'PERTANYAAN', form: { perihal: 'a', uraian: 'b' } });
    expect([filing.status, filing.body.error.code]).toEqual([403, 'NOT_A_SATKER_USER']);
    const list = await t.http.get(`/api/v1/satkers/${w.satker.code}/pengguna`).set(auth(token));
    expect(list.status).toBe(404);
  });

  it('turns members dormant after six months without login, once, at the boundary, with two sweeps at once', async () => {
    const idle = await createPerson(t.db, 'Lama Tak Login');
    const recent = await createPerson(t.db, 'Baru Saja');
    const idleId = await addMembership(t.db, idle.id, w.satker.id, 2);
    const recentId = await addMembership(t.db, recent.id, w.satker.id, 2);
    const now = new Date('2027-03-01T00:00:00Z');
    await t.db.query(`UPDATE myintress_memberships SET last_login_at = '2026-09-01T00:00:00Z' WHERE id = $1`, [idleId]);
    await t.db.query(`UPDATE myintress_memberships SET last_login_at = '2026-09-01T00:01:00Z' WHERE id = $1`, [
      recentId,
    ]);
    const sweep = t.app.get(DormancySweep);
    const results = await Promise.all([sweep.run(now), sweep.run(now)]);
    expect(results.filter((r) => r !== null).length).toBeGreaterThanOrEqual(1);
    expect(await sweep.run(now)).toBe(0);
    const rows = await t.db.query(
      `SELECT m.id, m.status, (SELECT count(*)::int FROM membership_history h WHERE h.membership_id = m.id AND h.change = 'DORMANT') AS n
         FROM myintress_memberships m WHERE m.id = ANY($1::uuid[])`,
      [[idleId, recentId]],
    );
    const byId = Object.fromEntries(
      rows.map((r: { id: string; status: number; n: number }) => [r.id, [r.status, r.n]]),
    );
    expect(byId[idleId]).toEqual([3, 1]);
    expect(byId[recentId]).toEqual([2, 0]);

    const token = await login(t, idle);
    const refused = await t.http
      .post('/api/v1/tickets')
      .set(auth(token))
      .set('X-Satker', w.satker.code)
      .send({ service: 'PERTANYAAN', form: { perihal: 'a', uraian: 'b' } });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'MEMBERSHIP_DORMANT']);
    expect(refused.body.error.message).toContain('Dormant');

    await addResident(t.db, 'Lama Tak Login', idle.nik);
    const first = await tambahPengguna(t, tok.satker, w.satker.code, {
      nik: idle.nik,
      nama: 'Lama Tak Login',
      nomorSk: 'SK-AKTIF-1',
    });
    const again = await tambahPengguna(t, tok.satker, w.satker.code, {
      nik: idle.nik,
      nama: 'Lama Tak Login',
      nomorSk: 'SK-AKTIF-2',
    });
    expect(again.body).toMatchObject({ jenis: 'REAKTIVASI', membershipId: idleId, status: 3 });
    expect((await t.http.get(`/api/v1/tickets/${first.body.ticketId}`).set(auth(tok.cso))).body.status).toBe(
      'DIBATALKAN',
    );
    expect((await sendEvent(t, tok.cso, again.body.ticketId, 1, { type: 'COMPLETE' })).status).toBe(200);
    const [reactivated] = await t.db.query(`SELECT status, sk_number FROM myintress_memberships WHERE id = $1`, [
      idleId,
    ]);
    expect(reactivated).toEqual({ status: 2, sk_number: 'SK-AKTIF-2' });
    const back = await t.http
      .post('/api/v1/tickets')
      .set(auth(token))
      .set('X-Satker', w.satker.code)
      .send({ service: 'PERTANYAAN', form: { perihal: 'a', uraian: 'b' } });
    expect(back.status).toBe(201);
  });

  it('refuses an expired activation link and records the login on the membership', async () => {
    const nik = await addResident(t.db, 'Aktivasi Telat');
    const filed = await tambahPengguna(t, tok.satker, w.satker.code, { nik, nama: 'Aktivasi Telat' });
    const [notice] = await t.db.query(
      `SELECT payload FROM outbox o JOIN persons p ON p.email = o.recipient WHERE p.nik = $1`,
      [nik],
    );
    const token = new URL(notice.payload.activationUrl).searchParams.get('token');
    await t.db.query(
      `UPDATE activation_tokens SET expires_at = now() - interval '1 minute' WHERE person_id = (SELECT id FROM persons WHERE nik = $1)`,
      [nik],
    );
    const expired = await t.http.post('/api/v1/auth/activate').send({ token, password: 'KataSandiBaru2026' });
    expect([expired.status, expired.body.error.code]).toEqual([410, 'ACTIVATION_TOKEN_EXPIRED']);
    await t.db.query(
      `UPDATE activation_tokens SET expires_at = now() + interval '1 hour' WHERE person_id = (SELECT id FROM persons WHERE nik = $1)`,
      [nik],
    );
    expect((await t.http.post('/api/v1/auth/activate').send({ token, password: 'KataSandiBaru2026' })).status).toBe(
      204,
    );
    await sendEvent(t, tok.cso, filed.body.ticketId, 1, { type: 'COMPLETE' });
    const loggedIn = await t.http.post('/api/v1/auth/login').send({ nik, password: 'KataSandiBaru2026' });
    expect(loggedIn.body.person.satkers).toEqual([{ code: w.satker.code, name: w.satker.name }]);
    const [m] = await t.db.query(`SELECT last_login_at IS NOT NULL AS seen FROM myintress_memberships WHERE id = $1`, [
      filed.body.membershipId,
    ]);
    expect(m.seen).toBe(true);
  });

  it('locks a NIK after five failed logins, known or not, and tells the user when to retry', async () => {
    const person = await createPerson(t.db, 'Lupa Sandi');
    for (const nik of [person.nik, '7571010101900009']) {
      for (let i = 0; i < 5; i++) {
        expect((await t.http.post('/api/v1/auth/login').send({ nik, password: 'salah-terus-1' })).status).toBe(401);
      }
      const locked = await t.http.post('/api/v1/auth/login').send({ nik, password: PASSWORD });
      expect([locked.status, locked.body.error.code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
      expect(locked.body.error.details.retryAfterSeconds).toBeGreaterThan(800);
    }
    const burst = await createPerson(t.db, 'Serangan Serentak');
    const guesses = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.http.post('/api/v1/auth/login').send({ nik: burst.nik, password: 'tebak-tebak-1' }),
      ),
    );
    expect(guesses.filter((g) => g.status === 401)).toHaveLength(5);
    expect(guesses.filter((g) => g.status === 429)).toHaveLength(15);
    await t.db.query(
      `UPDATE login_throttle SET locked_until = now() - interval '1 second', window_started_at = now() - interval '1 hour'`,
    );
    expect((await t.http.post('/api/v1/auth/login').send({ nik: person.nik, password: PASSWORD })).status).toBe(200);
  });
});
