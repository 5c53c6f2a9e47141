import { randomInt } from 'node:crypto';
import { todayWib } from '@loket/admin';
import type { TestApp } from '../support/app';
import { startSuite } from '../support/api';
import { csrfOf, portalLogin, type PortalAgent } from '../support/portal';
import { createNationalAdmin, createPerson, type World } from '../support/world';

// The admin pages work with plain HTML forms: no JavaScript, one multipart upload, two submit buttons.
describe('portal admin pages: CSV import, service SLA settings, membership contacts', () => {
  let t: TestApp;
  let w: World;
  let kppnAdmin: PortalAgent;
  let national: PortalAgent;
  let kppn: string;

  beforeAll(async () => {
    ({ t, w } = await startSuite());
    const admin = await createPerson(t.db, 'Admin KPPN Portal');
    await t.db.query(`INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'ADMIN')`, [
      admin.id,
      w.kppnId,
    ]);
    kppnAdmin = await portalLogin(t, admin);
    national = await portalLogin(t, await createNationalAdmin(t.db, 'Admin Pusat Portal'));
    [{ code: kppn }] = await t.db.query(`SELECT code FROM offices WHERE id = $1`, [w.kppnId]);
  });
  afterAll(() => t.close());

  const importCsv = async (agent: PortalAgent, jenis: string, mode: string, csv: string) => {
    const page = await agent.get('/admin/impor').expect(200);
    return agent
      .post('/admin/impor')
      .field('_csrf', csrfOf(page.text))
      .field('jenis', jenis)
      .field('mode', mode)
      .attach('CSV', Buffer.from(csv), { filename: 'data.csv', contentType: 'text/csv' });
  };

  it('checks a file, lists its bad rows, then imports it; other people get no admin page', async () => {
    const cso = await portalLogin(t, w.cso);
    for (const page of ['/admin/impor', '/admin/keanggotaan', '/admin/layanan'])
      expect([page, (await cso.get(page)).status]).toEqual([page, 403]);
    expect((await national.get('/admin')).text).toContain('href="/admin/impor"');
    const code = String(randomInt(100000, 1000000));
    const bad = await importCsv(
      national,
      'satkers',
      'uji',
      `kode_satker;nama;kode_kppn\n${code};"Satker Portal; Uji";${kppn}\n12;X;${kppn}\n`,
    );
    expect(bad.status).toBe(200);
    expect(bad.text).toContain('Hasil pemeriksaan (uji coba: tidak ada data yang diubah)');
    expect(bad.text).toMatch(/<td>3<\/td><td>kode satker &quot;12&quot; harus 6 digit angka<\/td>/);
    const refused = await importCsv(
      national,
      'satkers',
      'impor',
      `kode_satker;nama;kode_kppn\n${code};"Satker Portal; Uji";${kppn}\n12;X;${kppn}\n`,
    );
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Tidak ada data yang diubah');
    expect(await t.db.query(`SELECT 1 FROM satkers WHERE code = $1`, [code])).toEqual([]);
    const done = await importCsv(
      national,
      'satkers',
      'impor',
      `kode_satker;nama;kode_kppn\n${code};"Satker Portal; Uji";${kppn}\n`,
    );
    expect(done.text).toContain('Impor selesai');
    expect(await t.db.query(`SELECT name FROM satkers WHERE code = $1`, [code])).toEqual([
      { name: 'Satker Portal; Uji' },
    ]);
    // A KPPN admin manages staff, not satkers: the same row is outside its scope.
    const kppnTry = await importCsv(kppnAdmin, 'satkers', 'uji', `kode_satker;nama;kode_kppn\n${code};Lain;${kppn}\n`);
    expect(kppnTry.text).toContain(`KPPN ${kppn} tidak ditemukan atau di luar wewenang Anda`);
  });

  it('shows SLA settings to every admin and lets only Kantor Pusat schedule a version', async () => {
    const list = await kppnAdmin.get('/admin/layanan').expect(200);
    expect(list.text).toContain('PENGADUAN');
    const form = await kppnAdmin.get('/admin/layanan/PENGADUAN').expect(200);
    expect(form.text).toContain('Perubahan pengaturan SLA dilakukan oleh admin Kantor Pusat.');
    const page = await national.get('/admin/layanan/PENGADUAN').expect(200);
    const bad = await national
      .post('/admin/layanan/PENGADUAN')
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        berlaku: '2020-01-01',
        responsSatuan: 'HARI',
        responsNilai: '1',
        selesaiSatuan: 'HARI',
        selesaiNilai: '5',
        peringatanSatuan: 'PERSEN',
        peringatanNilai: '75',
        alasan: 'x',
      });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain(`tidak boleh sebelum hari ini (${todayWib()})`);
    expect(bad.text).toContain('alasan perubahan wajib diisi');
  });

  it("corrects a member's contact from the admin side", async () => {
    const list = await kppnAdmin.get('/admin/keanggotaan').query({ satker: w.satker.code }).expect(200);
    const id = /href="\/admin\/keanggotaan\/([0-9a-f-]{36})"/.exec(list.text)![1];
    const form = await kppnAdmin.get(`/admin/keanggotaan/${id}`).expect(200);
    const bad = await kppnAdmin
      .post(`/admin/keanggotaan/${id}`)
      .type('form')
      .send({ _csrf: csrfOf(form.text), telepon: '081277776666', email: 'baru@satker.go.id', alasan: '' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Alasan koreksi wajib diisi');
    const ok = await kppnAdmin
      .post(`/admin/keanggotaan/${id}`)
      .type('form')
      .send({
        _csrf: csrfOf(form.text),
        telepon: '081277776666',
        email: 'baru@satker.go.id',
        alasan: 'Nomor lama tidak aktif',
      });
    expect([ok.status, ok.headers.location]).toEqual([303, `/admin/keanggotaan?satker=${w.satker.code}&ok=1`]);
    expect(await t.db.query(`SELECT phone, email, status FROM myintress_memberships WHERE id = $1`, [id])).toEqual([
      { phone: '081277776666', email: 'baru@satker.go.id', status: 2 },
    ]);
  });
});
