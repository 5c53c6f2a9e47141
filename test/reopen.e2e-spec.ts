import { SlaClocks, SlaReportSummary } from '@loket/sla';
import { LifecycleSweep } from '@loket/tickets';
import type { TestApp } from './support/app';
import { auth, claimedRegistration, footprint, login, newUser, sendEvent, startSuite, type Suite } from './support/api';
import { createPerson, type World } from './support/world';

/** Reopening a resolved ticket that applied no outcome: back to its agent, a new resolution cycle, the first kept. */
describe('reopening a ticket before it is closed', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];

  beforeAll(async () => ({ t, w, tok } = await startSuite()));
  afterAll(() => t.close());

  const ask = async () => {
    const filed = await t.http
      .post('/api/v1/tickets')
      .set(auth(tok.satker))
      .send({ service: 'PERTANYAAN', form: { perihal: 'Jadwal rekonsiliasi', uraian: 'Mohon info.' } });
    expect(filed.status).toBe(201);
    return filed.body as { id: string; version: number };
  };
  /** A question the given CSO claimed and resolved with `type` (COMPLETE or REJECT). */
  async function resolved(type: 'COMPLETE' | 'REJECT', csoToken = tok.cso) {
    const filed = await ask();
    const claimed = await sendEvent(t, csoToken, filed.id, filed.version, { type: 'CLAIM' });
    const done = await sendEvent(
      t,
      csoToken,
      filed.id,
      claimed.body.version,
      type === 'REJECT' ? { type, reason: 'Bukan kewenangan KPPN' } : { type, message: 'Sudah dijawab.' },
    );
    expect(done.status).toBe(200);
    return done.body as { id: string; version: number; status: string };
  }
  const view = async (id: string, token = tok.satker) =>
    (await t.http.get(`/api/v1/tickets/${id}`).set(auth(token))).body;
  const reopenNotices = async (id: string) =>
    t.db.query(`SELECT recipient, payload FROM outbox WHERE ticket_id = $1 AND topic = 'ticket.reopened'`, [id]);

  it('offers REOPEN to the satker on a resolved question, needs a reason, and returns the ticket to the same agent', async () => {
    const done = await resolved('COMPLETE');
    const seen = await view(done.id);
    expect(seen.allowedEvents.map((e: { type: string }) => e.type)).toContain('REOPEN');
    expect((await view(done.id, tok.cso)).allowedEvents.map((e: { type: string }) => e.type)).not.toContain('REOPEN');

    const before = await footprint(t, w.satker.id);
    const noReason = await sendEvent(t, tok.satker, done.id, done.version, { type: 'REOPEN' });
    expect([noReason.status, noReason.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const byCso = await sendEvent(t, tok.cso, done.id, done.version, { type: 'REOPEN', reason: 'Saya buka lagi' });
    expect([byCso.status, byCso.body.error.code]).toEqual([403, 'EVENT_NOT_PERMITTED']);
    expect(await footprint(t, w.satker.id)).toEqual(before);

    const res = await sendEvent(t, tok.satker, done.id, done.version, {
      type: 'REOPEN',
      reason: 'Jawaban belum menjawab pertanyaan kedua.',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'DIPROSES', assignee: { id: w.cso.id } });
    const [notice] = await reopenNotices(done.id);
    expect(notice).toMatchObject({
      recipient: `${w.cso.nik}@contoh.go.id`,
      payload: { reason: 'Jawaban belum menjawab pertanyaan kedua.', name: 'CSO Pertama' },
    });
    const history = (await view(done.id)).history.map((e: { type: string }) => e.type);
    expect(history.slice(-1)).toEqual(['REOPEN']);
  });

  it('reopens a rejection too, and sends it to the queue (BARU) when its agent no longer works the office', async () => {
    const leaving = await createPerson(t.db, 'CSO Pindah Tugas');
    await t.db.query(`INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'CSO')`, [
      leaving.id,
      w.kppnId,
    ]);
    const rejected = await resolved('REJECT', await login(t, leaving));
    await t.db.query(`DELETE FROM staff_roles WHERE person_id = $1`, [leaving.id]);
    const res = await sendEvent(t, tok.satker, rejected.id, rejected.version, {
      type: 'REOPEN',
      reason: 'Mohon ditinjau ulang.',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'BARU', assignee: null });
    expect(await reopenNotices(rejected.id)).toEqual([]);
  });

  it("runs a new resolution cycle that the SLA explanation and the report show, keeping the first cycle's result", async () => {
    const filed = await ask();
    // The first cycle started two weeks ago: resolving it now is late.
    await t.db.query(`UPDATE sla_clocks SET started_at = now() - interval '14 days' WHERE ticket_id = $1`, [filed.id]);
    await t.db.transaction((em) => t.app.get(SlaClocks).recompute(em, filed.id));
    const claimed = await sendEvent(t, tok.cso2, filed.id, filed.version, { type: 'CLAIM' });
    const late = await sendEvent(t, tok.cso2, filed.id, claimed.body.version, {
      type: 'COMPLETE',
      message: 'Terlambat, maaf.',
    });
    const reopened = await sendEvent(t, tok.satker, filed.id, late.body.version, {
      type: 'REOPEN',
      reason: 'Masih ada yang kurang.',
    });
    expect(reopened.body).toMatchObject({ status: 'DIPROSES', assignee: { id: w.cso2.id } });

    const sla = (await t.http.get(`/api/v1/tickets/${filed.id}/sla`).set(auth(tok.satker))).body.clocks;
    expect(sla.map((c: { clock: string; cycle: number; state: string }) => [c.clock, c.cycle, c.state])).toEqual([
      ['RESPONSE', 1, 'BREACHED'],
      ['RESOLUTION', 1, 'BREACHED'],
      ['RESOLUTION', 2, 'RUNNING'],
    ]);
    expect(new Date(sla[2].startedAt).getTime()).toBeGreaterThan(new Date(sla[1].stoppedAt).getTime() - 1000);
    expect(sla[2].dueAt).not.toBeNull();

    const again = await sendEvent(t, tok.cso2, filed.id, reopened.body.version, {
      type: 'COMPLETE',
      message: 'Sudah lengkap.',
    });
    expect(again.body.status).toBe('SELESAI');
    const [row] = await t.db.query(
      `SELECT resolution_met, reopen_count, reopen_cycles_measured, reopen_cycles_met FROM tickets WHERE id = $1`,
      [filed.id],
    );
    expect(row).toEqual({ resolution_met: false, reopen_count: 1, reopen_cycles_measured: 1, reopen_cycles_met: 1 });

    const supervisor = await createPerson(t.db, 'Kepala Seksi Reopen');
    await t.db.query(`INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'SUPERVISOR')`, [
      supervisor.id,
      w.kppnId,
    ]);
    const year = new Date().getUTCFullYear();
    await t.app.get(SlaReportSummary).refresh(); // what the worker does each sweep
    const report = await t.http
      .get('/api/v1/reports/sla')
      .query({ from: `${year - 1}-01-01`, to: `${year + 1}-01-01` })
      .set(auth(await login(t, supervisor)));
    const agentRow = report.body.rows.find(
      (r: { agent: string | null; rollupLevel: number }) => r.agent === 'CSO Kedua' && r.rollupLevel === 0,
    );
    expect(agentRow).toMatchObject({
      service: 'PERTANYAAN',
      filed: 1,
      resolutionWithinTargetPct: 0,
      reopened: 1,
      reopenResolutionWithinTargetPct: 100,
    });
    expect(report.body.breaches).toEqual(
      expect.arrayContaining([expect.objectContaining({ ticketId: filed.id, clock: 'RESOLUTION', cycle: 1 })]),
    );
  });

  it('refuses to reopen a ticket whose completion changed accounts, and a closed one, changing nothing', async () => {
    const ticket = await claimedRegistration(t, tok.satker, tok.cso, [newUser('Sudah Terdaftar')]);
    const done = await sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'COMPLETE' });
    expect((await view(done.body.id)).allowedEvents.map((e: { type: string }) => e.type)).not.toContain('REOPEN');
    const before = await footprint(t, w.satker.id);
    const outcome = await sendEvent(t, tok.satker, done.body.id, done.body.version, {
      type: 'REOPEN',
      reason: 'Ada yang salah',
    });
    expect([outcome.status, outcome.body.error.code]).toEqual([409, 'REOPEN_NOT_ALLOWED']);
    expect(outcome.body.error.message).toContain('ajukan permintaan baru');
    expect(await footprint(t, w.satker.id)).toEqual(before);

    const closed = await resolved('COMPLETE');
    // Resolved eight days ago: the worker's daily sweep closes it (only this suite's ticket is that old).
    await t.db.query(`UPDATE tickets SET resolved_at = now() - interval '8 days' WHERE id = $1`, [closed.id]);
    await t.app.get(LifecycleSweep).run();
    expect((await view(closed.id)).status).toBe('DITUTUP');
    const closedBefore = await footprint(t, w.satker.id);
    const late = await sendEvent(t, tok.satker, closed.id, closed.version + 1, {
      type: 'REOPEN',
      reason: 'Ada yang salah',
    });
    expect([late.status, late.body.error.code]).toEqual([409, 'REOPEN_NOT_ALLOWED']);
    expect(late.body.error.message).toContain('sudah ditutup');
    expect(await footprint(t, w.satker.id)).toEqual(closedBefore);
  });
});
