import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { auth, sendEvent, startSuite, type Suite } from './support/api';

/**
 * Statements each hot request sends to the database, counted on the pg driver of the api process:
 * a filing in one transaction of at most 6 statements and no row shared by the office's filings; a
 * claim with no authentication query once the session is known.
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
    // sync, BEGIN, lock, event + ticket + NOTIFY, seen mark, COMMIT, the view
    expect(sql.length).toBeLessThanOrEqual(7);
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
    expect(sql.length).toBeLessThanOrEqual(99);
  });
});
