import { claimedRegistration, newUser, sendEvent } from '../support/api';
import { completionKind, completionStates, loggedInWorld } from './support/fixtures';
import { faultScope, flag, spawnApp, summary } from './support/harness';

const ROUNDS = flag('FAULT_RACE_ROUNDS', 50);

// Two CSOs press Selesaikan on the same ticket at the same instant, each through its own api
// process on the one database: one wins, the other is told the ticket moved on, one activation.
describe('two CSOs completing the same ticket at the same moment', () => {
  const scope = faultScope();

  it(`gives one 200 and one 409 STALE_VERSION, and activates once, ${ROUNDS} times`, async () => {
    const dataDir = scope.dir('race');
    const [a, b] = await Promise.all(
      ['api-a', 'api-b'].map((name) => spawnApp({ kind: 'api', name, db: scope.db, dataDir })),
    );
    const { tok } = await loggedInWorld(scope.db, a);
    const started = Date.now();
    const ids: string[] = [];
    const winners = { first: 0, second: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const ticket = await claimedRegistration(a, tok.satker, tok.cso, [newUser('Pengguna Balapan')]);
      ids.push(ticket.id);
      const [one, two] = await Promise.all([
        sendEvent(a, tok.cso, ticket.id, ticket.version, { type: 'COMPLETE' }),
        sendEvent(b, tok.cso2, ticket.id, ticket.version, { type: 'COMPLETE' }),
      ]);
      expect([one.status, two.status].sort()).toEqual([200, 409]);
      const loser = one.status === 409 ? one : two;
      expect(loser.body.error).toMatchObject({
        code: 'STALE_VERSION',
        details: { expectedVersion: ticket.version, currentVersion: ticket.version + 1 },
      });
      winners[one.status === 200 ? 'first' : 'second']++;
    }

    const states = await completionStates(scope.db, ids);
    expect(states.filter((s) => completionKind(s, 1) !== 'complete')).toEqual([]);
    summary(
      '2 concurrent SELESAI',
      `${ROUNDS} races over two api processes: ${ROUNDS} x (one 200 + one 409 STALE_VERSION), ` +
        `won by CSO 1 ${winners.first} / CSO 2 ${winners.second}, one activation each; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });
});
