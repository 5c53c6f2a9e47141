import { COMMON_MACHINES } from './catalogue';
import { allowedEvents, applyEvent, startSnapshot } from './engine';
import { buildLifecycleMachine } from './lifecycle';
import type { ActorFacts, PersistedSnapshot } from './types';

// The lifecycle with an outcome, as a service folder builds it (MyIntress registration's, say).
const machine = buildLifecycleMachine({
  id: 'with-outcome',
  version: 1,
  outcomeEffects: ['myintress.registerListedUsers'],
});
const agent: ActorFacts = { actorId: 'cso-1', roles: ['AGENT'] };
const otherAgent: ActorFacts = { actorId: 'cso-2', roles: ['AGENT'] };
const satker: ActorFacts = { actorId: 'user-1', roles: ['SATKER'] };
const system: ActorFacts = { actorId: null, roles: ['SYSTEM'] };

function run(snapshot: PersistedSnapshot, type: string, facts: ActorFacts): PersistedSnapshot {
  const out = applyEvent(machine, snapshot, { type, facts });
  if (!out.ok) throw new Error(`${type} refused: ${out.reason}`);
  return out.snapshot;
}

describe('ticket lifecycle', () => {
  const start = startSnapshot(machine).snapshot;

  it('starts in BARU with no assignee and no correction rounds', () => {
    expect(start).toEqual({ value: 'BARU', context: { assigneeId: null, correctionRounds: 0 } });
  });

  it('walks claim, correction round trip and completion, emitting the outcome effect once', () => {
    const claimed = run(start, 'CLAIM', agent);
    expect(claimed).toEqual({ value: 'DIPROSES', context: { assigneeId: 'cso-1', correctionRounds: 0 } });
    const waiting = run(claimed, 'REQUEST_CORRECTION', agent);
    expect(waiting.value).toBe('MENUNGGU_PERBAIKAN');
    expect(waiting.context.correctionRounds).toBe(1);
    const back = run(waiting, 'SUBMIT_CORRECTION', satker);
    const again = run(run(back, 'REQUEST_CORRECTION', agent), 'SUBMIT_CORRECTION', satker);
    expect(again.context.correctionRounds).toBe(2);
    const done = applyEvent(machine, again, { type: 'COMPLETE', facts: agent });
    expect(done).toEqual({
      ok: true,
      snapshot: { value: 'SELESAI', context: { assigneeId: 'cso-1', correctionRounds: 2 } },
      effects: [{ type: 'myintress.registerListedUsers' }],
    });
  });

  it('separates an event the state does not accept from one this actor may not send', () => {
    const claimed = run(start, 'CLAIM', agent);
    expect(applyEvent(machine, start, { type: 'COMPLETE', facts: agent })).toEqual({
      ok: false,
      reason: 'NOT_IN_STATE',
      allowed: ['CLAIM', 'ASSIGN'],
    });
    expect(applyEvent(machine, claimed, { type: 'COMPLETE', facts: satker })).toEqual({
      ok: false,
      reason: 'NOT_PERMITTED',
      allowed: ['CANCEL'],
    });
    expect(applyEvent(machine, claimed, { type: 'COMPLETE', facts: { actorId: 'x', roles: [] } })).toMatchObject({
      ok: false,
      reason: 'NOT_PERMITTED',
      allowed: [],
    });
  });

  it('lists what each actor may send next', () => {
    const claimed = run(start, 'CLAIM', agent);
    expect(allowedEvents(machine, start, satker)).toEqual(['CANCEL']);
    expect(allowedEvents(machine, claimed, agent)).toEqual([
      'REQUEST_CORRECTION',
      'COMPLETE',
      'REJECT',
      'ESCALATE',
      'ASSIGN',
      'UNASSIGN',
    ]);
  });

  it('lets a colleague of the same office take over: whoever acts becomes the assignee', () => {
    const claimed = run(start, 'CLAIM', agent);
    expect(allowedEvents(machine, claimed, otherAgent)).toEqual([
      'REQUEST_CORRECTION',
      'COMPLETE',
      'REJECT',
      'ESCALATE',
      'ASSIGN',
      'UNASSIGN',
    ]);
    expect(run(claimed, 'REQUEST_CORRECTION', otherAgent).context.assigneeId).toBe('cso-2');
  });

  it('escalation hands the ticket to the Kanwil tier, which can return or resolve it', () => {
    const escalated = run(run(start, 'CLAIM', agent), 'ESCALATE', agent);
    const kanwil: ActorFacts = { actorId: 'kanwil-1', roles: ['ESCALATION_AGENT'] };
    expect(allowedEvents(machine, escalated, kanwil)).toEqual([
      'COMPLETE',
      'REJECT',
      'RETURN_TO_KPPN',
      'ASSIGN',
      'UNASSIGN',
    ]);
    expect(allowedEvents(machine, escalated, agent)).toEqual([]);
    expect(run(escalated, 'RETURN_TO_KPPN', kanwil).value).toBe('DIPROSES');
  });

  describe('assignment', () => {
    const to = (facts: ActorFacts, personId: string, roles: ActorFacts['roles']): ActorFacts => ({
      ...facts,
      target: { personId, roles },
    });

    it('ASSIGN hands a new ticket to a colleague of the office, who then holds it in DIPROSES', () => {
      expect(run(start, 'ASSIGN', to(agent, 'cso-2', ['AGENT']))).toEqual({
        value: 'DIPROSES',
        context: { assigneeId: 'cso-2', correctionRounds: 0 },
      });
      const claimed = run(start, 'CLAIM', agent);
      expect(run(claimed, 'ASSIGN', to(agent, 'cso-2', ['AGENT'])).context.assigneeId).toBe('cso-2');
    });

    it('refuses a target who does not work the office, and an actor who is no agent of it', () => {
      expect(applyEvent(machine, start, { type: 'ASSIGN', facts: to(agent, 'outsider', []) })).toMatchObject({
        ok: false,
        reason: 'NOT_PERMITTED',
      });
      expect(
        applyEvent(machine, start, { type: 'ASSIGN', facts: to(agent, 'kanwil-1', ['ESCALATION_AGENT']) }),
      ).toMatchObject({ ok: false });
      expect(applyEvent(machine, start, { type: 'ASSIGN', facts: to(satker, 'cso-2', ['AGENT']) })).toMatchObject({
        ok: false,
      });
    });

    it('UNASSIGN returns a worked ticket to BARU (an agent or the system); a waiting one keeps waiting unheld', () => {
      const claimed = run(start, 'CLAIM', agent);
      expect(run(claimed, 'UNASSIGN', agent)).toEqual({
        value: 'BARU',
        context: { assigneeId: null, correctionRounds: 0 },
      });
      expect(run(claimed, 'UNASSIGN', system).value).toBe('BARU');
      expect(applyEvent(machine, claimed, { type: 'UNASSIGN', facts: satker })).toMatchObject({ ok: false });
      const waiting = run(run(claimed, 'REQUEST_CORRECTION', agent), 'UNASSIGN', system);
      expect(waiting).toEqual({ value: 'MENUNGGU_PERBAIKAN', context: { assigneeId: null, correctionRounds: 1 } });
      expect(run(waiting, 'SUBMIT_CORRECTION', satker).value).toBe('BARU');
    });

    it('a supervisor of the tier assigns and releases but does not work the ticket', () => {
      const supervisor: ActorFacts = { actorId: 'spv-1', roles: ['SUPERVISOR'] };
      const kanwilSupervisor: ActorFacts = { actorId: 'spv-2', roles: ['SUPERVISOR', 'ESCALATION_SUPERVISOR'] };
      expect(allowedEvents(machine, start, supervisor)).toEqual(['ASSIGN']);
      const assigned = run(start, 'ASSIGN', to(supervisor, 'cso-2', ['AGENT']));
      expect(assigned).toEqual({ value: 'DIPROSES', context: { assigneeId: 'cso-2', correctionRounds: 0 } });
      expect(allowedEvents(machine, assigned, supervisor)).toEqual(['ASSIGN', 'UNASSIGN']);
      expect(run(assigned, 'UNASSIGN', supervisor).value).toBe('BARU');
      const escalated = run(assigned, 'ESCALATE', otherAgent);
      expect(allowedEvents(machine, escalated, supervisor)).toEqual([]);
      expect(run(escalated, 'ASSIGN', to(kanwilSupervisor, 'kanwil-2', ['ESCALATION_AGENT'])).value).toBe('DIESKALASI');
    });

    it('at the Kanwil tier assignment stays among the Kanwil agents; a return with nobody holding it is BARU', () => {
      const kanwil: ActorFacts = { actorId: 'kanwil-1', roles: ['ESCALATION_AGENT'] };
      const escalated = run(run(start, 'CLAIM', agent), 'ESCALATE', agent);
      expect(run(escalated, 'ASSIGN', to(kanwil, 'kanwil-2', ['ESCALATION_AGENT'])).value).toBe('DIESKALASI');
      expect(applyEvent(machine, escalated, { type: 'ASSIGN', facts: to(kanwil, 'cso-2', ['AGENT']) })).toMatchObject({
        ok: false,
      });
      const unheld = run(escalated, 'UNASSIGN', system);
      expect(run(unheld, 'RETURN_TO_KPPN', kanwil)).toEqual({
        value: 'BARU',
        context: { assigneeId: null, correctionRounds: 0 },
      });
    });
  });

  it('only the worker expires a waiting ticket or closes a finished one', () => {
    const waiting = run(run(start, 'CLAIM', agent), 'REQUEST_CORRECTION', agent);
    expect(applyEvent(machine, waiting, { type: 'EXPIRE', facts: satker })).toMatchObject({ ok: false });
    expect(run(waiting, 'EXPIRE', system).value).toBe('DIBATALKAN');
    const rejected = run(run(start, 'CLAIM', agent), 'REJECT', agent);
    expect(run(rejected, 'CLOSE', system).value).toBe('DITUTUP');
  });

  it('the plain lifecycle completes with no outcome effect', () => {
    const plain = COMMON_MACHINES[0];
    const claimed = applyEvent(plain, startSnapshot(plain).snapshot, { type: 'CLAIM', facts: agent });
    if (!claimed.ok) throw new Error('claim refused');
    expect(applyEvent(plain, claimed.snapshot, { type: 'COMPLETE', facts: agent })).toMatchObject({
      ok: true,
      effects: [],
    });
  });
});
