import { SlaReportSummary } from '@loket/sla';
import { LifecycleSweep } from '@loket/tickets';
import type { TestApp } from './support/app';
import { auth, claimedRegistration, newUser, sendEvent, startSuite, type Suite } from './support/api';
import type { World } from './support/world';

describe('ratings, auto-close and expiry', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];

  beforeAll(async () => ({ t, w, tok } = await startSuite()));
  afterAll(() => t.close());

  const rate = (id: string, token: string, body: object) =>
    t.http.post(`/api/v1/tickets/${id}/rating`).set(auth(token)).send(body);
  const resolvedDaysAgo = (id: string, days: number) =>
    t.db.query(`UPDATE tickets SET resolved_at = now() - make_interval(days => $2) WHERE id = $1`, [id, days]);

  it('lets the satker rate a finished ticket once, and counts ratings in the SLA report', async () => {
    const ticket = await claimedRegistration(t, tok.satker, tok.cso, [newUser('Dinilai')]);
    expect((await rate(ticket.id, tok.satker, { nilai: 'POSITIF' })).body.error.code).toBe('RATING_NOT_OPEN');
    await sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'COMPLETE' });
    expect((await rate(ticket.id, tok.cso, { nilai: 'NEGATIF' })).body.error.code).toBe('RATING_NOT_PERMITTED');
    expect((await rate(ticket.id, tok.satker, { nilai: 'SANGAT_BAIK' })).body.error.code).toBe('VALIDATION_FAILED');
    const ok = await rate(ticket.id, tok.satker, { nilai: 'POSITIF', komentar: 'Cepat dan jelas.' });
    expect([ok.status, ok.body]).toEqual([
      201,
      { ticketId: ticket.id, rating: 'POSITIF', comment: 'Cepat dan jelas.' },
    ]);
    const again = await rate(ticket.id, tok.satker, { nilai: 'NEGATIF' });
    expect([again.status, again.body.error.code]).toEqual([409, 'ALREADY_RATED']);
    const other = await rate(ticket.id, tok.otherSatker, { nilai: 'NEGATIF' });
    expect(other.status).toBe(404);
    const supervisor = await t.db.query(
      `INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'SUPERVISOR') RETURNING person_id`,
      [w.cso2.id, w.kppnId],
    );
    expect(supervisor).toHaveLength(1);
    const year = new Date().getUTCFullYear();
    await t.app.get(SlaReportSummary).refresh(); // the rating reaches the report's whole months with the worker's refresh
    const report = await t.http
      .get('/api/v1/reports/sla')
      .query({ from: `${year - 1}-01-01`, to: `${year + 1}-01-01` })
      .set(auth(tok.cso2));
    const total = report.body.rows
      .filter((r: { rollupLevel: number }) => r.rollupLevel === 7)
      .reduce((n: number, r: { ratingPositif: number }) => n + r.ratingPositif, 0);
    expect(total).toBe(1);
  });

  it('closes resolved tickets after 7 days and cancels unanswered corrections after 14, once, with two sweeps at once', async () => {
    const done = await claimedRegistration(t, tok.satker, tok.cso, [newUser('Tutup Otomatis')]);
    await sendEvent(t, tok.cso, done.id, done.version, { type: 'COMPLETE' });
    const recent = await claimedRegistration(t, tok.satker, tok.cso, [newUser('Baru Selesai')]);
    await sendEvent(t, tok.cso, recent.id, recent.version, { type: 'REJECT', reason: 'Berkas tidak sesuai.' });
    const waiting = await claimedRegistration(t, tok.satker, tok.cso, [newUser('Tak Kunjung Diperbaiki')]);
    await sendEvent(t, tok.cso, waiting.id, waiting.version, { type: 'REQUEST_CORRECTION', message: 'Lengkapi SK.' });

    await resolvedDaysAgo(done.id, 8);
    await resolvedDaysAgo(recent.id, 6);
    // History is append-only; only a test may move an event back in time, with triggers off for its own session.
    await t.db.transaction(async (em) => {
      await em.query(`SET LOCAL session_replication_role = replica`);
      await em.query(
        `UPDATE ticket_events SET created_at = now() - interval '15 days' WHERE ticket_id = $1 AND type = 'REQUEST_CORRECTION'`,
        [waiting.id],
      );
    });

    const sweep = t.app.get(LifecycleSweep);
    await Promise.all([sweep.run(), sweep.run()]);
    await sweep.run();
    const statuses = await t.db.query(`SELECT id, status FROM tickets WHERE id = ANY($1::uuid[])`, [
      [done.id, recent.id, waiting.id],
    ]);
    expect(Object.fromEntries(statuses.map((s: { id: string; status: string }) => [s.id, s.status]))).toEqual({
      [done.id]: 'DITUTUP',
      [recent.id]: 'DITOLAK',
      [waiting.id]: 'DIBATALKAN',
    });
    const events = await t.db.query(
      `SELECT ticket_id, type FROM ticket_events WHERE ticket_id = ANY($1::uuid[]) AND type IN ('CLOSE', 'EXPIRE')`,
      [[done.id, recent.id, waiting.id]],
    );
    expect(events).toHaveLength(2);
    const notices = await t.db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE ticket_id = $1 AND topic = 'ticket.expired'`,
      [waiting.id],
    );
    expect(notices[0].n).toBe(1);
    const late = await rate(done.id, tok.satker, { nilai: 'NETRAL' });
    expect([late.status, late.body.error.code]).toEqual([409, 'RATING_NOT_OPEN']);
  });
});
