import { auth, claimedRegistration, login, newUser, sendEvent } from './support/api';
import { adminFootprint, auditOf, startAdminSuite, type AdminSuite } from './support/admin';
import { createPerson, randomNik } from './support/world';

describe('admin: staff and roles', () => {
  let s: AdminSuite;
  const http = () => s.t.http;
  const grant = (token: string, body: Record<string, unknown>) =>
    http().post('/api/v1/admin/staff').set(auth(token)).send(body);

  beforeAll(async () => {
    s = await startAdminSuite();
  });
  afterAll(() => s.t.close());

  it('makes a new NIK a CSO: creates the DIGIT identity, queues the activation e-mail and audits it', async () => {
    const nik = randomNik();
    const email = `yohana.${nik.slice(10)}@kemenkeu.go.id`;
    const res = await grant(s.adm.kanwil, {
      nik,
      name: 'Yohana Wenda',
      email,
      officeCode: s.codes.kppn,
      role: 'CSO',
      reason: 'CSO baru',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      identityCreated: true,
      person: { name: 'Yohana Wenda', activated: false, nikMasked: `${nik.slice(0, 4)}********${nik.slice(12)}` },
    });
    expect(res.body.person.roles).toEqual([{ officeCode: s.codes.kppn, officeName: expect.any(String), role: 'CSO' }]);
    const mail = await s.t.db.query(`SELECT topic, payload FROM outbox WHERE recipient = $1`, [email]);
    expect(mail).toEqual([
      {
        topic: 'digit.activation',
        payload: expect.objectContaining({
          name: 'Yohana Wenda',
          activationUrl: expect.stringContaining('/aktivasi?token='),
        }),
      },
    ]);
    expect(await auditOf(s.t, 'STAFF_ROLE', `${nik}/${s.codes.kppn}/CSO`)).toEqual([
      expect.objectContaining({
        action: 'STAFF_ROLE_GRANTED',
        actorId: s.admins.kanwil.id,
        office: s.codes.kppn,
        reason: 'CSO baru',
        after: { nik, name: 'Yohana Wenda', officeCode: s.codes.kppn, role: 'CSO', identityCreated: true },
      }),
    ]);
    const listed = await http().get(`/api/v1/admin/staff?officeCode=${s.codes.kppn}`).set(auth(s.adm.kppn));
    expect(listed.body.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['Yohana Wenda', 'CSO Pertama', 'Admin KPPN']),
    );
    expect(JSON.stringify(listed.body)).not.toContain(nik);
  });

  it('refuses bad or out-of-scope grants and changes nothing', async () => {
    const nik = randomNik();
    const existing = await createPerson(s.t.db, 'Calon Supervisor');
    const before = await adminFootprint(s.t, {
      offices: [s.codes.kppn, s.codes.otherKppn, s.codes.kanwil],
      niks: [nik, existing.nik],
    });
    const cases = [
      [s.adm.kanwil, { nik, officeCode: s.codes.kppn, role: 'CSO' }, 400, 'IDENTITY_DATA_REQUIRED'],
      [
        s.adm.kanwil,
        { nik: '9999999999999999', name: 'X', email: 'x@kemenkeu.go.id', officeCode: s.codes.kppn, role: 'CSO' },
        400,
        'INVALID_NIK',
      ],
      [
        s.adm.kanwil,
        { nik, name: 'X', email: 'x@kemenkeu.go.id', officeCode: s.codes.kppn, role: 'KEPALA' },
        400,
        'VALIDATION_FAILED',
      ],
      [
        s.adm.kanwil,
        { nik: existing.nik, officeCode: s.codes.kanwil, role: 'DIGIPAY_ADMIN' },
        400,
        'ROLE_NOT_FOR_OFFICE',
      ],
      [s.adm.kppn, { nik: existing.nik, officeCode: s.codes.otherKppn, role: 'CSO' }, 404, 'OFFICE_NOT_FOUND'],
      [s.adm.kppn, { nik: existing.nik, officeCode: s.codes.kanwil, role: 'CSO' }, 404, 'OFFICE_NOT_FOUND'],
      [s.adm.otherKanwil, { nik: existing.nik, officeCode: s.codes.kppn, role: 'SUPERVISOR' }, 404, 'OFFICE_NOT_FOUND'],
      [s.tok.cso, { nik: existing.nik, officeCode: s.codes.kppn, role: 'ADMIN' }, 403, 'NOT_AN_ADMIN'],
      [s.adm.kppn, { nik: s.w.cso.nik, officeCode: s.codes.kppn, role: 'CSO' }, 409, 'STAFF_ROLE_EXISTS'],
    ] as const;
    for (const [token, body, status, code] of cases) {
      const res = await grant(token, body);
      expect([res.status, res.body.error?.code]).toEqual([status, code]);
    }
    expect(
      await adminFootprint(s.t, {
        offices: [s.codes.kppn, s.codes.otherKppn, s.codes.kanwil],
        niks: [nik, existing.nik],
      }),
    ).toEqual(before);
    const ok = await grant(s.adm.kppn, { nik: existing.nik, officeCode: s.codes.kppn, role: 'SUPERVISOR' });
    expect([ok.status, ok.body.identityCreated]).toEqual([201, false]);
  });

  it("removing an agent's last CSO role returns their tickets to the queue in one step and ends their sessions", async () => {
    const agent = await createPerson(s.t.db, 'CSO Akan Pindah');
    await grant(s.adm.kanwil, { nik: agent.nik, officeCode: s.codes.kppn, role: 'CSO' }).expect(201);
    const token = await login(s.t, agent);
    const worked = await claimedRegistration(s.t, s.tok.satker, token, [newUser('Dipegang Agen Pindah')]);
    const waitingClaim = await claimedRegistration(s.t, s.tok.satker, token, [newUser('Menunggu Perbaikan Pindah')]);
    const waiting = (
      await sendEvent(s.t, token, waitingClaim.id, waitingClaim.version, {
        type: 'REQUEST_CORRECTION',
        message: 'Lengkapi SK.',
      })
    ).body;
    const url = `/api/v1/admin/staff/${agent.id}/roles/${s.codes.kppn}/CSO`;

    const before = await adminFootprint(s.t, {
      offices: [s.codes.kppn],
      satkers: [s.w.satker.code],
      niks: [agent.nik],
    });
    const outside = await http().delete(url).set(auth(s.adm.otherKanwil));
    expect([outside.status, outside.body.error.code]).toEqual([404, 'OFFICE_NOT_FOUND']);
    const wrongRole = await http()
      .delete(`/api/v1/admin/staff/${agent.id}/roles/${s.codes.kppn}/SUPERVISOR`)
      .set(auth(s.adm.kppn));
    expect([wrongRole.status, wrongRole.body.error.code]).toEqual([404, 'STAFF_ROLE_NOT_FOUND']);
    expect(
      await adminFootprint(s.t, { offices: [s.codes.kppn], satkers: [s.w.satker.code], niks: [agent.nik] }),
    ).toEqual(before);
    expect((await http().get('/api/v1/tickets?limit=5').set(auth(token))).status).toBe(200);

    const res = await http()
      .delete(`${url}?reason=${encodeURIComponent('Mutasi ke KPPN lain')}`)
      .set(auth(s.adm.kppn));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ticketsReturned: expect.arrayContaining([worked.number, waiting.number]),
      sessionsEnded: 1,
      person: null,
    });
    const rows = await s.t.db.query(
      `SELECT id, status, assignee_id AS "assigneeId" FROM tickets WHERE id = ANY($1::uuid[])`,
      [[worked.id, waiting.id]],
    );
    expect(
      Object.fromEntries(
        rows.map((r: { id: string; status: string; assigneeId: string | null }) => [r.id, [r.status, r.assigneeId]]),
      ),
    ).toEqual({ [worked.id]: ['BARU', null], [waiting.id]: ['MENUNGGU_PERBAIKAN', null] });
    const [{ type, actor }] = await s.t.db.query(
      `SELECT type, actor_id AS actor FROM ticket_events WHERE ticket_id = $1 ORDER BY id DESC LIMIT 1`,
      [worked.id],
    );
    expect([type, actor]).toEqual(['UNASSIGN', null]);
    expect((await http().get('/api/v1/tickets?limit=5').set(auth(token))).status).toBe(401);
    expect((await sendEvent(s.t, s.tok.cso, worked.id, worked.version + 1, { type: 'CLAIM' })).status).toBe(200);
    expect(await auditOf(s.t, 'STAFF_ROLE', `${agent.nik}/${s.codes.kppn}/CSO`)).toEqual([
      expect.objectContaining({ action: 'STAFF_ROLE_GRANTED' }),
      expect.objectContaining({
        action: 'STAFF_ROLE_REVOKED',
        actorId: s.admins.kppn.id,
        reason: 'Mutasi ke KPPN lain',
        after: { ticketsReturned: 2, sessionsEnded: 1 },
      }),
    ]);
  });
});
