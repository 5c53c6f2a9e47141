import {
  breachesJson,
  CalendarStore,
  isBusinessTime,
  SlaClocks,
  SlaReports,
  SlaReportSummary,
  SlaSweeper,
  type ReportOffice,
} from '@loket/sla';
import { SERVICE_DEFINITIONS, type ServiceDefinition } from '@loket/services';
import { SLA } from '@loket/workflow';
import { startTestApp, type TestApp } from './support/app';
import { auth, login, sendEvent } from './support/api';
import { createNationalAdmin, createPerson, createWorld, type World } from './support/world';

// A service on the SC03-1 windows, defined purely by configuration, to reach the cut-off rule.
const services: ServiceDefinition[] = [
  ...SERVICE_DEFINITIONS,
  {
    ...SERVICE_DEFINITIONS.find((s) => s.code === 'PERTANYAAN')!,
    code: 'UJI_SC03',
    subjectPattern: 'Uji SC03 {satkerName}',
    sla: SLA.sc03,
  },
];

describe('SLA clocks, explanations, sweeper, calendars and reports', () => {
  let t: TestApp;
  let w: World;
  let satker: string;
  let cso: string;

  beforeAll(async () => {
    t = await startTestApp({ services });
    w = await createWorld(t.db);
    [satker, cso] = await Promise.all([login(t, w.satkerUser), login(t, w.cso)]);
    await forgetCalendarChanges(); // a run that crashed midway must not shift this run's deadlines
  });
  afterAll(async () => {
    await forgetCalendarChanges();
    await t.close();
  });

  // The calendar test adds national/shared rows (a STANDAR-WITA holiday, a national suspension) that
  // would move the next run's deadlines on the same database.
  const forgetCalendarChanges = async () => {
    await t.db.query(
      `DELETE FROM calendar_suspensions WHERE starts_at = '2027-02-05T01:00:00Z' AND reason = 'Pemeliharaan sistem'`,
    );
    await t.db.query(`DELETE FROM holidays WHERE date = '2027-02-03' AND name IN ('Libur daerah', 'HUT Kota')`);
  };

  const ask = (service = 'PERTANYAAN') =>
    t.http
      .post('/api/v1/tickets')
      .set(auth(satker))
      .send({ service, form: { perihal: 'Jadwal rekonsiliasi', uraian: 'Mohon info.' } });
  const clocksOf = async (id: string, token = cso) => {
    const res = await t.http.get(`/api/v1/tickets/${id}/sla`).set(auth(token));
    expect(res.status).toBe(200);
    return Object.fromEntries(res.body.clocks.map((c: { clock: string }) => [c.clock, c])) as Record<string, any>;
  };
  /** Moves a ticket's clocks to start at a given instant, as if filed then, and recomputes them. */
  async function startedAt(id: string, at: string) {
    await t.db.query(`UPDATE sla_clocks SET started_at = $2 WHERE ticket_id = $1`, [id, at]);
    await t.db.transaction((em) => t.app.get(SlaClocks).recompute(em, id));
  }

  it('explains both clocks against the golden cases of the office calendar (WITA)', async () => {
    const filed = await ask();
    await startedAt(filed.body.id, '2026-11-17T02:00:00Z'); // Tue 10:00 WITA
    const c = await clocksOf(filed.body.id);
    expect(c.RESPONSE).toMatchObject({
      rule: { kind: 'BUSINESS_MINUTES', minutes: 240 },
      calendar: { code: 'STANDAR-WITA', timeZone: 'Asia/Makassar' },
      dueAtLocal: '2026-11-17 15:00 WITA',
      targetMinutes: 240,
      state: 'BREACHED',
    });
    expect(c.RESOLUTION).toMatchObject({
      rule: { kind: 'WORKING_DAYS', days: 2 },
      startedAtLocal: '2026-11-17 10:00 WITA',
      dueAtLocal: '2026-11-19 10:00 WITA',
      targetMinutes: 900,
    });
    expect(c.RESOLUTION.rule.description).toContain('2 hari kerja');
  });

  it('gives a complaint one working day to respond: Tue 10:00 WITA -> Wed 10:00 WITA', async () => {
    const filed = await ask('PENGADUAN');
    await startedAt(filed.body.id, '2026-11-17T02:00:00Z');
    const c = await clocksOf(filed.body.id);
    expect(c.RESPONSE).toMatchObject({
      rule: { kind: 'WORKING_DAYS', days: 1 },
      dueAtLocal: '2026-11-18 10:00 WITA',
      targetMinutes: 450,
    });
    expect(c.RESOLUTION.dueAtLocal).toBe('2026-11-24 10:00 WITA');
  });

  it('counts a working day across the 2026 Nyepi and cuti bersama week', async () => {
    const filed = await ask('PENGADUAN');
    await startedAt(filed.body.id, '2026-03-17T02:00:00Z'); // Tue 10:00 WITA, Mar 18-24 off
    expect((await clocksOf(filed.body.id)).RESPONSE.dueAtLocal).toBe('2026-03-25 10:00 WITA');
  });

  it('applies the SC03-1 cut-off from the moment of the first response', async () => {
    const filed = await ask('UJI_SC03');
    const id = filed.body.id;
    await startedAt(id, '2026-11-13T04:30:00Z'); // Fri 11:30 WIB
    let c = await clocksOf(id);
    expect(c.RESPONSE.dueAtLocal).toBe('2026-11-16 08:30 WIB'); // 4 service hours over the weekend
    expect(c.RESOLUTION.dueAtLocal).toBe('2026-11-16 16:00 WIB'); // provisional, from the response deadline
    await t.db.query(`UPDATE tickets SET first_response_at = '2026-11-16T05:30:00Z' WHERE id = $1`, [id]); // Mon 12:30 WIB
    await t.db.transaction((em) => t.app.get(SlaClocks).recompute(em, id));
    c = await clocksOf(id);
    expect(c.RESOLUTION.dueAtLocal).toBe('2026-11-17 12:00 WIB');
  });

  it('stops the response clock at the first visible agent action only, and pauses while waiting for the satker', async () => {
    const filed = await ask();
    const id = filed.body.id;
    const claimed = await sendEvent(t, cso, id, 1, { type: 'CLAIM' });
    await t.http
      .post(`/api/v1/tickets/${id}/messages`)
      .set(auth(cso))
      .send({ body: 'catatan', visibility: 'INTERNAL' });
    expect((await clocksOf(id)).RESPONSE.stoppedAt).toBeNull();
    const waiting = await sendEvent(t, cso, id, claimed.body.version, {
      type: 'REQUEST_CORRECTION',
      message: 'Lengkapi uraian.',
    });
    let c = await clocksOf(id);
    expect(c.RESPONSE.state === 'MET' || c.RESPONSE.state === 'BREACHED').toBe(true);
    expect(c.RESPONSE.stoppedAt).not.toBeNull();
    expect(c.RESOLUTION).toMatchObject({ state: 'PAUSED', dueAt: null });
    const queue = await t.http.get('/api/v1/tickets').query({ status: 'MENUNGGU_PERBAIKAN' }).set(auth(cso));
    expect(queue.body.items.find((i: { id: string }) => i.id === id).sla).toMatchObject({ state: 'NONE', dueAt: null });
    await t.http
      .post(`/api/v1/tickets/${id}/events`)
      .set(auth(satker))
      .set('If-Match', `"${waiting.body.version}"`)
      .field('type', 'SUBMIT_CORRECTION')
      .field('message', 'Sudah.');
    c = await clocksOf(id, satker);
    expect(c.RESOLUTION.state).not.toBe('PAUSED');
    expect(c.RESOLUTION.pauses).toHaveLength(1);
    expect(c.RESOLUTION.dueAt).not.toBeNull();
  });

  it('moves a deadline by the business time spent waiting', async () => {
    const filed = await ask();
    const id = filed.body.id;
    await t.db.query(
      `UPDATE sla_clocks SET started_at = '2026-11-17T02:00:00Z',
      pauses = '[{"from":"2026-11-17T03:00:00Z","to":"2026-11-17T05:00:00Z"}]' WHERE ticket_id = $1`,
      [id],
    ); // 11:00-13:00 WITA: 60 business minutes
    await t.db.transaction((em) => t.app.get(SlaClocks).recompute(em, id));
    const c = await clocksOf(id);
    expect(c.RESOLUTION.dueAtLocal).toBe('2026-11-19 11:00 WITA');
    expect(c.RESOLUTION.pauses[0].businessMinutes).toBe(60);
  });

  it('records each breach and warning once, at the due instant, with two sweepers started after the deadline', async () => {
    const supervisor = await createPerson(t.db, 'Supervisor Uji');
    await t.db.query(`INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'SUPERVISOR')`, [
      supervisor.id,
      w.kppnId,
    ]);
    const late = await ask();
    await sendEvent(t, cso, late.body.id, 1, { type: 'CLAIM' });
    await startedAt(late.body.id, '2026-01-05T01:00:00Z'); // long past: both clocks overdue
    const sweeper = t.app.get(SlaSweeper);
    const runs = await Promise.all([sweeper.run(), sweeper.run()]);
    expect(runs.reduce((n, r) => n + r.breaches, 0)).toBeGreaterThanOrEqual(2);
    await sweeper.run();
    const clocks = await t.db.query(
      `SELECT kind, breached_at = due_at AS at_due FROM sla_clocks WHERE ticket_id = $1 ORDER BY kind`,
      [late.body.id],
    );
    expect(clocks).toEqual([
      { kind: 'RESOLUTION', at_due: true },
      { kind: 'RESPONSE', at_due: true },
    ]);
    const events = await t.db.query(
      `SELECT payload->>'clock' AS clock FROM ticket_events WHERE ticket_id = $1 AND type = 'SLA_BREACH' ORDER BY 1`,
      [late.body.id],
    );
    expect(events).toEqual([{ clock: 'RESOLUTION' }, { clock: 'RESPONSE' }]);
    const notices = await t.db.query(
      `SELECT recipient, next_attempt_at AS "notBefore" FROM outbox WHERE ticket_id = $1 AND topic = 'sla.breach'`,
      [late.body.id],
    );
    expect(notices.map((n: { recipient: string }) => n.recipient).sort()).toEqual(
      [
        `${w.cso.nik}@contoh.go.id`,
        `${w.cso.nik}@contoh.go.id`,
        `${supervisor.nik}@contoh.go.id`,
        `${supervisor.nik}@contoh.go.id`,
      ].sort(),
    );
    const calendar = await t.app
      .get(CalendarStore)
      .load(t.db, (await t.db.query(`SELECT id FROM calendars WHERE code = 'STANDAR-WITA'`))[0].id);
    notices.forEach((n: { notBefore: Date }) => expect(isBusinessTime(calendar.spec, n.notBefore)).toBe(true));

    const soon = await ask();
    await t.db.query(
      `UPDATE sla_clocks SET warn_at = now() - interval '1 minute', due_at = now() + interval '1 day' WHERE ticket_id = $1`,
      [soon.body.id],
    );
    await Promise.all([sweeper.run(), sweeper.run()]);
    await sweeper.run();
    const warned = await t.db.query(`SELECT type FROM ticket_events WHERE ticket_id = $1 AND type LIKE 'SLA_%'`, [
      soon.body.id,
    ]);
    expect(warned.map((e: { type: string }) => e.type)).toEqual(['SLA_WARNING', 'SLA_WARNING']);

    const queue = await t.http.get('/api/v1/tickets').set(auth(cso));
    const first = queue.body.items[0];
    expect(first).toMatchObject({ id: late.body.id, sla: { state: 'BREACHED', overdue: true } });
    const explained = (await clocksOf(late.body.id)).RESOLUTION;
    expect(explained.state).toBe('BREACHED');
    expect(explained.breachedByMinutes).toBeGreaterThan(0);
  });

  it('recomputes open clocks when a calendar changes, as a new version, for admins only', async () => {
    const filed = await ask();
    await startedAt(filed.body.id, '2027-02-02T02:00:00Z'); // Tue 10:00 WITA
    expect((await clocksOf(filed.body.id)).RESOLUTION.dueAtLocal).toBe('2027-02-04 10:00 WITA');
    const refused = await t.http
      .post('/api/v1/calendars/holidays')
      .set(auth(cso))
      .send({ date: '2027-02-03', name: 'Libur daerah', kind: 'LOKAL', calendarCode: 'STANDAR-WITA' });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'NOT_AN_ADMIN']);
    const kanwilAdmin = await createPerson(t.db, 'Admin Kanwil');
    await t.db.query(`INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'ADMIN')`, [
      kanwilAdmin.id,
      w.kanwilId,
    ]);
    const notNational = await t.http
      .post('/api/v1/calendars/suspensions')
      .set(auth(await login(t, kanwilAdmin)))
      .send({ startsAt: '2027-02-05T01:00:00Z', endsAt: '2027-02-05T03:00:00Z', reason: 'x' });
    expect([notNational.status, notNational.body.error.code]).toEqual([403, 'NOT_AN_ADMIN']);
    const adminToken = await login(t, await createNationalAdmin(t.db, 'Admin Kalender'));
    const before = (await clocksOf(filed.body.id)).RESOLUTION.calendar.version;
    const changed = await t.http
      .post('/api/v1/calendars/holidays')
      .set(auth(adminToken))
      .send({ date: '2027-02-03', name: 'Libur daerah', kind: 'LOKAL', calendarCode: 'STANDAR-WITA' });
    expect(changed.status).toBe(201);
    expect(changed.body.clocksRecomputed).toBeGreaterThanOrEqual(1);
    const after = (await clocksOf(filed.body.id)).RESOLUTION;
    expect(after.dueAtLocal).toBe('2027-02-05 10:00 WITA');
    expect(after.calendar.version).toBe(before + 1);
    const [log] = await t.db.query(`SELECT change, clocks_recomputed FROM calendar_changes ORDER BY id DESC LIMIT 1`);
    expect(log.change).toBe('HOLIDAY_ADDED');
    await t.http
      .delete('/api/v1/calendars/holidays/2027-02-03')
      .query({ calendarCode: 'STANDAR-WITA' })
      .set(auth(adminToken))
      .expect(200);
    expect((await clocksOf(filed.body.id)).RESOLUTION.dueAtLocal).toBe('2027-02-04 10:00 WITA');

    // The KPPN gets a calendar of its own; a local holiday there moves only its clocks.
    const [{ code: officeCode }] = await t.db.query(`SELECT code FROM offices WHERE id = $1`, [w.kppnId]);
    const own = `KPPN-${officeCode.toUpperCase()}`;
    const created = await t.http
      .post('/api/v1/calendars')
      .set(auth(adminToken))
      .send({ code: own, name: 'Kalender KPPN uji', officeCode, copyOf: 'STANDAR-WITA' });
    expect(created.status).toBe(201);
    await t.http
      .post('/api/v1/calendars/holidays')
      .set(auth(adminToken))
      .send({ date: '2027-02-03', name: 'HUT Kota', kind: 'LOKAL', calendarCode: own })
      .expect(201);
    expect((await clocksOf(filed.body.id)).RESOLUTION).toMatchObject({
      calendar: { code: own },
      dueAtLocal: '2027-02-05 10:00 WITA',
    });
    // A declared maintenance window stops every clock: Friday 09:00-11:00 WITA; Friday's break starts 11:30.
    const suspended = await t.http
      .post('/api/v1/calendars/suspensions')
      .set(auth(adminToken))
      .send({ startsAt: '2027-02-05T01:00:00Z', endsAt: '2027-02-05T03:00:00Z', reason: 'Pemeliharaan sistem' });
    expect(suspended.status).toBe(201);
    expect((await clocksOf(filed.body.id)).RESOLUTION.dueAtLocal).toBe('2027-02-05 13:30 WITA');
    const bad = await t.http
      .put(`/api/v1/calendars/${own}/weekly`)
      .set(auth(adminToken))
      .send({ weekly: { 1: [[720, 600]] } });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'INVALID_WEEKLY_WINDOWS']);
    for (const refused of [
      t.http.delete('/api/v1/calendars/holidays/bukan-tanggal').set(auth(adminToken)),
      t.http
        .post('/api/v1/calendars/holidays')
        .set(auth(adminToken))
        .send({ date: '2031-02-30', name: 'x', kind: 'LIBUR_NASIONAL' }),
      t.http
        .post('/api/v1/calendars/suspensions')
        .set(auth(adminToken))
        .send({ startsAt: '2027-02-05T03:00:00Z', endsAt: '2027-02-05T01:00:00Z', reason: 'x' }),
      t.http
        .post(`/api/v1/calendars/${own}/overrides`)
        .set(auth(adminToken))
        .send({ name: 'x', from: '2027-03-10', to: '2027-03-01', weekly: {} }),
    ]) {
      const res = await refused;
      expect([res.status, res.body.error.code]).toEqual([400, 'INVALID_CALENDAR_CHANGE']);
    }
  });

  it('reports per month, office, service and agent for the supervisor scope, as JSON and safe CSV', async () => {
    const supervisor = await createPerson(t.db, 'Kepala Seksi');
    await t.db.query(`INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'SUPERVISOR')`, [
      supervisor.id,
      w.kppnId,
    ]);
    const sneaky = await createPerson(t.db, '=HYPERLINK("http://x")');
    await t.db.query(`INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'CSO')`, [
      sneaky.id,
      w.kppnId,
    ]);
    const sneakyToken = await login(t, sneaky);
    const filed = await ask();
    const claimed = await sendEvent(t, sneakyToken, filed.body.id, 1, { type: 'CLAIM' });
    await sendEvent(t, sneakyToken, filed.body.id, claimed.body.version, {
      type: 'COMPLETE',
      message: 'Jadwal terlampir.',
    });
    const token = await login(t, supervisor);
    const year = new Date().getUTCFullYear();
    const period = { from: `${year - 1}-01-01`, to: `${year + 2}-01-01` };
    await t.app.get(SlaReportSummary).refresh(); // what the worker does each sweep
    const report = await t.http.get('/api/v1/reports/sla').query(period).set(auth(token));
    expect(report.status).toBe(200);
    const mine = report.body.rows.filter(
      (r: { agent: string; rollupLevel: number }) => r.agent === '=HYPERLINK("http://x")' && r.rollupLevel === 0,
    );
    expect(mine[0]).toMatchObject({
      service: 'PERTANYAAN',
      filed: 1,
      resolved: 1,
      responseWithinTargetPct: 100,
      resolutionWithinTargetPct: 100,
    });
    expect(report.body.rows.some((r: { rollupLevel: number }) => r.rollupLevel === 7)).toBe(true);
    // Each service per month (rollup 5, summed from the office rows) agrees with SQL grouping the tickets
    // directly, by the month on the office's own clock (WITA here).
    const direct = await t.db.query(
      `SELECT to_char(created_at AT TIME ZONE (SELECT time_zone FROM offices WHERE id = $1), 'YYYY-MM') AS month,
              service_code AS service, count(*)::int AS filed, count(resolved_at)::int AS resolved,
              round(100.0 * count(*) FILTER (WHERE response_met) / NULLIF(count(response_met), 0), 1)::float AS "responseWithinTargetPct",
              round(100.0 * count(*) FILTER (WHERE resolution_met) / NULLIF(count(resolution_met), 0), 1)::float AS "resolutionWithinTargetPct",
              round(avg(correction_rounds), 2)::float AS "correctionRoundsPerTicket"
         FROM tickets WHERE office_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
      [w.kppnId],
    );
    const perService = report.body.rows
      .filter((r: { rollupLevel: number }) => r.rollupLevel === 5)
      .map(
        ({
          month,
          service,
          filed,
          resolved,
          responseWithinTargetPct,
          resolutionWithinTargetPct,
          correctionRoundsPerTicket,
        }: Record<string, unknown>) => ({
          month,
          service,
          filed,
          resolved,
          responseWithinTargetPct,
          resolutionWithinTargetPct,
          correctionRoundsPerTicket,
        }),
      );
    expect(direct.length).toBeGreaterThan(0);
    expect(perService).toEqual(direct);
    expect(Object.keys(report.body.rows[0]).some((k) => k.startsWith('_'))).toBe(false);
    expect(report.body.breaches.length).toBeGreaterThanOrEqual(1);
    // The answer splices in the rows and breaches as PostgreSQL wrote them: byte for byte what
    // JSON.stringify writes (keys in order, no spaces, 100 not 100.0, names escaped, ISO times), and
    // the same report the service gives as objects (the dashboard's and the CSV's).
    expect(report.text).toBe(JSON.stringify(report.body));
    expect(Object.keys(report.body)).toEqual([
      'period',
      'offices',
      'rows',
      'agentRows',
      'backlog',
      'breaches',
      'moreBreaches',
    ]);
    expect(Object.keys(report.body.rows[0])).toEqual([
      'month',
      'office',
      'service',
      'agent',
      'rollupLevel',
      'filed',
      'resolved',
      'responseWithinTargetPct',
      'resolutionWithinTargetPct',
      'responseMedianMinutes',
      'responseP90Minutes',
      'resolutionMedianMinutes',
      'resolutionP90Minutes',
      'correctionRoundsPerTicket',
      'ratingPositif',
      'ratingNetral',
      'ratingNegatif',
      'reopened',
      'reopenResolutionWithinTargetPct',
    ]);
    const objects = await t.app.get(SlaReports).report({ supervisorOfficeIds: [w.kppnId] }, period);
    expect(report.body).toEqual(
      JSON.parse(
        JSON.stringify({
          period: objects.period,
          offices: objects.offices,
          rows: objects.rows,
          agentRows: objects.agentRows,
          backlog: objects.backlog,
          breaches: objects.breaches,
          moreBreaches: objects.moreBreaches,
        }),
      ),
    );
    expect(objects.breaches[0].breachedAt).toBeInstanceOf(Date);
    const csv = await t.http
      .get('/api/v1/reports/sla')
      .query({ ...period, format: 'csv' })
      .set(auth(token));
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv.text).not.toMatch(/(^|,)=HYPERLINK/m);
    for (const bad of [
      { from: '2026-02-30', to: '2026-03-01' },
      { from: '2026-13-01', to: '2027-01-01' },
      { from: '2020-01-01', to: '2030-01-01' },
    ]) {
      const res = await t.http.get('/api/v1/reports/sla').query(bad).set(auth(token));
      expect([res.status, res.body.error.code]).toEqual([400, 'INVALID_PERIOD']);
    }
    // One office: each agent's rows by default; agents=false leaves them out; anything else is refused.
    expect(report.body.agentRows).toBe(true);
    const withoutAgents = await t.http
      .get('/api/v1/reports/sla')
      .query({ ...period, agents: 'false' })
      .set(auth(token));
    expect(withoutAgents.body.agentRows).toBe(false);
    expect(withoutAgents.body.rows).toEqual(
      report.body.rows.filter((r: { rollupLevel: number }) => r.rollupLevel !== 0),
    );
    const badFlag = await t.http
      .get('/api/v1/reports/sla')
      .query({ ...period, agents: 'ya' })
      .set(auth(token));
    expect([badFlag.status, badFlag.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const notSupervisor = await t.http.get('/api/v1/reports/sla').query(period).set(auth(cso));
    expect([notSupervisor.status, notSupervisor.body.error.code]).toEqual([403, 'NOT_A_SUPERVISOR']);
    const elsewhere = await createPerson(t.db, 'Supervisor Lain');
    await t.db.query(`INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'SUPERVISOR')`, [
      elsewhere.id,
      w.otherKppnId,
    ]);
    const other = await t.http
      .get('/api/v1/reports/sla')
      .query(period)
      .set(auth(await login(t, elsewhere)));
    expect(
      other.body.rows.some(
        (r: { office: string }) => r.office === report.body.rows.find((x: { office: string }) => x.office)?.office,
      ),
    ).toBe(false);
    // Clocks breached at the same moment come in one fixed order: by ticket, then clock.
    await t.db.query(
      `UPDATE sla_clocks SET breached_at = (SELECT max(breached_at) FROM sla_clocks WHERE office_id = $1)
        WHERE office_id = $1 AND breached_at IS NOT NULL`,
      [w.kppnId],
    );
    const breached: Array<{ ticket_id: string; kind: string }> = await t.db.query(
      `SELECT ticket_id, kind FROM sla_clocks WHERE office_id = $1 AND breached_at IS NOT NULL`,
      [w.kppnId],
    );
    expect(breached.length).toBeGreaterThanOrEqual(2);
    const tied = breached
      .map((b) => [b.ticket_id, b.kind])
      .sort(([a, k], [b, l]) => (a < b ? -1 : a > b ? 1 : k < l ? -1 : k > l ? 1 : 0));
    for (let i = 0; i < 3; i++) {
      const again = await t.http.get('/api/v1/reports/sla').query(period).set(auth(token));
      expect(again.body.breaches.map((b: { ticketId: string; clock: string }) => [b.ticketId, b.clock])).toEqual(tied);
    }
    // A few offices read each office's index; many walk the national one (the same office listed 40
    // times stands in for Kantor Pusat's offices here): both find the same breaches in the same order.
    const offices: ReportOffice[] = await t.db.query(
      `SELECT id, code, name, kind, time_zone AS "timeZone" FROM offices WHERE id = $1`,
      [w.kppnId],
    );
    const [few, many] = await Promise.all(
      [offices, Array.from({ length: 40 }, () => offices[0])].map(async (list) => {
        const { sql, params } = breachesJson(list, period);
        return (await t.db.query(sql, params))[0];
      }),
    );
    expect(JSON.parse(few.breaches).length).toBe(breached.length);
    expect(many).toEqual(few);
  });
});
