import { randomInt } from 'node:crypto';
import { auth, claimedRegistration, fileRegistration, login, newUser, sendEvent } from './support/api';
import { adminFootprint, auditOf, startAdminSuite, type AdminSuite } from './support/admin';
import { addMembership, createPerson } from './support/world';

const satkerBody = (code: string, kppnCode: string) => ({
  code,
  name: `Satker Admin Uji ${code}`,
  kppnCode,
  klCode: '015',
  eselon1Code: '08',
  managesUp: true,
});

describe('admin: satkers', () => {
  let s: AdminSuite;
  const http = () => s.t.http;
  const freeCode = async (): Promise<string> => {
    for (;;) {
      const code = String(randomInt(100000, 1000000));
      if (!(await s.t.db.query(`SELECT 1 FROM satkers WHERE code = $1`, [code])).length) return code;
    }
  };

  beforeAll(async () => {
    s = await startAdminSuite();
  });
  afterAll(() => s.t.close());

  it('lets the Kanwil admin register a satker at its KPPN, audited; duplicates and bad codes are refused', async () => {
    const code = await freeCode();
    const res = await http().post('/api/v1/admin/satkers').set(auth(s.adm.kanwil)).send(satkerBody(code, s.codes.kppn));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code,
      kppnCode: s.codes.kppn,
      klCode: '015',
      eselon1Code: '08',
      managesUp: true,
      openTickets: 0,
    });
    expect(await auditOf(s.t, 'SATKER', code)).toEqual([
      expect.objectContaining({ action: 'SATKER_CREATED', office: s.codes.kppn, before: null }),
    ]);
    const list = await http().get(`/api/v1/admin/satkers?kppnCode=${s.codes.kppn}`).set(auth(s.adm.kppn));
    expect(list.body.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining([code, s.w.satker.code]));

    const other = await freeCode();
    const before = await adminFootprint(s.t, { satkers: [code, other], offices: [s.codes.kppn] });
    const refusals = [
      [
        await http().post('/api/v1/admin/satkers').set(auth(s.adm.kanwil)).send(satkerBody(code, s.codes.kppn)),
        409,
        'SATKER_EXISTS',
      ],
      [
        await http().post('/api/v1/admin/satkers').set(auth(s.adm.kanwil)).send(satkerBody('12345', s.codes.kppn)),
        400,
        'VALIDATION_FAILED',
      ],
      [
        await http()
          .post('/api/v1/admin/satkers')
          .set(auth(s.adm.kanwil))
          .send({ ...satkerBody(other, s.codes.kppn), klCode: '15' }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        await http().post('/api/v1/admin/satkers').set(auth(s.adm.kanwil)).send(satkerBody(other, s.codes.kanwil)),
        400,
        'NOT_A_KPPN',
      ],
      [
        await http().post('/api/v1/admin/satkers').set(auth(s.adm.kppn)).send(satkerBody(other, s.codes.kppn)),
        403,
        'ADMIN_SCOPE',
      ],
      [
        await http().post('/api/v1/admin/satkers').set(auth(s.adm.otherKanwil)).send(satkerBody(other, s.codes.kppn)),
        404,
        'OFFICE_NOT_FOUND',
      ],
      [await http().get(`/api/v1/admin/satkers/${code}`).set(auth(s.adm.otherKanwil)), 404, 'SATKER_NOT_FOUND'],
      [
        await http()
          .put(`/api/v1/admin/satkers/${code}`)
          .set(auth(s.adm.otherKanwil))
          .send({ ...satkerBody(code, s.codes.kppn), code: undefined }),
        404,
        'SATKER_NOT_FOUND',
      ],
      [
        await http()
          .put(`/api/v1/admin/satkers/${code}`)
          .set(auth(s.adm.kanwil))
          .send({ ...satkerBody(code, s.codes.otherKppn), code: undefined, reason: 'x' }),
        404,
        'OFFICE_NOT_FOUND',
      ],
    ] as const;
    for (const [r, status, err] of refusals) expect([r.status, r.body.error?.code]).toEqual([status, err]);
    expect(await adminFootprint(s.t, { satkers: [code, other], offices: [s.codes.kppn] })).toEqual(before);
  });

  it('moves a satker: new tickets go to the new KPPN, open ones stay with a note, memberships unchanged', async () => {
    const code = await freeCode();
    await http()
      .post('/api/v1/admin/satkers')
      .set(auth(s.adm.national))
      .send(satkerBody(code, s.codes.kppn))
      .expect(201);
    const [{ id: satkerId }] = await s.t.db.query(`SELECT id FROM satkers WHERE code = $1`, [code]);
    const operator = await createPerson(s.t.db, 'Operator Satker Pindah');
    await addMembership(s.t.db, operator.id, satkerId);
    const token = await login(s.t, operator);
    const waiting = (await fileRegistration(s.t, token, [newUser('Belum Diambil Pindah')])).body;
    const worked = await claimedRegistration(s.t, token, s.tok.cso, [newUser('Sedang Diproses Pindah')]);
    const memberships = await s.t.db.query(
      `SELECT id, status FROM myintress_memberships WHERE satker_id = $1 ORDER BY id`,
      [satkerId],
    );

    const noReason = await http()
      .put(`/api/v1/admin/satkers/${code}`)
      .set(auth(s.adm.national))
      .send({ ...satkerBody(code, s.codes.otherKppn), code: undefined });
    expect([noReason.status, noReason.body.error.code]).toEqual([400, 'REASON_REQUIRED']);
    const moved = await http()
      .put(`/api/v1/admin/satkers/${code}`)
      .set(auth(s.adm.national))
      .send({ ...satkerBody(code, s.codes.otherKppn), code: undefined, reason: 'Penataan wilayah kerja' });
    expect([moved.status, moved.body.kppnCode, moved.body.openTickets]).toEqual([200, s.codes.otherKppn, 2]);

    for (const t of [waiting, worked]) {
      const seen = await http().get(`/api/v1/tickets/${t.id}`).set(auth(s.tok.cso));
      expect([seen.status, seen.body.status]).toEqual([200, t.status]);
      const note = seen.body.messages.find((m: { visibility: string; body: string }) => m.visibility === 'INTERNAL');
      expect(note.body).toContain(`dipindahkan dari`);
      const bySatker = await http().get(`/api/v1/tickets/${t.id}`).set(auth(token));
      expect(bySatker.body.messages.some((m: { visibility: string }) => m.visibility === 'INTERNAL')).toBe(false);
    }
    expect((await sendEvent(s.t, s.tok.cso, waiting.id, waiting.version, { type: 'CLAIM' })).status).toBe(200);
    const fresh = await fileRegistration(s.t, token, [newUser('Tiket Baru Setelah Pindah')]);
    const [{ office }] = await s.t.db.query(
      `SELECT o.code AS office FROM tickets t JOIN offices o ON o.id = t.office_id WHERE t.id = $1`,
      [fresh.body.id],
    );
    expect(office).toBe(s.codes.otherKppn);
    expect((await http().get(`/api/v1/tickets/${fresh.body.id}`).set(auth(s.tok.otherCso))).status).toBe(200);
    expect(
      await s.t.db.query(`SELECT id, status FROM myintress_memberships WHERE satker_id = $1 ORDER BY id`, [satkerId]),
    ).toEqual(memberships);

    const audit = await auditOf(s.t, 'SATKER', code);
    expect(audit.map((a) => [a.action, a.before?.kppnCode ?? null, a.after?.kppnCode, a.reason])).toEqual([
      ['SATKER_CREATED', null, s.codes.kppn, null],
      ['SATKER_MOVED', s.codes.kppn, s.codes.otherKppn, 'Penataan wilayah kerja'],
    ]);
    expect(audit[1].after).toMatchObject({ openTicketsLeftAtOldKppn: 2 });
  });
});
