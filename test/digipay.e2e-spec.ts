import type { TestApp } from './support/app';
import { auth, binaryParser, footprint, login, sendEvent, startSuite, type Suite } from './support/api';
import { makePdf, makePng, truncate } from './support/pdf';
import { createPerson, type Person, type World } from './support/world';

describe('Digipay: admin registration by ticket, roles inside Digipay, progress per satker', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];

  beforeAll(async () => ({ t, w, tok } = await startSuite()));
  afterAll(() => t.close());

  const fileAdmin = (person: Person, ktp: Buffer, ktpName = 'ktp.png') =>
    t.http
      .post('/api/v1/tickets')
      .set(auth(tok.satker))
      .field('service', 'DIGIPAY_ADMIN')
      .field(
        'form',
        JSON.stringify({
          nik: person.nik,
          nama: person.name,
          telepon: '081311112222',
          email: `${person.nik}@contoh.go.id`,
        }),
      )
      .attach('FORM_REGISTRASI_ADMIN', makePdf({ title: 'Form registrasi' }), 'form.pdf')
      .attach('SK_PENUNJUKAN', makePdf({ title: 'SK' }), 'sk.pdf')
      .attach('KTP', ktp, ktpName);
  const person = (nama: string, nik: string) => ({ nik, nama, email: `${nik}@contoh.go.id`, telepon: '081322223333' });

  it('checks the KTP scan by content: PNG accepted, other types and cut-off images refused', async () => {
    const someone = await createPerson(t.db, 'Calon Admin Ditolak');
    const before = await footprint(t, w.satker.id);
    const text = await fileAdmin(someone, Buffer.from('bukan gambar'), 'ktp.png');
    expect([text.status, text.body.error.code]).toEqual([415, 'UNSUPPORTED_FILE_TYPE']);
    const cut = await fileAdmin(someone, truncate(makePng(), 30));
    expect([cut.status, cut.body.error.code]).toEqual([422, 'IMAGE_TRUNCATED']);
    expect(await footprint(t, w.satker.id)).toEqual(before);
  });

  it('runs the whole Digipay set-up, each role doing only its own step', async () => {
    const admin = await createPerson(t.db, 'Admin Digipay Satker');
    const filed = await fileAdmin(admin, makePng());
    expect([filed.status, filed.body.subject]).toEqual([201, `Registrasi Admin Digipay Satker ${w.satker.name}`]);
    const ktp = filed.body.attachments.find((a: { kind: string }) => a.kind === 'KTP');
    const download = await t.http
      .get(ktp.downloadUrl)
      .set(auth(tok.cso))
      .buffer(true)
      .parse(binaryParser as never);
    expect(download.headers['content-type']).toBe('image/png');
    const claimed = await sendEvent(t, tok.cso, filed.body.id, 1, { type: 'CLAIM' });
    expect((await sendEvent(t, tok.cso, filed.body.id, claimed.body.version, { type: 'COMPLETE' })).body.status).toBe(
      'SELESAI',
    );
    const [notice] = await t.db.query(
      `SELECT recipient FROM outbox WHERE ticket_id = $1 AND topic = 'digipay.admin-active'`,
      [filed.body.id],
    );
    expect(notice.recipient).toBe(`${admin.nik}@contoh.go.id`);

    const adminToken = await login(t, admin);
    const pp = await createPerson(t.db, 'Pejabat Pengadaan');
    const ppk = await createPerson(t.db, 'Pejabat Pembuat Komitmen');
    const roles: Array<[string, Person]> = [
      ['PPK', ppk],
      ['PEMESAN', await createPerson(t.db, 'Pemesan')],
      ['PEJABAT_PENGADAAN', pp],
      ['PENERIMA', await createPerson(t.db, 'Penerima')],
      ['BENDAHARA', await createPerson(t.db, 'Bendahara')],
    ];
    const ppkToken = await login(t, ppk);
    const early = await t.http
      .post(`/api/v1/digipay/satkers/${w.satker.code}/users`)
      .set(auth(ppkToken))
      .send({ role: 'PEMESAN', ...person('X', admin.nik) });
    expect([early.status, early.body.error.code]).toEqual([403, 'DIGIPAY_ROLE_REQUIRED']);
    for (const [role, p] of roles) {
      const res = await t.http
        .post(`/api/v1/digipay/satkers/${w.satker.code}/users`)
        .set(auth(adminToken))
        .send({ role, ...person(p.name, p.nik) });
      expect([res.status, res.body.role]).toEqual([201, role]);
    }
    const badRole = await t.http
      .post(`/api/v1/digipay/satkers/${w.satker.code}/users`)
      .set(auth(adminToken))
      .send({ role: 'DIREKTUR', ...person('Y', ppk.nik) });
    expect([badRole.status, badRole.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);

    const vendorAdmin = await createPerson(t.db, 'Admin Vendor');
    const vendor = {
      nama: 'CV Maju Jaya',
      nib: '9120001234567',
      npwp: '01.234.567.8-901.000',
      tdp: 'TDP-77',
      skkpp: 'SKKPP-12',
      telepon: '0435888999',
      email: 'cv.maju@contoh.co.id',
      admin: person('Admin Vendor', vendorAdmin.nik),
    };
    const byPpk = await t.http
      .post(`/api/v1/digipay/satkers/${w.satker.code}/vendors`)
      .set(auth(ppkToken))
      .send(vendor);
    expect([byPpk.status, byPpk.body.error.code]).toEqual([403, 'DIGIPAY_ROLE_REQUIRED']);
    const ppToken = await login(t, pp);
    const invalid = await t.http
      .post(`/api/v1/digipay/satkers/${w.satker.code}/vendors`)
      .set(auth(ppToken))
      .send({ ...vendor, nib: '123', npwp: 'abc' });
    expect(invalid.body.error.details.map((d: { field: string }) => d.field)).toEqual(['nib', 'npwp']);
    const registered = await t.http
      .post(`/api/v1/digipay/satkers/${w.satker.code}/vendors`)
      .set(auth(ppToken))
      .send(vendor);
    expect(registered.status).toBe(201);
    const again = await t.http.post(`/api/v1/digipay/satkers/${w.satker.code}/vendors`).set(auth(ppToken)).send(vendor);
    expect([again.status, again.body.error.code]).toEqual([409, 'VENDOR_EXISTS']);

    const vendorUrl = `/api/v1/digipay/vendors/${registered.body.vendorId}/users`;
    const byPp = await t.http
      .post(vendorUrl)
      .set(auth(ppToken))
      .send({ role: 'STAF_VENDOR', ...person('Staf', ppk.nik) });
    expect([byPp.status, byPp.body.error.code]).toEqual([403, 'DIGIPAY_ROLE_REQUIRED']);
    const vendorToken = await login(t, vendorAdmin);
    for (const role of ['STAF_VENDOR', 'KURIR_VENDOR']) {
      expect(
        (
          await t.http
            .post(vendorUrl)
            .set(auth(vendorToken))
            .send({ role, ...person(role, (await createPerson(t.db, role)).nik) })
        ).status,
      ).toBe(201);
    }

    // The KPPN's progress view: complete but for transactions, until the CSV import.
    const progress = async (query = {}) =>
      (await t.http.get('/api/v1/digipay/progress').query(query).set(auth(tok.cso))).body.find(
        (r: { kodeSatker: string }) => r.kodeSatker === w.satker.code,
      );
    expect(await progress()).toMatchObject({
      adminTerdaftar: true,
      peranSatkerTerisi: 5,
      jumlahVendor: 1,
      jumlahTransaksi: 0,
      tertinggal: true,
    });
    const csv = (body: string) =>
      t.http.post('/api/v1/digipay/transactions').set(auth(tok.cso)).attach('CSV', Buffer.from(body), 'transaksi.csv');
    const bad = await csv(
      `kode_satker,bulan,jumlah\n${w.satker.code},2026-10,12\n${w.otherSatker.code},2026-10,3\n${w.satker.code},2026-13,1\n`,
    );
    expect([bad.status, bad.body.error.code]).toEqual([422, 'INVALID_CSV']);
    expect(bad.body.error.details.map((d: { line: number }) => d.line)).toEqual([3, 4]);
    expect((await progress()).jumlahTransaksi).toBe(0);
    expect(
      (await csv(`kode_satker,bulan,jumlah\r\n${w.satker.code},2026-10,12\r\n${w.satker.code},2026-11,7\r\n`)).body,
    ).toEqual({ imported: 2 });
    expect(await progress()).toMatchObject({ jumlahTransaksi: 19, tertinggal: false });
    expect(await progress({ tertinggal: 'true' })).toBeUndefined();

    // A vendor's admin proposed as the satker's Digipay admin: SELESAI fails and nothing changes.
    const conflicted = await fileAdmin(
      vendorAdmin,
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200), Buffer.from([0xff, 0xd9])]),
      'ktp.jpg',
    );
    expect(conflicted.status).toBe(201);
    expect(conflicted.body.attachments.find((a: { kind: string }) => a.kind === 'KTP').contentType).toBe('image/jpeg');
    const sla = await t.http.get(`/api/v1/tickets/${conflicted.body.id}/sla`).set(auth(tok.cso));
    expect(sla.body.clocks.map((c: { clock: string; targetMinutes: number }) => [c.clock, c.targetMinutes])).toEqual([
      ['RESPONSE', 240],
      ['RESOLUTION', 450],
    ]);
    const claimedAgain = await sendEvent(t, tok.cso, conflicted.body.id, 1, { type: 'CLAIM' });
    const failed = await sendEvent(t, tok.cso, conflicted.body.id, claimedAgain.body.version, { type: 'COMPLETE' });
    expect([failed.status, failed.body.error.code]).toEqual([422, 'OUTCOME_FAILED']);
    const admins = await t.db.query(
      `SELECT nik FROM digipay_users WHERE satker_id = $1 AND role = 'ADMIN_SATKER' AND status = 'AKTIF'`,
      [w.satker.id],
    );
    expect(admins).toEqual([{ nik: admin.nik }]);
    const notices = await t.db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE ticket_id = $1 AND topic = 'digipay.admin-active'`,
      [conflicted.body.id],
    );
    expect(notices[0].n).toBe(0);
    const notStaff = await t.http.get('/api/v1/digipay/progress').set(auth(tok.satker));
    expect([notStaff.status, notStaff.body.error.code]).toEqual([403, 'NOT_KPPN_STAFF']);
  });
  it('reads the transactions CSV as Excel writes it: BOM, semicolons, quoted cells; bad rows by line, nothing saved', async () => {
    const [{ id, code }] = await t.db.query(
      `INSERT INTO satkers (code, name, kppn_id) SELECT lpad((floor(random() * 900000) + 100000)::int::text, 6, '0'), 'Satker CSV Excel', $1
       ON CONFLICT DO NOTHING RETURNING id, code`,
      [w.kppnId],
    );
    const total = async () =>
      (
        await t.db.query(`SELECT coalesce(sum(count), 0)::int AS n FROM digipay_transactions WHERE satker_id = $1`, [
          id,
        ])
      )[0].n;
    const upload = (body: string | Buffer) =>
      t.http
        .post('/api/v1/digipay/transactions')
        .set(auth(tok.cso))
        .attach('CSV', Buffer.isBuffer(body) ? body : Buffer.from(body), 'transaksi.csv');
    const bom = '\uFEFF';
    const bad = await upload(
      `${bom}Kode_Satker;Bulan;Jumlah\r\n"${code}";2026-09;5\r\n${code};"2026-10";"1;2"\r\n${code};2026-11\r\n`,
    );
    expect([bad.status, bad.body.error.code]).toEqual([422, 'INVALID_CSV']);
    expect(bad.body.error.details).toEqual([
      { line: 3, problem: 'jumlah 1;2 harus bilangan bulat tidak negatif' },
      { line: 4, problem: 'harus tepat 3 kolom, ada 2' },
    ]);
    const unclosed = await upload(`kode_satker,bulan,jumlah\n${code},2026-09,"5\n`);
    expect([unclosed.status, unclosed.body.error.details]).toEqual([
      422,
      [{ line: 2, problem: 'tanda kutip tidak ditutup' }],
    ]);
    const latin1 = await upload(Buffer.from(`kode_satker,bulan,jumlah\n${code},2026-09,5 \xe9\n`, 'latin1'));
    expect([latin1.status, latin1.body.error.code]).toEqual([422, 'INVALID_CSV']);
    expect(await total()).toBe(0);
    const ok = await upload(`${bom}kode_satker;bulan;jumlah\r\n"${code}";2026-09;5\r\n\r\n${code};"2026-10";" 7 "\r\n`);
    expect([ok.status, ok.body]).toEqual([201, { imported: 2 }]);
    expect(await total()).toBe(12);
  });
});
