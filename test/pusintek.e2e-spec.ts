import type { TestApp } from './support/app';
import { auth, footprint, login, sendEvent, startSuite, type Suite } from './support/api';
import { makePdf } from './support/pdf';
import { createPusintekAgent, randomNik, type World } from './support/world';

describe('PUSINTEK_AKSES (SC03-1)', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];
  let agent: string;

  beforeAll(async () => {
    ({ t, w, tok } = await startSuite());
    agent = await login(t, await createPusintekAgent(t.db));
  });
  afterAll(() => t.close());

  const request = (form: Record<string, unknown>) =>
    t.http
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

  /** Files, has the service desk answer with a status notice, and completes it. */
  async function complete(form: Record<string, unknown>) {
    const filed = await request(form);
    expect(filed.status).toBe(201);
    const claimed = await sendEvent(t, agent, filed.body.id, 1, { type: 'CLAIM' });
    const noticed = await sendEvent(t, agent, filed.body.id, claimed.body.version, {
      type: 'STATUS_NOTICE',
      message: 'Permintaan akan kami proses.',
    });
    expect(noticed.body.status).toBe('DIPROSES');
    return sendEvent(t, agent, filed.body.id, noticed.body.version, { type: 'COMPLETE' });
  }

  it('refuses a Form 3.1 signed below echelon III, creating nothing', async () => {
    const before = await footprint(t, w.satker.id);
    const res = await request({ jenis: 'BUAT_AKUN', nik: randomNik(), nama: 'Calon Pegawai', pejabatEselon: 'IV' });
    expect([res.status, res.body.error.code]).toEqual([422, 'ECHELON_TOO_LOW']);
    expect(await footprint(t, w.satker.id)).toEqual(before);
  });

  it('lands in the Pusintek queue on the SC03-1 windows, not the KPPN one', async () => {
    const filed = await request({ jenis: 'BUAT_AKUN', nik: randomNik(), nama: 'Antre Pusintek' });
    expect((await t.http.get(`/api/v1/tickets/${filed.body.id}`).set(auth(tok.cso))).status).toBe(404);
    const sla = await t.http.get(`/api/v1/tickets/${filed.body.id}/sla`).set(auth(agent));
    expect(
      sla.body.clocks.map((c: { clock: string; calendar: { code: string }; rule: { kind: string } }) => [
        c.clock,
        c.calendar.code,
        c.rule.kind,
      ]),
    ).toEqual([
      ['RESPONSE', 'SC03-1', 'BUSINESS_MINUTES'],
      ['RESOLUTION', 'SC03-1', 'SC03_CUTOFF'],
    ]);
    const claimed = await sendEvent(t, agent, filed.body.id, 1, { type: 'CLAIM' });
    await sendEvent(t, agent, filed.body.id, claimed.body.version, {
      type: 'STATUS_NOTICE',
      message: 'Akan diproses.',
    });
    const after = await t.http.get(`/api/v1/tickets/${filed.body.id}/sla`).set(auth(agent));
    expect(after.body.clocks[0].stoppedAt).not.toBeNull();
  });

  it('creates accounts with unique e-mail addresses generated from the name, and refuses a duplicate address', async () => {
    const first = await complete({ jenis: 'BUAT_AKUN', nik: randomNik(), nama: 'Yohana Kristiani Zebua' });
    expect(first.body.status).toBe('SELESAI');
    const second = await complete({ jenis: 'BUAT_AKUN', nik: randomNik(), nama: 'Yohana Zebua' });
    const emails = await t.db.query(
      `SELECT email FROM app_accounts WHERE source_ticket_id = ANY($1::uuid[]) ORDER BY created_at`,
      [[first.body.id, second.body.id]],
    );
    expect(emails.map((e: { email: string }) => e.email)).toEqual([
      'yohana.zebua@kemenkeu.go.id',
      'yohana.zebua2@kemenkeu.go.id',
    ]);
    const dup = await request({
      jenis: 'BUAT_AKUN',
      nik: randomNik(),
      nama: 'Orang Lain',
      email: 'Yohana.Zebua@kemenkeu.go.id',
    });
    expect([dup.status, dup.body.error.code]).toEqual([422, 'EMAIL_TAKEN']);
  });

  it('applies the outcome all-or-nothing: a second account for the same NIK fails at SELESAI and changes nothing', async () => {
    const nik = randomNik();
    const a = await request({ jenis: 'BUAT_AKUN', nik, nama: 'Dua Kali Minta' });
    const b = await request({ jenis: 'BUAT_AKUN', nik, nama: 'Dua Kali Minta' });
    const claimA = await sendEvent(t, agent, a.body.id, 1, { type: 'CLAIM' });
    const claimB = await sendEvent(t, agent, b.body.id, 1, { type: 'CLAIM' });
    expect((await sendEvent(t, agent, a.body.id, claimA.body.version, { type: 'COMPLETE' })).status).toBe(200);
    const refused = await sendEvent(t, agent, b.body.id, claimB.body.version, { type: 'COMPLETE' });
    expect([refused.status, refused.body.error.code]).toEqual([422, 'ACCOUNT_EXISTS']);
    const [row] = await t.db.query(`SELECT count(*)::int AS n FROM app_accounts WHERE nik = $1`, [nik]);
    expect(row.n).toBe(1);
    expect((await t.http.get(`/api/v1/tickets/${b.body.id}`).set(auth(agent))).body.status).toBe('DIPROSES');
  });

  it('grants access, resets a password by a single-use link, and deletes an account', async () => {
    const nik = randomNik();
    await complete({ jenis: 'BUAT_AKUN', nik, nama: 'Pemilik Akun' });
    const missing = await request({ jenis: 'HAK_AKSES', nik, nama: 'Pemilik Akun' });
    expect(missing.body.error.code).toBe('ACCESS_REQUIRED');
    expect(
      (await complete({ jenis: 'HAK_AKSES', nik, nama: 'Pemilik Akun', aplikasi: 'SAKTI', hakAkses: 'Operator' }))
        .status,
    ).toBe(200);
    const reset = await complete({ jenis: 'RESET_SANDI', nik, nama: 'Pemilik Akun' });
    const [notice] = await t.db.query(
      `SELECT recipient, payload FROM outbox WHERE ticket_id = $1 AND topic = 'password.reset'`,
      [reset.body.id],
    );
    expect(notice.recipient).toBe('pemilik.akun@kemenkeu.go.id');
    const token = /token=([A-Za-z0-9_-]+)/.exec(notice.payload.resetUrl)![1];
    expect((await t.http.post('/api/v1/akun/reset').send({ token, password: 'SandiAplikasi2026' })).status).toBe(204);
    const reuse = await t.http.post('/api/v1/akun/reset').send({ token, password: 'SandiAplikasi2027' });
    expect([reuse.status, reuse.body.error.code]).toEqual([410, 'RESET_TOKEN_USED']);
    await complete({ jenis: 'HAPUS_AKUN', nik, nama: 'Pemilik Akun' });
    const [account] = await t.db.query(
      `SELECT status, access, password_hash IS NOT NULL AS has_password FROM app_accounts WHERE nik = $1`,
      [nik],
    );
    expect(account).toEqual({
      status: 'DIHAPUS',
      access: [{ aplikasi: 'SAKTI', hakAkses: 'Operator' }],
      has_password: true,
    });
  });
});
