import { and, assign, setup } from 'xstate';
import type { ActorRole, TicketContext, WorkflowEvent } from './types';

const hasRole = (event: WorkflowEvent, role: ActorRole) => event.facts?.roles?.includes(role) ?? false;
const hasAny = (event: WorkflowEvent, ...roles: ActorRole[]) => roles.some((role) => hasRole(event, role));
/**
 * Whether the person an ASSIGN names may work the ticket in this role. Asked without a target (to
 * list what an actor may send), it says yes: the ticket layer always names one when dispatching.
 */
const targetIs = (event: WorkflowEvent, role: ActorRole) =>
  !event.facts?.target || event.facts.target.roles.includes(role);

/** Guards and actions every ticket machine may name; guards only read the actor's facts. */
const ticketSetup = () =>
  setup({
    types: { context: {} as TicketContext, events: {} as WorkflowEvent },
    guards: {
      isAgent: ({ event }) => hasRole(event, 'AGENT'),
      isSatker: ({ event }) => hasRole(event, 'SATKER'),
      isSystem: ({ event }) => hasRole(event, 'SYSTEM'),
      isEscalationAgent: ({ event }) => hasRole(event, 'ESCALATION_AGENT'),
      // Agents and supervisors of the tier hand a ticket to an agent of that tier, or back to its pool.
      assignsAgent: ({ event }) => hasAny(event, 'AGENT', 'SUPERVISOR') && targetIs(event, 'AGENT'),
      assignsEscalationAgent: ({ event }) =>
        hasAny(event, 'ESCALATION_AGENT', 'ESCALATION_SUPERVISOR') && targetIs(event, 'ESCALATION_AGENT'),
      releasesAtKppn: ({ event }) => hasAny(event, 'AGENT', 'SUPERVISOR', 'SYSTEM'),
      releasesAtKanwil: ({ event }) => hasAny(event, 'ESCALATION_AGENT', 'ESCALATION_SUPERVISOR', 'SYSTEM'),
      isAssigned: ({ context }) => context.assigneeId !== null,
      assigneeServes: ({ event }) => event.facts?.assigneeServes === true,
    },
    actions: {
      assignActor: assign({ assigneeId: ({ event }) => event.facts.actorId }),
      assignTarget: assign({ assigneeId: ({ event }) => event.facts.target?.personId ?? null }),
      unassign: assign({ assigneeId: null }),
      countCorrectionRound: assign({ correctionRounds: ({ context }) => context.correctionRounds + 1 }),
      // A marker: the ticket layer applies the named effect in the transaction that stores the transition.
      effect: (_args, _params: { name: string }) => undefined,
    },
  });

const effectActions = (names: string[]) => names.map((name) => ({ type: 'effect' as const, params: { name } }));

export interface LifecycleOptions {
  id: string;
  version: number;
  /** Effects applied atomically with entering SELESAI (the service's outcome). */
  outcomeEffects?: string[];
  /** The agent answers with a status notice (will be done / cannot be done) that keeps the status. */
  statusNotice?: boolean;
}

/**
 * The common lifecycle of DOMAIN.md. The queue belongs to the office: any CSO of the ticket's KPPN
 * may work a claimed ticket, and whoever acts on it becomes its assignee (a colleague can take over).
 * Services differ by the effects their completion applies; a service whose flow differs gets its own
 * machine under a new id, and `version` grows whenever a machine changes so tickets in flight keep
 * resolving against the definition they started on.
 *
 * ASSIGN (to a named colleague) and UNASSIGN (back to the office's pool) were added to version 1
 * without a new version: they add transitions only, every stored snapshot resolves as before, and
 * tickets already in flight need them (e.g. when an agent leaves the office). Supervisors of the
 * tier may send them too (guards only, same transitions). A ticket nobody works
 * is BARU: unassigning a DIPROSES ticket returns it there, and a correction answered (or an
 * escalation returned) while nobody holds the ticket lands in BARU instead of DIPROSES.
 * REOPEN (the satker, on SELESAI without an outcome and on DITOLAK) and the worker's ESCALATE (an
 * escalation level) were added the same way, for the same reasons.
 */
export function buildLifecycleMachine({ id, version, outcomeEffects = [], statusNotice = false }: LifecycleOptions) {
  const cancelBySatker = { guard: 'isSatker' as const, target: 'DIBATALKAN' as const };
  const takeOver = { type: 'assignActor' as const };
  const outcome = effectActions(outcomeEffects);
  const assignTo = { type: 'assignTarget' as const };
  const release = { type: 'unassign' as const };
  // Reassigning while the ticket waits (on the satker, or at the Kanwil) keeps its status.
  const keepWaiting = (
    assigner: 'assignsAgent' | 'assignsEscalationAgent',
    releaser: 'releasesAtKppn' | 'releasesAtKanwil',
  ) => ({
    ASSIGN: { guard: assigner, actions: [assignTo] },
    UNASSIGN: { guard: releaser, actions: [release] },
  });
  const backToWork = (guard: 'isSatker' | 'isEscalationAgent') => [
    { guard: and([guard, 'isAssigned']), target: 'DIPROSES' as const },
    { guard, target: 'BARU' as const },
  ];
  const resolveBy = (guard: 'isAgent' | 'isEscalationAgent') => ({
    COMPLETE: { guard, target: 'SELESAI' as const, actions: [takeOver, ...outcome] },
    REJECT: { guard, target: 'DITOLAK' as const, actions: [takeOver] },
  });
  // Reopening (before DITUTUP, by the satker, with a reason) goes back to the agent who resolved it
  // while they still work the office, else to the queue. Only a ticket that changed nothing may: a
  // completion that applied an outcome is final, and the satker files a new request instead.
  const reopen = [
    { guard: and(['isSatker', 'assigneeServes']), target: 'DIPROSES' as const },
    { guard: 'isSatker' as const, target: 'BARU' as const, actions: [release] },
  ];
  const reopenAfterCompletion = outcomeEffects.length === 0 ? { REOPEN: reopen } : {};
  // The worker escalates a ticket whose resolution target has long passed (an escalation level).
  const escalateBySystem = { guard: 'isSystem' as const, target: 'DIESKALASI' as const };

  return ticketSetup().createMachine({
    id: `${id}@${version}`,
    initial: 'BARU',
    context: { assigneeId: null, correctionRounds: 0 },
    states: {
      BARU: {
        on: {
          CLAIM: { guard: 'isAgent', target: 'DIPROSES', actions: [takeOver] },
          ASSIGN: { guard: 'assignsAgent', target: 'DIPROSES', actions: [assignTo] },
          CANCEL: cancelBySatker,
          ESCALATE: escalateBySystem,
        },
      },
      DIPROSES: {
        on: {
          REQUEST_CORRECTION: {
            guard: 'isAgent',
            target: 'MENUNGGU_PERBAIKAN',
            actions: [takeOver, { type: 'countCorrectionRound' }],
          },
          ...resolveBy('isAgent'),
          ESCALATE: [{ guard: 'isAgent', target: 'DIESKALASI', actions: [takeOver] }, escalateBySystem],
          ...(statusNotice ? { STATUS_NOTICE: { guard: 'isAgent' as const, actions: [takeOver] } } : {}),
          ASSIGN: { guard: 'assignsAgent', actions: [assignTo] },
          UNASSIGN: { guard: 'releasesAtKppn', target: 'BARU', actions: [release] },
          CANCEL: cancelBySatker,
        },
      },
      MENUNGGU_PERBAIKAN: {
        on: {
          SUBMIT_CORRECTION: backToWork('isSatker'),
          ...keepWaiting('assignsAgent', 'releasesAtKppn'),
          CANCEL: cancelBySatker,
          EXPIRE: { guard: 'isSystem', target: 'DIBATALKAN' },
        },
      },
      DIESKALASI: {
        on: {
          ...resolveBy('isEscalationAgent'),
          RETURN_TO_KPPN: backToWork('isEscalationAgent'),
          ...keepWaiting('assignsEscalationAgent', 'releasesAtKanwil'),
          CANCEL: cancelBySatker,
        },
      },
      SELESAI: { on: { CLOSE: { guard: 'isSystem', target: 'DITUTUP' }, ...reopenAfterCompletion } },
      DITOLAK: { on: { CLOSE: { guard: 'isSystem', target: 'DITUTUP' }, REOPEN: reopen } },
      DIBATALKAN: { type: 'final' },
      DITUTUP: { type: 'final' },
    },
  });
}

export interface ApprovalOptions {
  id: string;
  version: number;
  approveEffects: string[];
  rejectEffects: string[];
}

/**
 * A request the KPPN only approves or refuses (self-registration, reactivation): no claim, no
 * correction round. A newer request for the same person closes the older one (SUPERSEDE).
 */
export function buildApprovalMachine({ id, version, approveEffects, rejectEffects }: ApprovalOptions) {
  return ticketSetup().createMachine({
    id: `${id}@${version}`,
    initial: 'BARU',
    context: { assigneeId: null, correctionRounds: 0 },
    states: {
      BARU: {
        on: {
          COMPLETE: {
            guard: 'isAgent',
            target: 'SELESAI',
            actions: [{ type: 'assignActor' }, ...effectActions(approveEffects)],
          },
          REJECT: {
            guard: 'isAgent',
            target: 'DITOLAK',
            actions: [{ type: 'assignActor' }, ...effectActions(rejectEffects)],
          },
          SUPERSEDE: { guard: 'isSystem', target: 'DIBATALKAN' },
        },
      },
      SELESAI: { on: { CLOSE: { guard: 'isSystem', target: 'DITUTUP' } } },
      DITOLAK: { on: { CLOSE: { guard: 'isSystem', target: 'DITUTUP' } } },
      DIBATALKAN: { type: 'final' },
      DITUTUP: { type: 'final' },
    },
  });
}

export type TicketMachine = ReturnType<typeof buildLifecycleMachine> | ReturnType<typeof buildApprovalMachine>;
