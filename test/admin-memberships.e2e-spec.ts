import type { TestApp } from './support/app';
import { auth, login, startSuite } from './support/api';
import { createPerson, type World } from './support/world';

describe("membership contact corrections by the satker's KPPN admins", () => {
  let t: TestApp;
  let w: World;
  let tok: { kppnAdmin: string; otherAdmin: string; kanwilAdmin: string; cso: string };
  let membershipId: string;

  beforeAll(async () => {
    const suite = await startSuite();
    ({ t, w } = suite);
    const admins = [
      await createPerson(t.db, 'Admin KPPN Kontak'),
      await createPerson(t.db, 'Admin KPPN Lain'),
      await createPerson(t.db, 'Admin Kanwil Kontak'),
    ];
    await t.db.query(
      `INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'ADMIN'), ($3, $4, 'ADMIN'), ($5, $6, 'ADMIN')`,
      [admins[0].id, w.kppnId, admins[1].id, w.otherKppnId, admins[2].id, w.kanwilId],
    );
    const [k, o, kw] = await Promise.all(admins.map((a) => login(t, a)));
    tok = { kppnAdmin: k, otherAdmin: o, kanwilAdmin: kw, cso: suite.tok.cso };
    [{ id: membershipId }] = await t.db.query(
      `SELECT id FROM myintress_memberships WHERE person_id = $1 AND satker_id = $2`,
      [w.satkerUser.id, w.satker.id],
    );
  });
  afterAll(() => t.close());

  const correct = (token: string, body: Record<string, unknown>, id = membershipId) =>
    t.http.put(`/api/v1/admin/memberships/${id}/contact`).set(auth(token)).send(body);
  const state = async () =>
    (
      await t.db.query(
        `SELECT m.status, m.phone, m.email,
            (SELECT count(*)::int FROM audit_log WHERE entity_type = 'MEMBERSHIP' AND entity_key = $2 || '/' || $3) AS audit,
            (SELECT count(*)::int FROM membership_history WHERE membership_id = m.id AND change = 'CONTACT_CORRECTED') AS history
       FROM myintress_memberships m WHERE m.id = $1`,
        [membershipId, w.satker.code, w.satkerUser.nik],
      )
    )[0];

  it('refuses other KPPNs (404), non-admins (403) and bad data, changing nothing', async () => {
    const before = await state();
    const other = await correct(tok.otherAdmin, { phone: '081299990000', reason: 'Salah ketik nomor' });
    expect([other.status, other.body.error.code]).toEqual([404, 'MEMBERSHIP_NOT_FOUND']);
    const otherList = await t.http
      .get('/api/v1/admin/memberships')
      .query({ satker: w.satker.code })
      .set(auth(tok.otherAdmin));
    expect([otherList.status, otherList.body]).toEqual([200, []]);
    const cso = await correct(tok.cso, { phone: '081299990000', reason: 'Salah ketik nomor' });
    expect([cso.status, cso.body.error.code]).toEqual([403, 'NOT_AN_ADMIN']);
    const bad = await correct(tok.kppnAdmin, { email: 'bukan-email', reason: 'x' });
    expect([bad.status, bad.body.error.details.map((d: { field: string }) => d.field)]).toEqual([
      400,
      ['email', 'reason'],
    ]);
    const status = await correct(tok.kppnAdmin, { phone: '081299990000', reason: 'Salah ketik nomor', status: 2 });
    expect(status.status).toBe(400);
    expect(await state()).toEqual(before);
  });

  it('corrects phone and e-mail with a reason, audited, the MyIntress status untouched', async () => {
    const listed = await t.http
      .get('/api/v1/admin/memberships')
      .query({ satker: w.satker.code })
      .set(auth(tok.kppnAdmin));
    const row = listed.body.find((m: { id: string }) => m.id === membershipId);
    expect(row).toMatchObject({
      name: w.satkerUser.name,
      status: 2,
      nikMasked: `${w.satkerUser.nik.slice(0, 4)}********${w.satkerUser.nik.slice(12)}`,
    });
    const done = await correct(tok.kppnAdmin, {
      phone: '081299990000',
      email: 'operator.baru@satker.go.id',
      reason: 'Nomor dan e-mail di formulir salah ketik',
    });
    expect([done.status, done.body.phone, done.body.email, done.body.status]).toEqual([
      200,
      '081299990000',
      'operator.baru@satker.go.id',
      2,
    ]);
    const byKanwil = await correct(tok.kanwilAdmin, { phone: '081299990001', reason: 'Koreksi dari Kanwil' });
    expect(byKanwil.body.phone).toBe('081299990001');
    expect(await state()).toEqual({
      status: 2,
      phone: '081299990001',
      email: 'operator.baru@satker.go.id',
      audit: 2,
      history: 2,
    });
    const audit = await t.db.query(
      `SELECT action, before, after, reason FROM audit_log WHERE entity_type = 'MEMBERSHIP' AND entity_key = $1 ORDER BY id`,
      [`${w.satker.code}/${w.satkerUser.nik}`],
    );
    expect(audit[0]).toEqual({
      action: 'MEMBERSHIP_CONTACT_CORRECTED',
      before: { phone: '081200000000', email: 'op@contoh.go.id' },
      after: { phone: '081299990000', email: 'operator.baru@satker.go.id' },
      reason: 'Nomor dan e-mail di formulir salah ketik',
    });
  });
});
