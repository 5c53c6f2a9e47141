import { claimedRegistration, newUser, sendEvent } from '../support/api';
import { completionKind, completionStates, loggedInWorld } from './support/fixtures';
import { faultScope, flag, randomDelay, restart, spawnApp, summary, type AppProcess } from './support/harness';

const ROUNDS = flag('FAULT_KILL_ROUNDS', 100);
const USERS = 2;

// kill -9 of the api at a random instant while it completes a registration: after the restart the
// ticket is either SELESAI with its memberships active and one of each notice, or untouched.
describe('kill -9 of the api during SELESAI of a MyIntress registration', () => {
  const scope = faultScope();

  it(`is all-or-nothing across ${ROUNDS} kills, and an untouched ticket completes on retry`, async () => {
    let api: AppProcess = await spawnApp({ kind: 'api', name: 'api', db: scope.db, dataDir: scope.dir('kill') });
    const { tok } = await loggedInWorld(scope.db, api);
    const users = () => Array.from({ length: USERS }, (_, i) => newUser(`Pengguna Uji ${i + 1}`));

    // How long a completion takes here, so the kills spread over before, during and after the commit.
    const timings: number[] = [];
    for (let i = 0; i < 5; i++) {
      const ticket = await claimedRegistration(api, tok.satker, tok.cso, users());
      const started = performance.now();
      expect((await sendEvent(api, tok.cso, ticket.id, ticket.version, { type: 'COMPLETE' })).status).toBe(200);
      timings.push(performance.now() - started);
    }
    const requestMs = timings.sort((a, b) => a - b)[2];
    const maxDelay = Math.max(5, Math.ceil(requestMs * 1.5));

    const counts = { committedAnswered: 0, committedUnanswered: 0, notCommitted: 0 };
    const started = Date.now();
    const ids: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const ticket = await claimedRegistration(api, tok.satker, tok.cso, users());
      ids.push(ticket.id);
      const answer = sendEvent(api, tok.cso, ticket.id, ticket.version, { type: 'COMPLETE' }).then(
        (r) => r.status,
        () => null,
      );
      await randomDelay(maxDelay);
      await api.kill();
      const status = await answer;
      api = await restart(api);

      const [state] = await completionStates(scope.db, [ticket.id]);
      const kind = completionKind(state, USERS);
      if (kind === 'torn' || (status === 200 && kind !== 'complete')) {
        throw new Error(`round ${round}: answer ${status}, state ${JSON.stringify(state)}`);
      }
      if (kind === 'complete') counts[status === 200 ? 'committedAnswered' : 'committedUnanswered']++;
      else {
        counts.notCommitted++;
        const retry = await sendEvent(api, tok.cso, ticket.id, ticket.version, { type: 'COMPLETE' });
        expect(retry.status).toBe(200);
      }
    }

    // Reconciliation over every round: all complete now, each exactly once.
    const torn = (await completionStates(scope.db, ids)).filter((s) => completionKind(s, USERS) !== 'complete');
    expect(torn).toEqual([]);
    summary(
      '1 kill -9 during SELESAI',
      `${ROUNDS} kills, request ~${requestMs.toFixed(0)} ms, delays 0..${maxDelay} ms: ` +
        `${counts.notCommitted} before commit (retried, then complete), ${counts.committedUnanswered} committed but unanswered, ` +
        `${counts.committedAnswered} after the answer; 0 torn; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });
});
