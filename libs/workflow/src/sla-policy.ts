import { DEFAULT_ESCALATION, WITHOUT_KANWIL, type EscalationLevel } from './escalation';

/** How a clock's target is measured; catalogue data, changeable per service. */
export type SlaRule =
  | { kind: 'BUSINESS_MINUTES'; minutes: number }
  | { kind: 'WORKING_DAYS'; days: number }
  /** SC03-1: completion depends on when the request was answered (see DOMAIN.md). */
  | { kind: 'SC03_CUTOFF' };

export interface SlaPolicy {
  /** 'OFFICE': the calendar of the office whose queue holds the ticket; else a calendar code. */
  calendar: 'OFFICE' | string;
  /** First response; null when the satker gets no reply (e.g. self-registration approvals). */
  response: SlaRule | null;
  resolution: SlaRule;
  /** When to warn before a breach: at a share of the target, or a fixed number of business minutes before. */
  warning: { percent: number } | { minutesBefore: number };
  /** What happens as a deadline nears and passes (absent: DEFAULT_ESCALATION). */
  escalation?: EscalationLevel[];
}

const hours = (h: number): SlaRule => ({ kind: 'BUSINESS_MINUTES', minutes: h * 60 });
const days = (d: number): SlaRule => ({ kind: 'WORKING_DAYS', days: d });
const WARN = { percent: 75 };
const LADDER = DEFAULT_ESCALATION;

/** The SLA table of DOMAIN.md. */
export const SLA = {
  standard: {
    calendar: 'OFFICE',
    response: hours(4),
    resolution: days(1),
    warning: WARN,
    escalation: LADDER,
  } as SlaPolicy,
  approval: { calendar: 'OFFICE', response: null, resolution: days(1), warning: WARN, escalation: LADDER } as SlaPolicy,
  question: {
    calendar: 'OFFICE',
    response: hours(4),
    resolution: days(2),
    warning: WARN,
    escalation: LADDER,
  } as SlaPolicy,
  complaint: {
    calendar: 'OFFICE',
    response: days(1),
    resolution: days(5),
    warning: WARN,
    escalation: LADDER,
  } as SlaPolicy,
  assistance: {
    calendar: 'OFFICE',
    response: hours(4),
    resolution: days(3),
    warning: WARN,
    escalation: LADDER,
  } as SlaPolicy,
  sc03: {
    calendar: 'SC03-1',
    response: hours(4),
    resolution: { kind: 'SC03_CUTOFF' },
    warning: WARN,
    escalation: WITHOUT_KANWIL,
  } as SlaPolicy,
};
