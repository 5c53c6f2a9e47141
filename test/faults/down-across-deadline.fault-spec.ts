import { addSupervisor, fileQuestion, loggedInWorld } from './support/fixtures';
import { faultScope, restart, spawnApp, summary, waitFor } from './support/harness';

// Each SLA_BREACH event and breach notice of a ticket, with the instants they name.
const BREACHES = `
  SELECT c.due_at AS "dueAt", c.breached_at AS "breachedAt",
         (SELECT array_agg((e.payload->>'dueAt')::timestamptz) FROM ticket_events e WHERE e.ticket_id = c.ticket_id AND e.type = 'SLA_BREACH') AS events,
         (SELECT array_agg((o.payload->>'dueAt')::timestamptz) FROM outbox o WHERE o.ticket_id = c.ticket_id AND o.topic = 'sla.breach') AS notices
    FROM sla_clocks c WHERE c.ticket_id = $1 AND c.kind = 'RESPONSE'`;

// The api (with its scheduled jobs) is down when a response deadline passes. When it comes back the
// breach is recorded at the due instant, not at the moment the sweep noticed it, and only once.
describe('the app down across an SLA deadline', () => {
  const scope = faultScope();

  it('records the breach at the due instant, once', async () => {
    let api = await spawnApp({
      kind: 'api',
      name: 'api',
      db: scope.db,
      dataDir: scope.dir('down'),
      env: { RUN_WORKER: 'true', SLA_SWEEP_SECONDS: '1' },
    });
    const { w, tok } = await loggedInWorld(scope.db, api);
    await addSupervisor(scope.db, w.kppnId);
    const [missed, later] = [await fileQuestion(api, tok.satker), await fileQuestion(api, tok.satker)];
    const started = Date.now();

    await api.kill();
    const setDue = (id: string, seconds: number) =>
      scope.db.ds.query(
        `UPDATE sla_clocks SET due_at = now() + make_interval(secs => $2), warn_at = now() + make_interval(secs => $2 - 1)
        WHERE ticket_id = $1 AND kind = 'RESPONSE' RETURNING due_at`,
        [id, seconds],
      );
    await setDue(missed, 1);
    await waitFor(
      'the deadline to pass while the app is down',
      async () =>
        (
          await scope.db.ds.query(
            `SELECT now() > due_at + interval '2 seconds' AS past FROM sla_clocks WHERE ticket_id = $1 AND kind = 'RESPONSE'`,
            [missed],
          )
        )[0].past,
      10_000,
      100,
    );
    const downFor = Date.now() - started;
    const [{ back }] = await scope.db.ds.query(`SELECT now() AS back`);
    api = await restart(api);

    const found = await waitFor(
      'the sweep to record the missed breach',
      async () => {
        const [row] = await scope.db.ds.query(BREACHES, [missed]);
        return row.breachedAt ? row : undefined;
      },
      20_000,
      100,
    );
    expect(found.breachedAt.getTime()).toBe(found.dueAt.getTime());
    expect(found.breachedAt.getTime()).toBeLessThan(back.getTime());

    // Later sweeps have run (they record a second ticket's breach) and recorded nothing more for the first.
    await setDue(later, 1);
    await waitFor('a later sweep', async () => (await scope.db.ds.query(BREACHES, [later]))[0].breachedAt, 20_000, 100);
    const [after] = await scope.db.ds.query(BREACHES, [missed]);
    expect(after).toEqual(found);
    expect(after.events.map((d: Date) => d.getTime())).toEqual([found.dueAt.getTime()]);
    expect(after.notices.map((d: Date) => d.getTime())).toEqual([found.dueAt.getTime()]);
    summary(
      '6 down across a deadline',
      `api down ${(downFor / 1000).toFixed(1)} s across the deadline; breach recorded at the due instant ` +
        `(${((back.getTime() - found.dueAt.getTime()) / 1000).toFixed(1)} s before the app was back), 1 event, 1 notice`,
    );
  });
});
