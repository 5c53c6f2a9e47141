import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { auth, sendEvent, startSuite, type Suite } from './support/api';

/**
 * Statements each hot request sends to the database, counted on the pg driver of the api process:
 * a filing in one transaction of at most 6 statements and no row shared by the office's filings; a
 * claim with no authentication query once the session is known; a COMPLETE with its answer, clocks
 * and notice in two writes.
 */
describe('round trips of the hot paths', () => {
  let s: Suite;
  beforeAll(async () => (s = await startSuite()));
  afterAll(() => s.t.close());

  /** The session cache's shared check that no revocation is pending (on its LISTEN connection). */
  const SESSION_SYNC = 'SELECT 1';

  /** The SQL the api sends while `fn` runs (the request's own statements: nothing else runs meanwhile). */
  async function statements<T>(fn: () => Promise<T>): Promise<{ result: T; sql: string[] }> {
    const sql: string[] = [];
    const original = Client.prototype.query;
    const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      const q = args[0] as string | { text: string };
      sql.push((typeof q === 'string' ? q : q.text).replace(/\s+/g, ' ').trim());
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as never);
    try {
      return { result: await fn(), sql };
    } finally {
      spy.mockRestore();
    }
  }

  const file = () =>
    s.t.http
      .post('/api/v1/tickets')
      .set(auth(s.tok.satker))
      .set('Idempotency-Key', `rt-${randomUUID()}`)
      .send({ service: 'PERTANYAAN', form: { perihal: 'Rekon', uraian: 'Kapan jadwal rekon?' } });

  it('files a ticket in one transaction of at most 6 statements', async () => {
    await file(); // warms the session
    const { result, sql } = await statements(file);
    expect(result.status).toBe(201);
    console.log(`filing: ${sql.length} round trips\n${sql.map((q) => q.slice(0, 140)).join('\n')}`);
    const filing = sql.filter((q) => q !== SESSION_SYNC);
    expect(filing.filter((q) => /^(BEGIN|START TRANSACTION)/i.test(q))).toHaveLength(1);
    expect(filing.some((q) => /ticket_counters|FROM sessions/.test(q))).toBe(false);
    expect(filing.length).toBeLessThanOrEqual(6);
  });

  it('claims a ticket without reading the session again', async () => {
    const filed = await file();
    const { result, sql } = await statements(() =>
      sendEvent(s.t, s.tok.cso, filed.body.id, filed.body.version, { type: 'CLAIM' }),
    );
    expect(result.status).toBe(200);
    console.log(`claim: ${sql.length} round trips\n${sql.map((q) => q.slice(0, 140)).join('\n')}`);
    expect(sql.some((q) => /FROM sessions/.test(q))).toBe(false);
    expect(sql.filter((q) => q === SESSION_SYNC)).toHaveLength(1);
    // sync, BEGIN, lock, event + ticket + seen mark + NOTIFY, COMMIT, the view
    expect(sql.length).toBeLessThanOrEqual(6);
  });

  it('completes a ticket with its answer in one transaction', async () => {
    const filed = await file();
    const claimed = await sendEvent(s.t, s.tok.cso, filed.body.id, filed.body.version, { type: 'CLAIM' });
    const { result, sql } = await statements(() =>
      sendEvent(s.t, s.tok.cso, filed.body.id, claimed.body.version, {
        type: 'COMPLETE',
        message: 'Rekon dijadwalkan tanggal 5.',
      }),
    );
    expect(result.status).toBe(200);
    console.log(`complete: ${sql.length} round trips\n${sql.map((q) => q.slice(0, 140)).join('\n')}`);
    expect(sql.filter((q) => /^(BEGIN|START TRANSACTION)/i.test(q))).toHaveLength(1);
    // sync, BEGIN, lock with the filer's names, message + event + ticket + seen mark + clocks read,
    // stopped clocks + the ticket's SLA columns + the satker's notice, COMMIT, the view
    expect(sql.length).toBeLessThanOrEqual(7);
    // All of it happened: the answer in the thread, both clocks stopped, the satker told.
    expect(result.body).toMatchObject({ status: 'SELESAI', sla: { state: 'NONE', dueAt: null } });
    expect(result.body.messages.map((m: { body: string }) => m.body)).toEqual(['Rekon dijadwalkan tanggal 5.']);
    const history = result.body.history.map((e: { type: string }) => e.type);
    expect(history.slice(-1)).toEqual(['COMPLETE']);
    const [complete] = result.body.history.slice(-1);
    expect(complete.payload.messageId).toBe(result.body.messages[0].id);
    const sla = await s.t.http.get(`/api/v1/tickets/${filed.body.id}/sla`).set(auth(s.tok.cso));
    for (const clock of sla.body.clocks) expect(clock.stoppedAt).not.toBeNull();
    expect(sla.body.clocks.map((c: { state: string }) => c.state).sort()).toEqual(['MET', 'MET']);
    const notices = await s.t.db.query(`SELECT topic, recipient FROM outbox WHERE ticket_id = $1 ORDER BY topic`, [
      filed.body.id,
    ]);
    expect(notices.map((n: { topic: string }) => n.topic)).toEqual(['ticket.completed', 'ticket.filed']);
    expect(notices[0].recipient).toBe(notices[1].recipient);
  });
});
