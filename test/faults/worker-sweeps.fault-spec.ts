import { addSupervisor, cloneTickets, fileQuestion, loggedInWorld } from './support/fixtures';
import { faultScope, flag, randomDelay, restart, spawnApp, summary, waitFor, type AppProcess } from './support/harness';

const ROUNDS = flag('FAULT_SWEEP_ROUNDS', 6);
const TICKETS = flag('FAULT_SWEEP_TICKETS', 2000);
const MEMBERSHIPS = flag('FAULT_SWEEP_MEMBERSHIPS', 50000);

type Sweep = 'sla' | 'dormancy';

// The session of a worker in the middle of a sweep: holding the dormancy advisory lock, or row locks
// on SLA clocks, with writes under way (a transaction id assigned).
const HOLDER = `
  SELECT DISTINCT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
   WHERE a.datname = current_database() AND a.application_name LIKE 'worker-%' AND a.backend_xid IS NOT NULL
     AND CASE $1 WHEN 'dormancy' THEN l.locktype = 'advisory' AND l.granted
                 ELSE l.locktype = 'relation' AND l.relation = 'sla_clocks'::regclass AND l.mode = 'RowShareLock' END`;

// Everything the sweeps owe, and everything they did more than once. All zero when the work is done right.
const RECONCILE = `
  SELECT
    (SELECT count(*) FROM sla_clocks WHERE kind = 'RESPONSE' AND stopped_at IS NULL AND breached_at IS DISTINCT FROM due_at)::int AS "unbreached",
    (SELECT count(*) FROM sla_clocks WHERE kind = 'RESOLUTION' AND stopped_at IS NULL AND warned_at IS DISTINCT FROM warn_at)::int AS "unwarned",
    (SELECT count(*) FROM myintress_memberships WHERE status = 2 AND last_login_at < now() - interval '6 months')::int AS "stillActive",
    (SELECT count(*) FROM (SELECT 1 FROM ticket_events WHERE type IN ('SLA_BREACH', 'SLA_WARNING')
        GROUP BY ticket_id, type, payload->>'clock' HAVING count(*) > 1) d)::int AS "repeatedEvents",
    (SELECT count(*) FROM (SELECT 1 FROM outbox WHERE topic IN ('sla.breach', 'sla.warning')
        GROUP BY ticket_id, topic, recipient HAVING count(*) > 1) d)::int AS "repeatedNotices",
    (SELECT count(*) FROM (SELECT 1 FROM membership_history WHERE change = 'DORMANT'
        GROUP BY membership_id HAVING count(*) > 1) d)::int AS "repeatedDormancy"`;

// Three workers sweep SLA and dormancy on one database; in each round the one holding a sweep is
// killed with SIGKILL mid-way. What it did is rolled back, the others and the next sweep finish it,
// and nothing is recorded twice.
describe('three workers sweeping SLA and dormancy, the lock holder killed mid-sweep', () => {
  const scope = faultScope();

  it(`record each warning, breach and status change once across ${ROUNDS} kills`, async () => {
    const dataDir = scope.dir('sweeps');
    const api = await spawnApp({ kind: 'api', name: 'api', db: scope.db, dataDir });
    const { w, tok } = await loggedInWorld(scope.db, api);
    await addSupervisor(scope.db, w.kppnId);
    const seed = await fileQuestion(api, tok.satker);
    await api.kill();
    // The original stays out of the sweeps; its copies get live, due clocks below.
    await scope.db.ds.query(`UPDATE sla_clocks SET stopped_at = now(), stop_reason = 'ANSWERED' WHERE ticket_id = $1`, [
      seed,
    ]);

    const env = { SLA_SWEEP_SECONDS: '1', DORMANCY_SWEEP_SECONDS: '1' };
    const workers = new Map<string, AppProcess>();
    await Promise.all(
      ['worker-1', 'worker-2', 'worker-3'].map(async (name) =>
        workers.set(name, await spawnApp({ kind: 'worker', name, db: scope.db, dataDir, env })),
      ),
    );

    const started = Date.now();
    const kills: string[] = [];
    let tickets = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const sweep: Sweep = round % 2 === 0 ? 'sla' : 'dormancy';
      // New work, all due at once: each ticket's response clock is past due, its resolution clock in the warning band.
      const ids = await cloneTickets(scope.db, seed, TICKETS);
      tickets += ids.length;
      await scope.db.ds.query(
        `UPDATE sla_clocks SET stopped_at = NULL, stop_reason = NULL,
           due_at = CASE kind WHEN 'RESPONSE' THEN now() - make_interval(mins => 1 + (random() * 600)::int) ELSE now() + interval '1 day' END,
           warn_at = CASE kind WHEN 'RESPONSE' THEN now() - interval '12 hours' ELSE now() - make_interval(mins => 1 + (random() * 60)::int) END
         WHERE ticket_id = ANY($1::uuid[])`,
        [ids],
      );
      await scope.db.ds.query(
        `WITH p AS (
           INSERT INTO persons (nik, name, email)
           SELECT '77' || lpad(($2::bigint * 10000000 + g)::text, 14, '0'), 'Pengguna Lama ' || g, 'lama-' || $2 || '-' || g || '@contoh.go.id'
             FROM generate_series(1, $1::int) g RETURNING id)
         INSERT INTO myintress_memberships (person_id, satker_id, status, role_name, phone, email, last_login_at, created_at)
         SELECT id, $3, 2, 'Operator', '081200000000', 'lama@contoh.go.id', now() - interval '7 months', now() - interval '1 year' FROM p`,
        [MEMBERSHIPS, round, w.satker.id],
      );

      const holder = await waitFor(
        `a worker holding the ${sweep} sweep`,
        async () => (await scope.db.ds.query(HOLDER, [sweep]))[0]?.name as string | undefined,
        30_000,
        5,
      );
      await randomDelay(sweep === 'sla' ? 400 : 20);
      const victim = workers.get(holder)!;
      await victim.kill();
      // The dormancy sweep is one statement: killed, it has changed all of this round's memberships or none.
      const { stillActive } = (await scope.db.ds.query(RECONCILE))[0];
      if (sweep === 'dormancy') expect([0, MEMBERSHIPS]).toContain(stillActive);
      const landed = sweep === 'sla' ? '' : stillActive === 0 ? ' after commit' : ' before commit';
      kills.push(`${sweep}:${holder}${landed}`);
      workers.set(holder, await restart(victim));

      let last: unknown;
      const state = await waitFor(
        'the sweeps to finish the work',
        async () => {
          const [row] = await scope.db.ds.query(RECONCILE);
          last = row;
          return row.unbreached + row.unwarned + row.stillActive === 0 ? row : undefined;
        },
        120_000,
        200,
      ).catch((err) => {
        throw new Error(
          `${err.message}; last ${JSON.stringify(last)}; logs:\n${[...workers.values()].map((p) => p.logs().slice(-3000)).join('\n')}`,
        );
      });
      expect(state).toEqual({
        unbreached: 0,
        unwarned: 0,
        stillActive: 0,
        repeatedEvents: 0,
        repeatedNotices: 0,
        repeatedDormancy: 0,
      });
    }

    // Exactly one of each, counted: per ticket a breach and a warning, each with one event and one notice.
    const [totals] = await scope.db.ds.query(
      `SELECT (SELECT count(*) FROM ticket_events WHERE type = 'SLA_BREACH')::int AS breaches,
              (SELECT count(*) FROM ticket_events WHERE type = 'SLA_WARNING')::int AS warnings,
              (SELECT count(*) FROM outbox WHERE topic = 'sla.breach')::int AS "breachNotices",
              (SELECT count(*) FROM outbox WHERE topic = 'sla.warning')::int AS "warningNotices",
              (SELECT count(*) FROM membership_history WHERE change = 'DORMANT')::int AS dormant`,
    );
    expect(totals).toEqual({
      breaches: tickets,
      warnings: tickets,
      breachNotices: tickets,
      warningNotices: tickets,
      dormant: ROUNDS * MEMBERSHIPS,
    });
    summary(
      '4 workers killed mid-sweep',
      `${ROUNDS} rounds (${kills.join(', ')}), ${tickets} tickets due, ` +
        `${ROUNDS * MEMBERSHIPS} memberships gone dormant: ${totals.breaches} breaches, ${totals.warnings} warnings, ` +
        `${totals.dormant} dormancy lines, each once; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });
});
