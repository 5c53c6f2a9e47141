import { SlaClocks, SlaSweeper } from '@loket/sla';
import { EscalationSweep } from '@loket/tickets';
import type { TestApp } from './support/app';
import { auth, login, sendEvent, startSuite, type Suite } from './support/api';
import { createPerson, type World } from './support/world';

/**
 * The default escalation ladder, with time under the test's control: instants in November 2025,
 * before any other suite's deadlines, so the sweeps run "then" touch this suite's tickets only.
 */
describe('escalation levels', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];
  let kppnSupervisor: { nik: string };
  let kanwilSupervisor: { nik: string };

  beforeAll(async () => {
    ({ t, w, tok } = await startSuite());
    const [a, b] = [await createPerson(t.db, 'Supervisor KPPN'), await createPerson(t.db, 'Supervisor Kanwil')];
    await t.db.query(
      `INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'SUPERVISOR'), ($3, $4, 'SUPERVISOR')`,
      [a.id, w.kppnId, b.id, w.kanwilId],
    );
    [kppnSupervisor, kanwilSupervisor] = [a, b];
  });
  afterAll(() => t.close());

  /** A question the CSO claimed, its clocks started at `at` (as if filed then). */
  async function claimedQuestion(at: string) {
    const filed = await t.http
      .post('/api/v1/tickets')
      .set(auth(tok.satker))
      .send({ service: 'PERTANYAAN', form: { perihal: 'Rekon', uraian: 'Mohon info.' } });
    await sendEvent(t, tok.cso, filed.body.id, 1, { type: 'CLAIM' });
    await t.db.query(`UPDATE sla_clocks SET started_at = $2 WHERE ticket_id = $1`, [filed.body.id, at]);
    await t.db.transaction((em) => t.app.get(SlaClocks).recompute(em, filed.body.id));
    return filed.body.id as string;
  }
  const mail = (nik: string) => `${nik}@contoh.go.id`;
  const notices = async (id: string, topic: string) =>
    (await t.db.query(`SELECT recipient FROM outbox WHERE ticket_id = $1 AND topic = $2`, [id, topic]))
      .map((r: { recipient: string }) => r.recipient)
      .sort();
  const history = async (id: string) =>
    await t.db.query(
      `SELECT type, payload->>'level' AS level, payload->>'clock' AS clock FROM ticket_events WHERE ticket_id = $1 AND (type LIKE 'SLA_%' OR type = 'ESCALATE') ORDER BY created_at, type`,
      [id],
    );

  it('at the warning threshold tells the assignee only, once, with two sweepers', async () => {
    const id = await claimedQuestion('2025-11-11T02:00:00Z'); // Tue 10:00 WITA: response warning 14:00, due 15:00 WITA
    const sweeper = t.app.get(SlaSweeper);
    const at = new Date('2025-11-11T06:30:00Z');
    await Promise.all([sweeper.run(at), sweeper.run(at)]);
    await sweeper.run(at);
    expect(await history(id)).toEqual([{ type: 'SLA_WARNING', level: '1', clock: 'RESPONSE' }]);
    expect(await notices(id, 'sla.warning')).toEqual([mail(w.cso.nik)]);
  });

  it('tells the KPPN supervisors in place of the assignee when nobody has claimed the ticket', async () => {
    const filed = await t.http
      .post('/api/v1/tickets')
      .set(auth(tok.satker))
      .send({ service: 'PERTANYAAN', form: { perihal: 'Rekon', uraian: 'Belum diambil.' } });
    await t.db.query(`UPDATE sla_clocks SET started_at = '2025-11-12T02:00:00Z' WHERE ticket_id = $1`, [filed.body.id]);
    await t.db.transaction((em) => t.app.get(SlaClocks).recompute(em, filed.body.id));
    await t.app.get(SlaSweeper).run(new Date('2025-11-12T06:30:00Z'));
    expect(await notices(filed.body.id, 'sla.warning')).toEqual([mail(kppnSupervisor.nik)]);
  });

  it('at the breach tells the KPPN supervisors and marks the ticket; one working day later it goes to the Kanwil, once', async () => {
    const id = await claimedQuestion('2025-11-18T02:00:00Z'); // Tue 10:00 WITA: resolution due Thu 20 Nov 10:00 WITA
    const sweeper = t.app.get(SlaSweeper);
    const afterDue = new Date('2025-11-20T03:00:00Z');
    await Promise.all([sweeper.run(afterDue), sweeper.run(afterDue)]);
    expect(await history(id)).toEqual([
      { type: 'SLA_BREACH', level: '2', clock: 'RESOLUTION' },
      { type: 'SLA_BREACH', level: '2', clock: 'RESPONSE' },
    ]);
    expect(await notices(id, 'sla.breach')).toEqual(
      [mail(w.cso.nik), mail(w.cso.nik), mail(kppnSupervisor.nik), mail(kppnSupervisor.nik)].sort(),
    );
    const marked = (await t.http.get(`/api/v1/tickets/${id}`).set(auth(tok.cso))).body;
    expect(marked).toMatchObject({
      status: 'DIPROSES',
      escalation: { level: 2, breachedAt: '2025-11-18T07:00:00.000Z' },
    });

    // Scheduled one working day after the resolution deadline: Fri 21 Nov 10:00 WITA.
    const [pending] = await t.db.query(
      `SELECT level, due_at AS "dueAt", fired_at AS "firedAt" FROM sla_escalations WHERE ticket_id = $1 AND level = 3`,
      [id],
    );
    expect(pending).toEqual({ level: 3, dueAt: new Date('2025-11-21T02:00:00Z'), firedAt: null });
    const escalations = t.app.get(EscalationSweep);
    await escalations.run(new Date('2025-11-21T01:59:00Z'));
    expect((await t.http.get(`/api/v1/tickets/${id}`).set(auth(tok.cso))).body.status).toBe('DIPROSES');

    const due = new Date('2025-11-21T02:00:00Z');
    await Promise.all([escalations.run(due), escalations.run(due)]);
    await escalations.run(due);
    const escalated = (await t.http.get(`/api/v1/tickets/${id}`).set(auth(tok.cso))).body;
    expect(escalated).toMatchObject({ status: 'DIESKALASI', escalation: { level: 3 } });
    expect((await history(id)).slice(2)).toEqual([
      { type: 'ESCALATE', level: null, clock: null },
      { type: 'SLA_ESCALATION', level: '3', clock: 'RESOLUTION' },
    ]);
    expect(escalated.history.find((h: { type: string }) => h.type === 'ESCALATE')).toMatchObject({
      actorName: null,
      toStatus: 'DIESKALASI',
    });
    expect(await notices(id, 'sla.escalated')).toEqual([mail(w.kanwilCso.nik), mail(kanwilSupervisor.nik)].sort());
    const rows = await t.db.query(
      `SELECT clock, level, outcome FROM sla_escalations WHERE ticket_id = $1 ORDER BY clock, level`,
      [id],
    );
    expect(rows).toEqual([
      { clock: 'RESOLUTION', level: 2, outcome: 'FIRED' },
      { clock: 'RESOLUTION', level: 3, outcome: 'ESCALATED' },
      { clock: 'RESPONSE', level: 2, outcome: 'FIRED' },
    ]);

    // The Kanwil's agents can now work it.
    const kanwil = await t.http.get(`/api/v1/tickets/${id}`).set(auth(await login(t, w.kanwilCso)));
    expect(kanwil.body.allowedEvents.map((e: { type: string }) => e.type)).toContain('COMPLETE');
  });

  it('drops a level whose ticket was resolved before it came due', async () => {
    const id = await claimedQuestion('2025-11-04T02:00:00Z'); // resolution due Thu 6 Nov 10:00 WITA, Kanwil level Fri 7 Nov
    await t.app.get(SlaSweeper).run(new Date('2025-11-06T03:00:00Z'));
    const seen = (await t.http.get(`/api/v1/tickets/${id}`).set(auth(tok.cso))).body;
    expect(
      (await sendEvent(t, tok.cso, id, seen.version, { type: 'COMPLETE', message: 'Selesai, terlambat.' })).status,
    ).toBe(200);
    await t.app.get(EscalationSweep).run(new Date('2025-11-07T03:00:00Z'));
    const [row] = await t.db.query(`SELECT outcome FROM sla_escalations WHERE ticket_id = $1 AND level = 3`, [id]);
    expect(row.outcome).toBe('DROPPED');
    expect((await history(id)).map((e: { type: string }) => e.type)).not.toContain('SLA_ESCALATION');
    expect(await notices(id, 'sla.escalated')).toEqual([]);
  });
});
