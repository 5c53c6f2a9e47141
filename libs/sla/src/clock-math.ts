import type { SlaPolicy, SlaRule } from '@loket/workflow';
import { addBusinessMinutes, businessMinutesBetween } from './calendar';
import type { CalendarSpec, Interval } from './calendar.types';
import { STANDARD_DAY_MINUTES, sc03CompletionDeadline } from './profiles';

/** What a clock knows about itself; pauses are closed intervals (waiting for the satker). */
export interface ClockFacts {
  rule: SlaRule;
  startedAt: Date;
  pauses: Interval[];
  pausedSince: Date | null;
  /** For SC03_CUTOFF: when the request was answered, or the response deadline while it is not yet. */
  anchor?: Date | null;
}

export interface Deadline {
  due: Date;
  warnAt: Date;
  targetMinutes: number;
}

function ruleDue(cal: CalendarSpec, c: ClockFacts): Date | null {
  switch (c.rule.kind) {
    case 'BUSINESS_MINUTES':
      return addBusinessMinutes(cal, c.startedAt, c.rule.minutes, c.pauses);
    case 'WORKING_DAYS':
      return addBusinessMinutes(cal, c.startedAt, c.rule.days * STANDARD_DAY_MINUTES, c.pauses);
    case 'SC03_CUTOFF': {
      if (!c.anchor) return null;
      const base = sc03CompletionDeadline(cal, c.anchor);
      // Waiting for the satker after the answer moves the cut-off by the business time spent waiting.
      const waited = c.pauses.reduce(
        (sum, p) => sum + (p.from >= c.anchor! ? businessMinutesBetween(cal, p.from, p.to ?? p.from) : 0),
        0,
      );
      return waited > 0 ? addBusinessMinutes(cal, base, waited) : base;
    }
  }
}

/** Due and warning instants of a running clock; null while it is paused (the deadline is moving). */
export function deadlineOf(cal: CalendarSpec, c: ClockFacts, warning: SlaPolicy['warning']): Deadline | null {
  if (c.pausedSince) return null;
  const due = ruleDue(cal, c);
  if (!due) return null;
  const targetMinutes = businessMinutesBetween(cal, c.startedAt, due, c.pauses);
  const warnAfter =
    'percent' in warning
      ? Math.floor((targetMinutes * warning.percent) / 100)
      : Math.max(0, targetMinutes - warning.minutesBefore);
  return { due, warnAt: addBusinessMinutes(cal, c.startedAt, warnAfter, c.pauses), targetMinutes };
}

/** Business minutes the clock has run from its start until `until`, waiting time excluded. */
export function usedMinutes(cal: CalendarSpec, c: ClockFacts, until: Date): number {
  const pauses = c.pausedSince ? [...c.pauses, { from: c.pausedSince, to: null }] : c.pauses;
  return businessMinutesBetween(cal, c.startedAt, until, pauses);
}
