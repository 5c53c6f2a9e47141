import { auth, footprint, login, startSuite, type Suite } from './support/api';
import type { TestApp } from './support/app';
import { csrfOf, portalLogin } from './support/portal';
import { addMembership, addResident, createPerson, randomNik, type World } from './support/world';

// "Cari" in Tambah Pengguna confirms that a person exists and names them: it checks the NIK first,
// is limited per user, leaves an audit entry with the NIK masked, and answers only the form's fields.
describe('NIK lookup (Cari)', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];

  beforeAll(async () => ({ t, w, tok } = await startSuite()));
  afterAll(() => t.close());

  const cari = (token: string, nik: unknown) =>
    t.http.post(`/api/v1/satkers/${w.satker.code}/pengguna/cari`).set(auth(token)).send({ nik });
  const lookups = async (actorId: string) =>
    await t.db.query(
      `SELECT entity_key, office_id, after, row_to_json(a)::text AS whole FROM audit_log a WHERE action = 'DIGIT_NIK_LOOKUP' AND actor_id = $1 ORDER BY id`,
      [actorId],
    );

  async function newSatkerUser(name: string) {
    const person = await createPerson(t.db, name);
    await addMembership(t.db, person.id, w.satker.id);
    return { person, token: await login(t, person) };
  }

  it('refuses a malformed NIK before reading anything, and records nothing', async () => {
    const { person, token } = await newSatkerUser('Admin Format');
    const before = await footprint(t, w.satker.id);
    for (const [nik, code] of [
      ['317501170845000', 'NIK_NOT_16_DIGITS'],
      ['3175013208450001', 'NIK_INVALID_BIRTH_DATE'],
      ['9975011708450001', 'NIK_UNKNOWN_PROVINCE'],
    ]) {
      const res = await cari(token, nik);
      expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'nik', code })]);
    }
    expect(await lookups(person.id)).toEqual([]);
    expect(await footprint(t, w.satker.id)).toEqual(before);
  });

  it('answers only what Tambah Pengguna fills in, and audits each lookup with the NIK masked', async () => {
    const { person, token } = await newSatkerUser('Admin Pencari');
    const known = await createPerson(t.db, 'Orang Terdaftar');
    await t.db.query(`UPDATE persons SET nip = '198001012005011001', phone = '081200000000' WHERE id = $1`, [known.id]);
    const found = await cari(token, known.nik);
    expect(found.status).toBe(200);
    expect(found.body).toEqual({
      terdaftarDiDigit: true,
      nama: 'Orang Terdaftar',
      nip: '198001012005011001',
      email: `${known.nik}@contoh.go.id`,
    });
    const stranger = randomNik();
    expect((await cari(token, stranger)).body).toEqual({ terdaftarDiDigit: false });

    const entries = await lookups(person.id);
    expect(entries.map((e: any) => [e.entity_key, e.after])).toEqual([
      [`${known.nik.slice(0, 4)}********${known.nik.slice(12)}`, { satker: w.satker.code, terdaftarDiDigit: true }],
      [`${stranger.slice(0, 4)}********${stranger.slice(12)}`, { satker: w.satker.code, terdaftarDiDigit: false }],
    ]);
    expect(entries.every((e: any) => e.office_id === w.kppnId)).toBe(true);
    for (const e of entries) expect(e.whole).not.toMatch(new RegExp(`${known.nik}|${stranger}`));
  });

  it('limits each user to 20 lookups per 15 minutes, with Retry-After, without touching other users', async () => {
    const { person, token } = await newSatkerUser('Admin Rajin');
    for (let i = 0; i < 20; i++) expect((await cari(token, randomNik())).status).toBe(200);
    const before = await footprint(t, w.satker.id);
    const refused = await cari(token, randomNik());
    expect([refused.status, refused.body.error.code]).toEqual([429, 'TOO_MANY_LOOKUPS']);
    const seconds = Number(refused.headers['retry-after']);
    expect(seconds).toBeGreaterThan(800);
    expect(refused.body.error.message).toMatch(/Coba lagi dalam 15 menit\./);
    expect(await lookups(person.id)).toHaveLength(20);
    expect(await footprint(t, w.satker.id)).toEqual(before);
    expect((await cari(tok.satker, randomNik())).status).toBe(200);
  });

  it("applies the same rules to the portal's Cari button", async () => {
    const agent = await portalLogin(t, w.satkerUser);
    const cariPortal = async (nik: string) => {
      const form = await agent.get('/pengguna/tambah');
      return agent
        .post('/pengguna/tambah/cari')
        .type('form')
        .send({ _csrf: csrfOf(form.text), 'f.nik': nik });
    };
    const resident = randomNik();
    await addResident(t.db, 'Warga Baru', resident);
    const before = (await lookups(w.satkerUser.id)).length;
    expect((await cariPortal('12345')).status).toBe(400);
    expect((await cariPortal(resident)).status).toBe(200);
    expect(await lookups(w.satkerUser.id)).toHaveLength(before + 1);
    await t.db.query(
      `UPDATE login_throttle SET failures = 20 WHERE window_started_at > now() - interval '1 minute' AND failures BETWEEN 1 AND 20
      AND key = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
      [`nik-lookup:${w.satkerUser.id}`],
    );
    const refused = await cariPortal(resident);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(800);
    expect(refused.text).toContain('Terlalu banyak pencarian NIK');
    expect(refused.text).toContain(resident);
  });
});
