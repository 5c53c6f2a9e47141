import { adminFootprint, startAdminSuite, uniqueCode, type AdminSuite } from '../support/admin';
import { makePng } from '../support/pdf';
import { csrfOf, portalLogin, type PortalAgent } from '../support/portal';
import { randomNik } from '../support/world';

const masked = (nik: string) => `${nik.slice(0, 4)}********${nik.slice(12)}`;

describe('portal: administration pages over HTTP', () => {
  let s: AdminSuite;
  let national: PortalAgent;
  let kppnAdmin: PortalAgent;
  const post = async (agent: PortalAgent, page: string, action: string, body: Record<string, string>) =>
    agent
      .post(action)
      .type('form')
      .send({ _csrf: csrfOf((await agent.get(page)).text), ...body });

  beforeAll(async () => {
    s = await startAdminSuite();
    [national, kppnAdmin] = await Promise.all([portalLogin(s.t, s.admins.national), portalLogin(s.t, s.admins.kppn)]);
  });
  afterAll(() => s.t.close());

  it('shows the Administrasi menu to admins only', async () => {
    expect((await national.get('/admin')).text).toContain('href="/admin/kantor"');
    expect((await kppnAdmin.get('/')).text).toContain('href="/admin"');
    const cso = await portalLogin(s.t, s.w.cso);
    expect((await cso.get('/')).text).not.toContain('href="/admin"');
    expect((await cso.get('/admin/staf')).status).toBe(403);
  });

  it('creates a KPPN with its letterhead and logo by forms, and shows a refused form again with the problems', async () => {
    const code = uniqueCode('KP');
    const body = {
      code,
      kind: 'KPPN',
      name: `KPPN Portal ${code}`,
      parentCode: s.codes.kanwil,
      timeZone: 'Asia/Jayapura',
      street: 'Jalan Percetakan 2',
      city: 'Jayapura',
      letterCode: '',
    };
    const bad = await post(national, '/admin/kantor/baru', '/admin/kantor/baru', { ...body, email: 'bukan-email' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('value="Jalan Percetakan 2"');
    expect(bad.text).toMatch(/id="f-email-galat"/);
    expect(await adminFootprint(s.t, { offices: [code] })).toMatchObject({ offices: null, audit: 0 });
    const ok = await post(national, '/admin/kantor/baru', '/admin/kantor/baru', body);
    expect([ok.status, ok.headers.location]).toEqual([303, `/admin/kantor/${code}?ok=dibuat`]);
    const page = await national.get(ok.headers.location);
    expect(page.text).toContain('Kantor tersimpan.');
    const logo = await national
      .post(`/admin/kantor/${code}/logo`)
      .field('_csrf', csrfOf(page.text))
      .attach('logo', makePng(), { filename: 'logo.png', contentType: 'image/png' });
    expect(logo.status).toBe(303);
    expect((await national.get(`/admin/kantor/${code}`)).text).toContain(`src="/admin/kantor/${code}/logo"`);
  });

  it('moves a satker by its form only with a reason', async () => {
    const page = `/admin/satker/${s.w.otherSatker.code}`;
    const form = { name: s.w.otherSatker.name, kppnCode: s.codes.kppn, managesUp: 'ya' };
    const refused = await post(national, page, page, form);
    expect([refused.status, refused.text.includes('Alasan pemindahan satker ke KPPN lain wajib diisi.')]).toEqual([
      400,
      true,
    ]);
    const moved = await post(national, page, page, { ...form, reason: 'Penataan wilayah' });
    expect(moved.status).toBe(303);
    expect((await national.get(page)).text).toContain(`(${s.codes.kppn})`);
  });

  it('gives and takes roles by forms; the audit page masks NIKs', async () => {
    const nik = randomNik();
    const given = await post(kppnAdmin, '/admin/staf/baru', '/admin/staf/baru', {
      nik,
      name: 'Petugas Portal',
      email: 'petugas.portal@kemenkeu.go.id',
      officeCode: s.codes.kppn,
      role: 'CSO',
      reason: 'tambahan petugas',
    });
    expect(given.status).toBe(303);
    const list = await kppnAdmin.get(given.headers.location);
    expect(list.text).toContain('Identitas DIGIT dibuat dan e-mail aktivasi dikirim.');
    expect(list.text).toContain(masked(nik));
    expect(list.text).not.toContain(nik);
    const [{ id }] = await s.t.db.query(`SELECT id FROM persons WHERE nik = $1`, [nik]);
    const taken = await post(kppnAdmin, '/admin/staf', `/admin/staf/${id}/cabut`, {
      officeCode: s.codes.kppn,
      role: 'CSO',
      reason: 'salah input',
    });
    expect(taken.status).toBe(303);
    expect((await kppnAdmin.get(taken.headers.location)).text).toContain('Peran dicabut');
    const audit = await kppnAdmin.get(`/admin/log-audit?jenis=STAFF_ROLE&pelaku=${encodeURIComponent('Admin KPPN')}`);
    expect(audit.text).toContain('STAFF_ROLE_REVOKED');
    expect(audit.text).toContain(masked(nik));
    expect(audit.text).not.toContain(nik);
    const csv = await national.get(
      `/admin/log-audit/unduh?aksi=STAFF_ROLE_REVOKED&pelaku=${encodeURIComponent('Admin KPPN')}`,
    );
    expect(csv.text).toContain(nik);
  });

  it('lets a KPPN admin add a local holiday and hour override on its own calendar page', async () => {
    const page = `/admin/kalender?kantor=${s.codes.kppn}`;
    const holiday = await post(kppnAdmin, page, '/admin/kalender/libur', {
      kantor: s.codes.kppn,
      date: '2026-12-03',
      name: 'Libur lokal portal',
    });
    expect(holiday.status).toBe(303);
    const override = await post(kppnAdmin, page, '/admin/kalender/jam-khusus', {
      kantor: s.codes.kppn,
      name: 'Jam Ramadan',
      from: '2027-02-08',
      to: '2027-03-09',
      skBuka: '08:00',
      skIstirahat: '12:00',
      skMasuk: '12:30',
      skTutup: '15:00',
      jBuka: '08:00',
      jIstirahat: '11:30',
      jMasuk: '13:00',
      jTutup: '15:30',
    });
    expect(override.status).toBe(303);
    const shown = await kppnAdmin.get(page);
    expect(shown.text).toContain('Libur lokal portal');
    expect(shown.text).toContain('Jam Ramadan');
    const bad = await post(kppnAdmin, page, '/admin/kalender/jam-khusus', {
      kantor: s.codes.kppn,
      name: 'Salah',
      from: '2027-02-08',
      to: '2027-03-09',
      skBuka: '8 pagi',
      skIstirahat: '12:00',
      skMasuk: '12:30',
      skTutup: '15:00',
      jBuka: '08:00',
      jIstirahat: '11:30',
      jMasuk: '13:00',
      jTutup: '15:30',
    });
    expect([bad.status, bad.text.includes('Jam harus ditulis JJ:MM')]).toEqual([400, true]);
    expect((await kppnAdmin.get(`/admin/kalender?kantor=${s.codes.otherKppn}`)).status).toBe(404);
  });
});
