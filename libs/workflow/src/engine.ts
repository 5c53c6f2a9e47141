import { initialTransition, transition } from 'xstate';
import type { TicketMachine } from './lifecycle';
import type { ActorFacts, Effect, PersistedSnapshot, TicketStatus, WorkflowEvent } from './types';

export type TransitionOutcome =
  | { ok: true; snapshot: PersistedSnapshot; effects: Effect[] }
  | { ok: false; reason: 'NOT_IN_STATE' | 'NOT_PERMITTED'; allowed: string[] };

const persist = (s: { value: unknown; context: PersistedSnapshot['context'] }): PersistedSnapshot => ({
  value: s.value as TicketStatus,
  context: { ...s.context },
});

const toEffects = (actions: ReadonlyArray<{ type: string; params?: unknown }>): Effect[] =>
  actions.filter((a) => a.type === 'effect').map((a) => ({ type: (a.params as { name: string }).name }));

export function startSnapshot(machine: TicketMachine): { snapshot: PersistedSnapshot; effects: Effect[] } {
  const [snapshot, actions] = initialTransition(machine);
  return { snapshot: persist(snapshot), effects: toEffects(actions) };
}

/** Event types the state accepts at all, whoever sends them. */
export function eventsOfState(machine: TicketMachine, status: TicketStatus): string[] {
  const node = machine.root.states[status];
  return node ? Object.keys(node.config.on ?? {}) : [];
}

const ALLOWED_MEMO = new WeakMap<TicketMachine, Map<string, string[]>>();
const ALLOWED_MEMO_SIZE = 10_000;

/** Event types this actor may send now (guards evaluated with the actor's facts). */
export function allowedEvents(machine: TicketMachine, persisted: PersistedSnapshot, facts: ActorFacts): string[] {
  // A queue page asks this for every row, and resolving a snapshot is the costly part: the answer
  // depends only on the machine, the snapshot and the facts, so it is remembered (a bounded memo).
  let memo = ALLOWED_MEMO.get(machine);
  if (!memo) ALLOWED_MEMO.set(machine, (memo = new Map()));
  const key = JSON.stringify([persisted, facts]);
  const known = memo.get(key);
  if (known) return [...known];
  const snapshot = machine.resolveState(persisted);
  const allowed = eventsOfState(machine, persisted.value).filter((type) => snapshot.can({ type, facts }));
  if (memo.size >= ALLOWED_MEMO_SIZE) memo.clear();
  memo.set(key, allowed);
  return [...allowed];
}

/** Pure: given the stored snapshot and an event, the next snapshot and the effects to apply. */
export function applyEvent(
  machine: TicketMachine,
  persisted: PersistedSnapshot,
  event: WorkflowEvent,
): TransitionOutcome {
  const current = machine.resolveState(persisted);
  // Asked before transitioning: an accepted event without a target (a notice that keeps the status)
  // also leaves the snapshot as it was, so "unchanged" cannot mean "refused".
  if (!current.can(event)) {
    const inState = eventsOfState(machine, persisted.value).includes(event.type);
    return {
      ok: false,
      reason: inState ? 'NOT_PERMITTED' : 'NOT_IN_STATE',
      allowed: allowedEvents(machine, persisted, event.facts),
    };
  }
  const [next, actions] = transition(machine, current, event);
  return { ok: true, snapshot: persist(next), effects: toEffects(actions) };
}
