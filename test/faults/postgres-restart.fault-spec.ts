import { randomUUID } from 'node:crypto';
import { auth } from '../support/api';
import { loggedInWorld } from './support/fixtures';
import { faultScope, flag, spawnApp, summary, waitFor, type AppProcess } from './support/harness';

const RESTARTS = flag('FAULT_PG_RESTARTS', 4);
const CLIENTS = 8;
/** No answer may take longer than this, database or not. */
const DEADLINE_MS = 15_000;

interface Load {
  statuses: Record<string, number>;
  unexpected: string[];
  /** Idempotency-Key -> the ticket its 2xx answer named. */
  tickets: Map<string, string>;
  retries: number;
  slowestMs: number;
  stop: boolean;
}

/** One client filing tickets back to back, each retried with its own key until it gets a 2xx. */
async function client(api: AppProcess, token: string, load: Load): Promise<void> {
  const giveUp = () => Date.now() > stopBy;
  let stopBy = Infinity;
  while (!load.stop) {
    const key = `pg-restart-${randomUUID()}`;
    for (;;) {
      if (load.stop && stopBy === Infinity) stopBy = Date.now() + 60_000;
      const started = Date.now();
      const res = await api.http
        .post('/api/v1/tickets')
        .set(auth(token))
        .set('Idempotency-Key', key)
        .send({ service: 'PERTANYAAN', form: { perihal: 'Uji', uraian: `Kunci ${key}` } })
        .timeout(DEADLINE_MS)
        .then(
          (r) => r,
          (err: Error) => ({ status: `error ${err.message}`, body: null }),
        );
      load.slowestMs = Math.max(load.slowestMs, Date.now() - started);
      load.statuses[res.status] = (load.statuses[res.status] ?? 0) + 1;
      if (res.status === 200 || res.status === 201) {
        load.tickets.set(key, res.body.id);
        break;
      }
      if (res.status !== 503 || res.body?.error?.code !== 'SERVICE_UNAVAILABLE') {
        load.unexpected.push(`${res.status} ${JSON.stringify(res.body)}`);
        break;
      }
      if (giveUp()) {
        load.unexpected.push(`key ${key} never converged`);
        break;
      }
      load.retries++;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

// Continuous filings with Idempotency-Keys while the database restarts under them (a clean shutdown,
// then a crash with recovery, in turns). Every failure is a quick 503, retries with the same key end
// in exactly one ticket each, and the same api process carries on once the database is back.
describe('PostgreSQL restarted under load', () => {
  const scope = faultScope({ ownPostgres: true });

  it(`answers 503 while it is down, converges on retry and recovers the pool, ${RESTARTS} restarts`, async () => {
    const api = await spawnApp({ kind: 'api', name: 'api', db: scope.db, dataDir: scope.dir('pg-restart') });
    const { w, tok } = await loggedInWorld(scope.db, api);
    const load: Load = { statuses: {}, unexpected: [], tickets: new Map(), retries: 0, slowestMs: 0, stop: false };
    const started = Date.now();
    const clients = Array.from({ length: CLIENTS }, () => client(api, tok.satker, load));
    const successes = () => (load.statuses[200] ?? 0) + (load.statuses[201] ?? 0);
    const modes: Array<'fast' | 'immediate'> = [];

    for (let i = 0; i < RESTARTS; i++) {
      const before = successes();
      await waitFor('filings to flow', () => successes() >= before + 20, 30_000);
      const mode = i % 2 === 0 ? 'fast' : 'immediate';
      modes.push(mode);
      await scope.postgres.restart(mode);
      const after = successes();
      // The pool recovers by itself: new filings succeed on the same process.
      await waitFor('filings to succeed again after the restart', () => successes() >= after + 20, 30_000);
    }
    load.stop = true;
    await Promise.all(clients);

    expect(load.unexpected).toEqual([]);
    expect(load.statuses[503]).toBeGreaterThan(0);
    expect(Object.keys(load.statuses).filter((s) => !['200', '201', '503'].includes(s))).toEqual([]);
    expect(load.slowestMs).toBeLessThan(DEADLINE_MS);
    expect(api.alive()).toBe(true);
    expect((await api.http.get('/api/v1/health')).status).toBe(200);

    // Reconciliation: each key names exactly one ticket, the one its answer gave, and no ticket lacks a key.
    const rows: Array<{ key: string; ticket_id: string | null }> = await scope.db.ds.query(
      `SELECT k.key, k.ticket_id FROM idempotency_keys k WHERE k.person_id = $1`,
      [w.satkerUser.id],
    );
    const [{ tickets }] = await scope.db.ds.query(`SELECT count(*)::int AS tickets FROM tickets WHERE satker_id = $1`, [
      w.satker.id,
    ]);
    expect(rows.filter((r) => r.ticket_id === null)).toEqual([]);
    expect(new Map(rows.map((r) => [r.key, r.ticket_id]))).toEqual(load.tickets);
    expect(tickets).toBe(load.tickets.size);
    summary(
      '5 PostgreSQL restarted under load',
      `${RESTARTS} restarts (${modes.join(', ')}) under ${CLIENTS} clients: ` +
        `answers ${JSON.stringify(load.statuses)}, ${load.retries} retries, slowest ${load.slowestMs} ms, ` +
        `${load.tickets.size} keys = ${tickets} tickets, same api process throughout; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });
});
