/** Who hears of an escalation level. */
export type EscalationAudience = 'ASSIGNEE' | 'KPPN_SUPERVISORS' | 'KANWIL_AGENTS' | 'KANWIL_SUPERVISORS';

/**
 * One step of a service's escalation ladder (catalogue data, per service): when it comes due, relative
 * to a clock's deadline, and what it does. Each level fires once per ticket, clock and resolution
 * cycle, and leaves an entry in the ticket's history.
 */
export interface EscalationLevel {
  level: number;
  /** The clocks whose deadline it follows. */
  clocks: Array<'RESPONSE' | 'RESOLUTION'>;
  /** 'WARNING': the policy's warning threshold; otherwise business minutes after the deadline (0: at the breach). */
  at: 'WARNING' | { minutesAfterDue: number };
  notify: EscalationAudience[];
  /** The ticket is marked as breached in every view (tickets.breached_at, tickets.escalation_level). */
  mark?: boolean;
  /** The ticket moves up to the Kanwil tier (DIESKALASI by the system, through the one transition path). */
  escalate?: 'KANWIL';
}

/** One working day of the standard profile (7 h 30 min), as "N working days" counts it. */
const WORKING_DAY = 450;

/**
 * DOMAIN.md's default: at the warning threshold the assignee hears; at the breach the KPPN's
 * supervisors (and the assignee) hear and the ticket is marked; one working day after the
 * resolution deadline the ticket goes up to the Kanwil, whose agents and supervisors hear.
 */
export const DEFAULT_ESCALATION: EscalationLevel[] = [
  { level: 1, clocks: ['RESPONSE', 'RESOLUTION'], at: 'WARNING', notify: ['ASSIGNEE'] },
  {
    level: 2,
    clocks: ['RESPONSE', 'RESOLUTION'],
    at: { minutesAfterDue: 0 },
    notify: ['ASSIGNEE', 'KPPN_SUPERVISORS'],
    mark: true,
  },
  {
    level: 3,
    clocks: ['RESOLUTION'],
    at: { minutesAfterDue: WORKING_DAY },
    notify: ['KANWIL_AGENTS', 'KANWIL_SUPERVISORS'],
    escalate: 'KANWIL',
  },
];

/** A queue with no Kanwil above it (the Pusintek service desk) stops at the breach. */
export const WITHOUT_KANWIL: EscalationLevel[] = DEFAULT_ESCALATION.filter((l) => !l.escalate);

/** The levels of one clock that come due at `moment`: the warning, the breach, or later. */
export function levelsAt(
  levels: EscalationLevel[] | null | undefined,
  clock: string,
  moment: 'WARNING' | 'BREACH' | 'AFTER_BREACH',
): EscalationLevel[] {
  return (levels ?? DEFAULT_ESCALATION).filter(
    (l) =>
      l.clocks.includes(clock as 'RESPONSE') &&
      (moment === 'WARNING'
        ? l.at === 'WARNING'
        : l.at !== 'WARNING' && (moment === 'BREACH' ? l.at.minutesAfterDue === 0 : l.at.minutesAfterDue > 0)),
  );
}
