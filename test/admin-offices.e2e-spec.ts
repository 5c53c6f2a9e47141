import { binaryParser, claimedRegistration, newUser } from './support/api';
import { adminFootprint, auditOf, auth, startAdminSuite, uniqueCode, type AdminSuite } from './support/admin';
import { makePdf, makePng, truncate } from './support/pdf';

const kppnBody = (code: string, parentCode: string) => ({
  code,
  kind: 'KPPN',
  name: `KPPN Uji ${code}`,
  parentCode,
  timeZone: 'Asia/Jayapura',
  street: 'Jalan Ahmad Yani Nomor 11',
  city: 'Jayapura',
  phone: '(0967) 533123',
  fax: '(0967) 533124',
  email: 'kppn.uji@kemenkeu.go.id',
  website: 'djpb.kemenkeu.go.id/kppn/uji',
  letterCode: 'KP.0201',
});

describe('admin: offices and letterheads', () => {
  let s: AdminSuite;
  const http = () => s.t.http;

  beforeAll(async () => {
    s = await startAdminSuite();
  });
  afterAll(() => s.t.close());

  it('lets a Kantor Pusat admin create a Kanwil and a WIT KPPN under it, each audited', async () => {
    const kanwil = uniqueCode('KW');
    const created = await http().post('/api/v1/admin/offices').set(auth(s.adm.national)).send({
      code: kanwil,
      kind: 'KANWIL',
      name: 'Kanwil DJPb Provinsi Papua Uji',
      timeZone: 'Asia/Jayapura',
      letterCode: 'WPB.31',
      reason: 'pembukaan',
    });
    expect([created.status, created.body.kind, created.body.parentCode]).toEqual([201, 'KANWIL', null]);
    const kppn = uniqueCode('KP');
    const res = await http().post('/api/v1/admin/offices').set(auth(s.adm.national)).send(kppnBody(kppn, kanwil));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: kppn,
      kind: 'KPPN',
      parentCode: kanwil,
      timeZone: 'Asia/Jayapura',
      city: 'Jayapura',
      hasLogo: false,
    });
    const audit = await auditOf(s.t, 'OFFICE', kppn);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'OFFICE_CREATED', actorId: s.admins.national.id, office: kppn, before: null }),
    ]);
    expect(audit[0].after).toMatchObject({ code: kppn, timeZone: 'Asia/Jayapura', letterCode: 'KP.0201' });
  });

  it('lets a Kanwil admin create and edit KPPNs under it only; other kinds are for Kantor Pusat', async () => {
    const mine = uniqueCode('KP');
    expect(
      (await http().post('/api/v1/admin/offices').set(auth(s.adm.kanwil)).send(kppnBody(mine, s.codes.kanwil))).status,
    ).toBe(201);
    const edit = await http()
      .put(`/api/v1/admin/offices/${mine}`)
      .set(auth(s.adm.kanwil))
      .send({
        ...kppnBody(mine, s.codes.kanwil),
        code: undefined,
        kind: undefined,
        name: 'KPPN Uji Baru',
        reason: 'nama resmi',
      });
    expect([edit.status, edit.body.name]).toEqual([200, 'KPPN Uji Baru']);
    expect(
      (await auditOf(s.t, 'OFFICE', mine)).map((a) => [a.action, a.before?.name ?? null, a.after?.name, a.reason]),
    ).toEqual([
      ['OFFICE_CREATED', null, `KPPN Uji ${mine}`, null],
      ['OFFICE_UPDATED', `KPPN Uji ${mine}`, 'KPPN Uji Baru', 'nama resmi'],
    ]);

    const theirs = uniqueCode('KP');
    const before = await adminFootprint(s.t, { offices: [theirs, s.codes.kanwil, s.codes.otherKppn] });
    const refusals = [
      [
        await http().post('/api/v1/admin/offices').set(auth(s.adm.otherKanwil)).send(kppnBody(theirs, s.codes.kanwil)),
        404,
        'OFFICE_NOT_FOUND',
      ],
      [
        await http()
          .post('/api/v1/admin/offices')
          .set(auth(s.adm.kanwil))
          .send({ ...kppnBody(theirs, s.codes.kanwil), kind: 'PUSINTEK', parentCode: undefined }),
        403,
        'ADMIN_SCOPE',
      ],
      [
        await http()
          .put(`/api/v1/admin/offices/${s.codes.otherKppn}`)
          .set(auth(s.adm.kanwil))
          .send({ name: 'Diambil', timeZone: 'Asia/Jakarta' }),
        404,
        'OFFICE_NOT_FOUND',
      ],
      [await http().get(`/api/v1/admin/offices/${s.codes.kppn}`).set(auth(s.adm.otherKanwil)), 404, 'OFFICE_NOT_FOUND'],
      [
        await http().post('/api/v1/admin/offices').set(auth(s.tok.cso)).send(kppnBody(theirs, s.codes.kanwil)),
        403,
        'NOT_AN_ADMIN',
      ],
    ] as const;
    for (const [res, status, code] of refusals) expect([res.status, res.body.error?.code]).toEqual([status, code]);
    expect(await adminFootprint(s.t, { offices: [theirs, s.codes.kanwil, s.codes.otherKppn] })).toEqual(before);
  });

  it('shows a KPPN admin only its own office, which it may not reshape', async () => {
    const list = await http().get('/api/v1/admin/offices').set(auth(s.adm.kppn));
    expect(list.body.map((o: { code: string }) => o.code)).toEqual([s.codes.kppn]);
    const before = await adminFootprint(s.t, { offices: [s.codes.kppn] });
    const res = await http()
      .put(`/api/v1/admin/offices/${s.codes.kppn}`)
      .set(auth(s.adm.kppn))
      .send({ name: 'Ganti', parentCode: s.codes.kanwil, timeZone: 'Asia/Makassar' });
    expect([res.status, res.body.error.code]).toEqual([403, 'ADMIN_SCOPE']);
    expect(await adminFootprint(s.t, { offices: [s.codes.kppn] })).toEqual(before);
  });

  it('refuses bad input with a clear code and creates nothing', async () => {
    const code = uniqueCode('KP');
    const before = await adminFootprint(s.t, { offices: [code] });
    const cases = [
      [{ ...kppnBody(code, s.codes.kanwil), timeZone: 'Asia/Tokyo' }, 400, 'VALIDATION_FAILED'],
      [{ ...kppnBody(code, s.codes.kanwil), id: '00000000-0000-0000-0000-000000000000' }, 400, 'VALIDATION_FAILED'],
      [{ ...kppnBody(code, s.codes.kanwil), email: 'bukan-email' }, 400, 'VALIDATION_FAILED'],
      [{ ...kppnBody(code, s.codes.otherKppn) }, 400, 'INVALID_PARENT'],
      [{ ...kppnBody(s.codes.kppn, s.codes.kanwil) }, 409, 'OFFICE_EXISTS'],
    ] as const;
    for (const [body, status, err] of cases) {
      const res = await http().post('/api/v1/admin/offices').set(auth(s.adm.national)).send(body);
      expect([res.status, res.body.error?.code]).toEqual([status, err]);
    }
    expect(await adminFootprint(s.t, { offices: [code] })).toEqual(before);
  });

  it('takes a PNG logo judged by content and refuses anything else unchanged', async () => {
    const url = `/api/v1/admin/offices/${s.codes.kppn}/logo`;
    const png = makePng();
    const put = await http()
      .put(url)
      .set(auth(s.adm.kanwil))
      .attach('logo', png, { filename: 'logo.png', contentType: 'image/png' });
    expect([put.status, put.body.hasLogo]).toEqual([200, true]);
    const got = await http()
      .get(url)
      .set(auth(s.adm.kanwil))
      .buffer(true)
      .parse(binaryParser as never);
    expect([got.status, got.headers['content-type'], Buffer.compare(got.body, png)]).toEqual([200, 'image/png', 0]);
    const before = await adminFootprint(s.t, { offices: [s.codes.kppn] });
    for (const [bytes, name] of [
      [makePdf(), 'logo.png'],
      [truncate(png, png.length - 10), 'logo.png'],
    ] as const) {
      const res = await http()
        .put(url)
        .set(auth(s.adm.kanwil))
        .attach('logo', bytes, { filename: name, contentType: 'image/png' });
      expect([res.status, res.body.error.code]).toEqual([422, 'LOGO_NOT_PNG']);
    }
    expect(await adminFootprint(s.t, { offices: [s.codes.kppn] })).toEqual(before);
    expect((await auditOf(s.t, 'OFFICE', s.codes.kppn)).map((a) => a.action)).toEqual(['OFFICE_LOGO_SET']);
  });

  it("puts the office's letterhead and letter-number codes on its letters", async () => {
    await http()
      .put(`/api/v1/admin/offices/${s.codes.kanwil}`)
      .set(auth(s.adm.national))
      .send({ name: 'Kanwil DJPb Uji', timeZone: 'Asia/Makassar', letterCode: 'WPB.29' });
    const office = await http().get(`/api/v1/admin/offices/${s.codes.kppn}`).set(auth(s.adm.kanwil));
    const edit = await http().put(`/api/v1/admin/offices/${s.codes.kppn}`).set(auth(s.adm.kanwil)).send({
      name: office.body.name,
      parentCode: s.codes.kanwil,
      timeZone: 'Asia/Makassar',
      street: 'Jalan Nani Wartabone Nomor 5',
      city: 'Gorontalo',
      phone: '(0435) 821234',
      email: 'kppn.gorontalo@kemenkeu.go.id',
      letterCode: 'KP.0134',
    });
    expect(edit.status).toBe(200);
    const ticket = await claimedRegistration(s.t, s.tok.satker, s.tok.cso, [newUser('Penerima Surat')]);
    const issued = await http()
      .post(`/api/v1/tickets/${ticket.id}/letters`)
      .set(auth(s.tok.cso))
      .send({
        hal: 'Tanggapan',
        sifat: 'Biasa',
        lampiran: '-',
        yth: 'KPA',
        isi: 'Isi.',
        tembusan: [],
        penandatangan: { nama: 'Kepala KPPN', nip: '197001011990031001', jabatan: 'Kepala Kantor' },
      });
    expect(issued.body.number).toMatch(/^S-\d+\/WPB\.29\/KP\.0134\/\d{4}$/);
    const html = (
      await http()
        .get(`/api/v1/tickets/${ticket.id}/letters/${issued.body.id}?format=html`)
        .set(auth(s.tok.cso))
        .buffer(true)
        .parse(binaryParser as never)
    ).body.toString();
    expect(html).toContain('Jalan Nani Wartabone Nomor 5, Gorontalo');
    expect(html).toContain('Telepon (0435) 821234; Surel kppn.gorontalo@kemenkeu.go.id');
    expect(html).toMatch(/<img class="kop-logo" src="data:image\/png;base64,/);
  });
});
