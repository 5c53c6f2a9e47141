import { randomUUID } from 'node:crypto';
import { todayWib } from '@loket/admin';
import { SERVICE_DEFINITIONS, type ServiceDefinition } from '@loket/services';
import { buildApprovalMachine, SLA } from '@loket/workflow';
import { startTestApp, type TestApp } from './support/app';
import { auth, login } from './support/api';
import { createNationalAdmin, createPerson, createWorld, type World } from './support/world';

// Settings are national per service, and suites share one database: this suite changes a service of
// its own (a fresh code per run), so no other suite's tickets see its versions.
const code = `UJI_SLA_${randomUUID().slice(0, 8).toUpperCase()}`;
const services: ServiceDefinition[] = [
  ...SERVICE_DEFINITIONS,
  {
    code,
    title: 'Layanan Uji SLA',
    subjectPattern: 'Uji SLA {satkerName}',
    description: 'Layanan uji pengaturan SLA',
    form: { alasan: { kind: 'text', label: 'Alasan', required: true, maxLength: 200 } },
    attachments: [],
    filedBy: ['SATKER'],
    queue: 'SATKER_KPPN',
    machine: { id: 'uji-sla', version: 1 },
    sla: SLA.question,
    position: 1000,
    machines: [buildApprovalMachine({ id: 'uji-sla', version: 1, approveEffects: [], rejectEffects: [] })],
  },
];

// Two days on: after "today" on the clock of any Indonesian office (WIT is two hours ahead of WIB).
const inTwoDays = () => new Date(Date.parse(`${todayWib()}T00:00:00Z`) + 2 * 86400_000).toISOString().slice(0, 10);

describe('service settings: effective-dated SLA targets', () => {
  let t: TestApp;
  let w: World;
  let tok: { satker: string; cso: string; national: string; kppnAdmin: string };

  beforeAll(async () => {
    t = await startTestApp({ services });
    w = await createWorld(t.db);
    const national = await createNationalAdmin(t.db, 'Admin Pusat Layanan');
    const kppnAdmin = await createPerson(t.db, 'Admin KPPN Layanan');
    await t.db.query(`INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'ADMIN')`, [
      kppnAdmin.id,
      w.kppnId,
    ]);
    const [satker, cso, nat, kadm] = await Promise.all(
      [w.satkerUser, w.cso, national, kppnAdmin].map((p) => login(t, p)),
    );
    tok = { satker, cso, national: nat, kppnAdmin: kadm };
  });
  afterAll(() => t.close());

  const file = async () => {
    const res = await t.http
      .post('/api/v1/tickets')
      .set(auth(tok.satker))
      .send({ service: code, form: { alasan: 'Uji' } });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const clocks = async (id: string) =>
    (await t.http.get(`/api/v1/tickets/${id}/sla`).set(auth(tok.cso))).body.clocks.map(
      (c: { clock: string; targetMinutes: number; settings: { version: number } }) => [
        c.clock,
        c.targetMinutes,
        c.settings.version,
      ],
    );
  const schedule = (token: string, body: Record<string, unknown>) =>
    t.http.post(`/api/v1/admin/services/${code}/versions`).set(auth(token)).send(body);
  const footprint = async () =>
    (
      await t.db.query(
        `SELECT (SELECT count(*) FROM service_settings WHERE service_code = $1)::int AS versions,
            (SELECT count(*) FROM audit_log WHERE entity_type = 'SERVICE_SETTING' AND entity_key LIKE $1 || ' v%')::int AS audit`,
        [code],
      )
    )[0];
  const change = {
    effectiveFrom: todayWib(),
    response: { kind: 'BUSINESS_MINUTES', minutes: 120 },
    resolution: { kind: 'WORKING_DAYS', days: 3 },
    warning: { minutesBefore: 60 },
    reason: 'Target baru sesuai SOP 2027',
  };

  it('applies a change only to tickets filed after it starts; tickets already filed keep their version', async () => {
    const before = await file();
    expect(await clocks(before)).toEqual([
      ['RESPONSE', 240, 1],
      ['RESOLUTION', 900, 1],
    ]);
    const listed = await t.http.get('/api/v1/admin/services').set(auth(tok.kppnAdmin));
    expect(listed.body.find((s: { code: string }) => s.code === code).inForce).toMatchObject({
      version: 1,
      resolution: { kind: 'WORKING_DAYS', days: 2 },
    });

    const added = await schedule(tok.national, change);
    expect([added.status, added.body.version, added.body.effectiveFrom]).toEqual([201, 2, todayWib()]);
    const later = await schedule(tok.national, {
      ...change,
      effectiveFrom: inTwoDays(),
      resolution: { kind: 'WORKING_DAYS', days: 5 },
      reason: 'Uji versi terjadwal',
    });
    expect(later.body.version).toBe(3);

    const after = await file();
    expect(await clocks(after)).toEqual([
      ['RESPONSE', 120, 2],
      ['RESOLUTION', 1350, 2],
    ]);
    expect(await clocks(before)).toEqual([
      ['RESPONSE', 240, 1],
      ['RESOLUTION', 900, 1],
    ]);
    const explained = (await t.http.get(`/api/v1/tickets/${after}/sla`).set(auth(tok.cso))).body.clocks[1];
    expect(explained.settings).toMatchObject({
      version: 2,
      effectiveFrom: todayWib(),
      reason: 'Target baru sesuai SOP 2027',
    });
    expect(explained.settings.description).toBe(`Pengaturan layanan versi 2, berlaku mulai ${todayWib()}`);
    expect(explained.warning).toEqual({ minutesBefore: 60 });

    const shown = await t.http.get(`/api/v1/admin/services/${code}`).set(auth(tok.national));
    expect([
      shown.body.inForce.version,
      shown.body.scheduled.map((v: { version: number }) => v.version),
      shown.body.versions.length,
    ]).toEqual([2, [3], 3]);
    const audit = await t.db.query(
      `SELECT action, entity_key AS key, before -> 'version' AS "from", after -> 'resolution' AS resolution, reason
         FROM audit_log WHERE entity_type = 'SERVICE_SETTING' AND entity_key LIKE $1 || ' v%' ORDER BY id`,
      [code],
    );
    expect(audit).toEqual([
      {
        action: 'SERVICE_SETTINGS_SCHEDULED',
        key: `${code} v2`,
        from: 1,
        resolution: { kind: 'WORKING_DAYS', days: 3 },
        reason: 'Target baru sesuai SOP 2027',
      },
      {
        action: 'SERVICE_SETTINGS_SCHEDULED',
        key: `${code} v3`,
        from: 2,
        resolution: { kind: 'WORKING_DAYS', days: 5 },
        reason: 'Uji versi terjadwal',
      },
    ]);
  });

  it('refuses other admins, past dates and bad targets, changing nothing', async () => {
    const before = await footprint();
    const kppn = await schedule(tok.kppnAdmin, change);
    expect([kppn.status, kppn.body.error.code]).toEqual([403, 'NOT_A_NATIONAL_ADMIN']);
    const cso = await t.http.get('/api/v1/admin/services').set(auth(tok.cso));
    expect([cso.status, cso.body.error.code]).toEqual([403, 'NOT_AN_ADMIN']);
    const past = await schedule(tok.national, { ...change, effectiveFrom: '2020-01-01' });
    expect([past.status, past.body.error.code, past.body.error.details[0].field]).toEqual([
      400,
      'INVALID_SERVICE_SETTINGS',
      'effectiveFrom',
    ]);
    const bad = await schedule(tok.national, {
      ...change,
      resolution: { kind: 'SC03_CUTOFF' },
      warning: { percent: 150 },
      reason: '',
    });
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(['resolution', 'warning', 'reason']);
    const unknown = await schedule(tok.national, { ...change, status: 'X' });
    expect(unknown.status).toBe(400);
    const missing = await t.http.post('/api/v1/admin/services/TIDAK_ADA/versions').set(auth(tok.national)).send(change);
    expect([missing.status, missing.body.error.code]).toEqual([404, 'SERVICE_NOT_FOUND']);
    expect(await footprint()).toEqual(before);
  });
});
