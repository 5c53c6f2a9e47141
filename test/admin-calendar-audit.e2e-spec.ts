import { auth } from './support/api';
import { startAdminSuite, type AdminSuite } from './support/admin';
import { randomNik } from './support/world';

const WEEKLY = {
  1: [
    [480, 720],
    [780, 900],
  ],
  2: [
    [480, 720],
    [780, 900],
  ],
  3: [
    [480, 720],
    [780, 900],
  ],
  4: [
    [480, 720],
    [780, 900],
  ],
  5: [
    [480, 690],
    [780, 930],
  ],
};

describe('admin: office calendars and the audit log', () => {
  let s: AdminSuite;
  const http = () => s.t.http;
  const calendarState = async () =>
    (
      await s.t.db.query(
        `SELECT (SELECT count(*) FROM calendars WHERE code = $1)::int AS own, (SELECT count(*) FROM holidays h JOIN calendars c ON c.id = h.calendar_id
       WHERE c.code IN ($1, 'STANDAR-WITA', 'STANDAR-WIB'))::int AS local, (SELECT version FROM calendars WHERE code = 'STANDAR-WITA') AS wita,
       (SELECT count(*) FROM holidays WHERE calendar_id IS NULL)::int AS national`,
        [`KANTOR-${s.codes.kppn.toUpperCase()}`],
      )
    )[0];

  beforeAll(async () => {
    s = await startAdminSuite();
  });
  afterAll(() => s.t.close());

  it("lets a KPPN admin keep its own office's local holidays and hour overrides, and nothing else", async () => {
    const url = `/api/v1/admin/offices/${s.codes.kppn}/calendar`;
    const shared = await http().get(url).set(auth(s.adm.kppn));
    expect(shared.body.calendar).toMatchObject({ code: 'STANDAR-WITA', own: false });

    const before = await calendarState();
    const refusals = [
      [
        await http().post(`${url}/holidays`).set(auth(s.adm.kppn)).send({ date: '2026-02-30', name: 'Tidak ada' }),
        400,
        'INVALID_CALENDAR_CHANGE',
      ],
      [
        await http()
          .post(`/api/v1/admin/offices/${s.codes.otherKppn}/calendar/holidays`)
          .set(auth(s.adm.kppn))
          .send({ date: '2026-12-02', name: 'x' }),
        404,
        'OFFICE_NOT_FOUND',
      ],
      [
        await http()
          .post('/api/v1/calendars/holidays')
          .set(auth(s.adm.kppn))
          .send({ date: '2026-12-02', name: 'x', kind: 'LIBUR_NASIONAL' }),
        403,
        'NOT_AN_ADMIN',
      ],
      [
        await http()
          .post('/api/v1/calendars/holidays')
          .set(auth(s.adm.kppn))
          .send({ date: '2026-12-02', name: 'x', kind: 'LOKAL', calendarCode: 'STANDAR-WITA' }),
        404,
        'CALENDAR_NOT_FOUND',
      ],
      [
        await http().put('/api/v1/calendars/STANDAR-WITA/weekly').set(auth(s.adm.kppn)).send({ weekly: WEEKLY }),
        403,
        'NOT_AN_ADMIN',
      ],
      [
        await http().post(`${url}/holidays`).set(auth(s.tok.cso)).send({ date: '2026-12-02', name: 'x' }),
        403,
        'NOT_AN_ADMIN',
      ],
    ] as const;
    for (const [res, status, code] of refusals) expect([res.status, res.body.error?.code]).toEqual([status, code]);
    expect(await calendarState()).toEqual(before);

    const added = await http()
      .post(`${url}/holidays`)
      .set(auth(s.adm.kppn))
      .send({ date: '2026-12-01', name: 'Hari jadi kota' });
    expect(added.status).toBe(201);
    const own = `KANTOR-${s.codes.kppn.toUpperCase()}`;
    const override = await http()
      .post(`/api/v1/calendars/${own}/overrides`)
      .set(auth(s.adm.kanwil))
      .send({ name: 'Jam layanan Ramadan', from: '2027-02-08', to: '2027-03-09', weekly: WEEKLY });
    expect(override.status).toBe(201);
    const outsider = await http()
      .post(`/api/v1/calendars/${own}/overrides`)
      .set(auth(s.adm.otherKanwil))
      .send({ name: 'Diambil', from: '2027-02-08', to: '2027-03-09', weekly: WEEKLY });
    expect([outsider.status, outsider.body.error.code]).toEqual([404, 'CALENDAR_NOT_FOUND']);
    const mine = await http().get(url).set(auth(s.adm.kppn));
    expect(mine.body.calendar).toMatchObject({ code: own, own: true, timeZone: 'Asia/Makassar' });
    expect(mine.body.localHolidays).toEqual([{ date: '2026-12-01', name: 'Hari jadi kota' }]);
    expect(mine.body.overrides).toEqual([
      expect.objectContaining({ name: 'Jam layanan Ramadan', from: '2027-02-08', to: '2027-03-09' }),
    ]);
    const otherOffice = await http()
      .get(`/api/v1/admin/offices/${s.codes.otherKppn}/calendar`)
      .set(auth(s.adm.national));
    expect(otherOffice.body.localHolidays).toEqual([]);

    const audit = await http().get(`/api/v1/admin/audit?entityType=CALENDAR&entityKey=${own}`).set(auth(s.adm.kppn));
    expect(audit.body.items.map((i: { action: string }) => i.action)).toEqual([
      'CALENDAR_OVERRIDE_ADDED',
      'CALENDAR_HOLIDAY_ADDED',
    ]);
  });

  it('lists audit entries in scope with filters, NIKs masked, full in the CSV only for Kantor Pusat', async () => {
    const nik = randomNik();
    const grant = await http().post('/api/v1/admin/staff').set(auth(s.adm.kanwil)).send({
      nik,
      name: 'Petugas Audit',
      email: 'petugas.audit@kemenkeu.go.id',
      officeCode: s.codes.kppn,
      role: 'SUPERVISOR',
      reason: 'penugasan',
    });
    expect(grant.status).toBe(201);
    const q = `entityType=STAFF_ROLE&action=STAFF_ROLE_GRANTED&entityKey=${nik}`;
    const seen = await http().get(`/api/v1/admin/audit?${q}`).set(auth(s.adm.kppn));
    const masked = `${nik.slice(0, 4)}********${nik.slice(12)}`;
    expect(seen.body.items).toEqual([
      expect.objectContaining({
        action: 'STAFF_ROLE_GRANTED',
        entityKey: `${masked}/${s.codes.kppn}/SUPERVISOR`,
        actorName: 'Admin Kanwil',
        officeCode: s.codes.kppn,
        reason: 'penugasan',
        after: expect.objectContaining({ nik: masked }),
      }),
    ]);
    expect(JSON.stringify(seen.body)).not.toContain(nik);
    expect(seen.body.items[0].actorNik).toBe(
      `${s.admins.kanwil.nik.slice(0, 4)}********${s.admins.kanwil.nik.slice(12)}`,
    );

    expect((await http().get(`/api/v1/admin/audit?${q}`).set(auth(s.adm.otherKanwil))).body.items).toEqual([]);
    expect((await http().get(`/api/v1/admin/audit?${q}&from=2099-01-01`).set(auth(s.adm.national))).body.items).toEqual(
      [],
    );
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect(
      (await http().get(`/api/v1/admin/audit?${q}&from=${today}&to=${today}`).set(auth(s.adm.national))).body.items,
    ).toHaveLength(1);

    const regional = await http().get(`/api/v1/admin/audit?${q}&format=csv`).set(auth(s.adm.kanwil));
    expect(regional.headers['content-type']).toContain('text/csv');
    expect(regional.text.split('\r\n')[0]).toBe(
      'waktu,nik_pelaku,nama_pelaku,kantor,aksi,jenis_data,kunci_data,sebelum,sesudah,alasan',
    );
    expect(regional.text).toContain(masked);
    expect(regional.text).not.toContain(nik);
    const national = await http().get(`/api/v1/admin/audit?${q}&format=csv`).set(auth(s.adm.national));
    expect(national.text).toContain(`${nik}/${s.codes.kppn}/SUPERVISOR`);
    expect(national.text).toContain(s.admins.kanwil.nik);

    const bad = await http().get('/api/v1/admin/audit?from=kemarin').set(auth(s.adm.national));
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await http().get('/api/v1/admin/audit').set(auth(s.tok.cso))).status).toBe(403);
  });
});
