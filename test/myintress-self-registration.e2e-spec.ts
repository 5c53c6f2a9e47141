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
import { makePng } from './support/pdf';
import { addMembership, addResident, createPerson, type World } from './support/world';

// Tambah Pengguna (MYINTRESS_DAFTAR_MANDIRI): Dukcapil check, pending membership, KPPN approval.
describe('MyIntress self-registration', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];

  beforeAll(async () => ({ t, w, tok } = await startSuite()));
  afterAll(() => t.close());

  const rowsOf = async (nama: string) =>
    (await daftarPengguna(t, tok.satker, w.satker.code)).filter((r) => r.nama === nama).map((r) => r.status);

  async function approvalTicket(ticketId: string) {
    const res = await t.http.get(`/api/v1/tickets/${ticketId}`).set(auth(tok.cso));
    expect(res.status).toBe(200);
    return res.body;
  }

  it('refuses an unknown NIK and a name below the threshold with the Dukcapil messages, creating nothing', async () => {
    const unknown = '7571010101900001';
    const before = await footprint(t, w.satker.id, [unknown]);
    const notFound = await tambahPengguna(t, tok.satker, w.satker.code, { nik: unknown, nama: 'Tidak Ada' });
    expect([notFound.status, notFound.body.error.code, notFound.body.error.message]).toEqual([
      422,
      'DUKCAPIL_NIK_NOT_FOUND',
      'Berdasarkan pengecekan di DUKCAPIL: NIK tidak ditemukan',
    ]);
    const nik = await addResident(t.db, 'Muhammad Rizky Ra');
    const below = await tambahPengguna(t, tok.satker, w.satker.code, { nik, nama: 'Muhammad Rizky Ro' });
    expect([below.status, below.body.error.code, below.body.error.message]).toEqual([
      422,
      'DUKCAPIL_NAME_MISMATCH',
      'Berdasarkan pengecekan di DUKCAPIL: Nama lengkap tidak valid 94/95',
    ]);
    expect(await footprint(t, w.satker.id, [unknown, nik])).toEqual(before);
  });

  it('accepts a name exactly at the threshold and files an approval ticket in the KPPN queue', async () => {
    const nik = await addResident(t.db, 'Muhammad Rizky Ramad');
    const res = await tambahPengguna(t, tok.satker, w.satker.code, {
      nik,
      nama: 'Muhammad Rizky Ramat',
      nomorSk: 'ND-7/2026',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 1, jenis: 'PENDAFTARAN' });
    expect(await rowsOf('Muhammad Rizky Ramat')).toEqual([1]);
    const ticket = await approvalTicket(res.body.ticketId);
    expect(ticket).toMatchObject({
      service: { code: 'MYINTRESS_DAFTAR_MANDIRI' },
      status: 'BARU',
      form: { nomorSk: 'ND-7/2026' },
    });
    expect(ticket.allowedEvents.map((e: { type: string }) => e.type)).toEqual(['COMPLETE', 'REJECT']);
    const [identity] = await t.db.query(`SELECT password_hash IS NULL AS pending FROM persons WHERE nik = $1`, [nik]);
    expect(identity.pending).toBe(true);
    const [notice] = await t.db.query(
      `SELECT count(*)::int AS n FROM outbox o JOIN persons p ON o.recipient = p.email WHERE p.nik = $1 AND o.topic = 'digit.activation'`,
      [nik],
    );
    expect(notice.n).toBe(1);
  });

  it('fills the form from DIGIT when the NIK already has an identity', async () => {
    const known = await createPerson(t.db, 'Rina Marlina');
    await t.db.query(`UPDATE persons SET nip = '198801012010122001' WHERE id = $1`, [known.id]);
    const found = await t.http
      .post(`/api/v1/satkers/${w.satker.code}/pengguna/cari`)
      .set(auth(tok.satker))
      .send({ nik: known.nik });
    expect(found.body).toEqual({
      terdaftarDiDigit: true,
      nama: 'Rina Marlina',
      nip: '198801012010122001',
      email: `${known.nik}@contoh.go.id`,
    });
    const missing = await t.http
      .post(`/api/v1/satkers/${w.satker.code}/pengguna/cari`)
      .set(auth(tok.satker))
      .send({ nik: '7571010101900002' });
    expect(missing.body).toEqual({ terdaftarDiDigit: false });
  });

  it('refuses another satker as unit kerja, a missing or non-PDF SK, and a missing nomor SK', async () => {
    const nik = await addResident(t.db, 'Calon Lain');
    const before = await footprint(t, w.satker.id, [nik]);
    const other = await tambahPengguna(t, tok.satker, w.otherSatker.code, { nik, nama: 'Calon Lain' });
    expect([other.status, other.body.error.code]).toEqual([404, 'SATKER_NOT_FOUND']);
    const noFile = await tambahPengguna(t, tok.satker, w.satker.code, { nik, nama: 'Calon Lain' }, null);
    expect([noFile.status, noFile.body.error.code]).toEqual([422, 'MISSING_ATTACHMENT']);
    const png = await tambahPengguna(t, tok.satker, w.satker.code, { nik, nama: 'Calon Lain' }, makePng());
    expect([png.status, png.body.error.code]).toEqual([415, 'NOT_PDF']);
    const noSk = await tambahPengguna(t, tok.satker, w.satker.code, { nik, nama: 'Calon Lain', nomorSk: '' });
    expect([noSk.status, noSk.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const cso = await tambahPengguna(t, tok.cso, w.satker.code, { nik, nama: 'Calon Lain' });
    expect([cso.status, cso.body.error.code]).toEqual([403, 'NOT_A_SATKER_USER']);
    expect(await footprint(t, w.satker.id, [nik])).toEqual(before);
  });

  it('plays the seed example: Ali 0, Ali 5, Ali 1 becomes Ali 0, Ali 2 on approval', async () => {
    const nik = await addResident(t.db, 'Ali Rahman');
    const first = await tambahPengguna(t, tok.satker, w.satker.code, { nik, nama: 'Ali Rahman' });
    const id = first.body.membershipId;
    const dua = await t.http
      .post(`/api/v1/satkers/${w.satker.code}/pengguna/${id}/nonaktifkan`)
      .set(auth(tok.satker))
      .send({ alasan: 'coba' });
    expect([dua.status, dua.body.error.code]).toEqual([409, 'INVALID_MEMBERSHIP_STATUS']);
    const rejected = await sendEvent(t, tok.cso, first.body.ticketId, 1, { type: 'REJECT', reason: 'kurang lengkap' });
    expect(rejected.body.status).toBe('DITOLAK');
    const second = await tambahPengguna(t, tok.satker, w.satker.code, { nik, nama: 'Ali Rahman' });
    const approved = await sendEvent(t, tok.cso, second.body.ticketId, 1, { type: 'COMPLETE' });
    expect(approved.body.status).toBe('SELESAI');
    await t.http
      .post(`/api/v1/satkers/${w.satker.code}/pengguna/${second.body.membershipId}/nonaktifkan`)
      .set(auth(tok.satker))
      .send({ alasan: 'Mutasi' })
      .expect(200);
    const third = await tambahPengguna(t, tok.satker, w.satker.code, { nik, nama: 'Ali Rahman' });
    const refused = await sendEvent(t, tok.cso, third.body.ticketId, 1, { type: 'REJECT', reason: 'kurang lengkap' });
    expect(refused.status).toBe(200);
    const fourth = await tambahPengguna(t, tok.satker, w.satker.code, { nik, nama: 'Ali Rahman' });
    const rows = await daftarPengguna(t, tok.satker, w.satker.code);
    const ali = rows.filter((r) => r.nama === 'Ali Rahman');
    expect(ali.map((r) => [r.status, r.rejectReason])).toEqual([
      [0, null],
      [5, 'kurang lengkap'],
      [1, null],
    ]);
    expect(ali[0].nik).toMatch(/^\d{4}\*{8}\d{4}$/);
    expect((await sendEvent(t, tok.cso, fourth.body.ticketId, 1, { type: 'COMPLETE' })).status).toBe(200);
    expect(await rowsOf('Ali Rahman')).toEqual([0, 2]);
  });

  it('replaces a pending request: latest SK wins, the old approval ticket is superseded, still one pending', async () => {
    const nik = await addResident(t.db, 'Budi Ganda');
    const first = await tambahPengguna(t, tok.satker, w.satker.code, { nik, nama: 'Budi Ganda', nomorSk: 'SK-LAMA' });
    const second = await tambahPengguna(t, tok.satker, w.satker.code, { nik, nama: 'Budi Ganda', nomorSk: 'SK-BARU' });
    expect(second.status).toBe(201);
    expect(second.body.membershipId).toBe(first.body.membershipId);
    expect((await approvalTicket(first.body.ticketId)).status).toBe('DIBATALKAN');
    expect((await approvalTicket(second.body.ticketId)).status).toBe('BARU');
    const rows = (await daftarPengguna(t, tok.satker, w.satker.code)).filter((r) => r.nama === 'Budi Ganda');
    expect(rows.map((r) => [r.status, r.skNumber])).toEqual([[1, 'SK-BARU']]);
    const stale = await sendEvent(t, tok.cso, first.body.ticketId, 2, { type: 'COMPLETE' });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);
  });

  it('refuses re-entry of an active member', async () => {
    const active = await createPerson(t.db, 'Sudah Aktif Sekali');
    await addResident(t.db, 'Sudah Aktif Sekali', active.nik);
    await addMembership(t.db, active.id, w.satker.id, 2);
    const before = await footprint(t, w.satker.id, [active.nik]);
    const res = await tambahPengguna(t, tok.satker, w.satker.code, { nik: active.nik, nama: 'Sudah Aktif Sekali' });
    expect([res.status, res.body.error.code]).toEqual([409, 'MEMBERSHIP_ALREADY_ACTIVE']);
    expect(await footprint(t, w.satker.id, [active.nik])).toEqual(before);
  });

  it('lets exactly one of two CSOs approving at once win', async () => {
    const nik = await addResident(t.db, 'Rebutan Setuju');
    const filed = await tambahPengguna(t, tok.satker, w.satker.code, { nik, nama: 'Rebutan Setuju' });
    const results = await Promise.all(
      [tok.cso, tok.cso2].map((tk) => sendEvent(t, tk, filed.body.ticketId, 1, { type: 'COMPLETE' })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const [h] = await t.db.query(
      `SELECT count(*)::int AS n FROM membership_history WHERE membership_id = $1 AND change = 'APPROVED'`,
      [filed.body.membershipId],
    );
    expect(h.n).toBe(1);
    expect(await rowsOf('Rebutan Setuju')).toEqual([2]);
  });

  it('keeps Daftar Pengguna to the satker, its KPPN and the Kanwil above', async () => {
    const other = await t.http.get(`/api/v1/satkers/${w.satker.code}/pengguna`).set(auth(tok.otherSatker));
    expect([other.status, other.body.error.code]).toEqual([404, 'SATKER_NOT_FOUND']);
    const otherKppn = await t.http.get(`/api/v1/satkers/${w.satker.code}/pengguna`).set(auth(tok.otherCso));
    expect(otherKppn.status).toBe(404);
    expect((await t.http.get(`/api/v1/satkers/${w.satker.code}/pengguna`).set(auth(tok.cso))).status).toBe(200);
    expect(
      (await t.http.get(`/api/v1/satkers/${w.satker.code}/pengguna`).set(auth(await login(t, w.kanwilCso)))).status,
    ).toBe(200);
  });
});
