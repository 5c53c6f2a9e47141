import type { Actor } from '@loket/auth';
import { allowedEvents, Catalogue, EVENT_SPECS, STATUS_LABELS } from '@loket/workflow';
import { factsFor } from './scope';
import type { TicketNames, TicketRow } from './ticket.types';

export type { TicketNames } from './ticket.types';

export interface AllowedEventView {
  type: string;
  label: string;
  requires: string[];
  attachments: boolean;
}

const allowedNow = (catalogue: Catalogue, actor: Actor, ticket: TicketRow) =>
  allowedEvents(catalogue.machine(ticket.machineId, ticket.machineVersion), ticket.snapshot, factsFor(actor, ticket));

/**
 * What this actor may do next to the work itself, with what each event needs, so a client can draw
 * its buttons. Assignment (ASSIGN, UNASSIGN) is listed apart by `assignmentEventsOf`.
 */
export function allowedEventViews(catalogue: Catalogue, actor: Actor, ticket: TicketRow): AllowedEventView[] {
  return allowedNow(catalogue, actor, ticket)
    .filter((type) => !EVENT_SPECS[type].assignment)
    .map((type) => ({
      type,
      label: EVENT_SPECS[type].label,
      requires: EVENT_SPECS[type].requires,
      attachments: EVENT_SPECS[type].attachments,
    }));
}

/** The assignment events this actor may send now (ASSIGN names a colleague of the office). */
export function assignmentEventsOf(catalogue: Catalogue, actor: Actor, ticket: TicketRow): string[] {
  return allowedNow(catalogue, actor, ticket).filter((type) => EVENT_SPECS[type].assignment);
}

/** On time, warning or breached, for queue badges; the full explanation is GET .../sla. */
export function slaBadge(ticket: TicketRow, now: Date) {
  if (!ticket.dueAt) return { dueAt: null, state: 'NONE' as const, overdue: false };
  const overdue = ticket.dueAt <= now;
  const state = overdue
    ? ('BREACHED' as const)
    : ticket.warnAt && ticket.warnAt <= now
      ? ('WARNING' as const)
      : ('ON_TIME' as const);
  return { dueAt: ticket.dueAt, state, overdue };
}

const titleOf = (ticket: Pick<TicketRow, 'form' | 'subject'>) => {
  const perihal = ticket.form?.perihal;
  return typeof perihal === 'string' && perihal.trim() ? perihal.trim() : ticket.subject;
};

export function summaryView(catalogue: Catalogue, ticket: TicketRow, names: TicketNames) {
  const service = catalogue.service(ticket.serviceCode);
  return {
    id: ticket.id,
    number: ticket.number,
    service: { code: ticket.serviceCode, title: service?.title ?? ticket.serviceCode },
    subject: ticket.subject,
    /** What the satker wrote as the request's subject (perihal) where the service asks for one, else the subject. */
    title: titleOf(ticket),
    status: ticket.status,
    statusLabel: STATUS_LABELS[ticket.status],
    satker: { code: names.satkerCode, name: names.satkerName },
    office: { code: names.officeCode, name: names.officeName, timeZone: names.officeTimeZone },
    assignee: ticket.assigneeId ? { id: ticket.assigneeId, name: names.assigneeName } : null,
    correctionRounds: ticket.correctionRounds,
    version: ticket.version,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    resolvedAt: ticket.resolvedAt,
    sla: slaBadge(ticket, new Date()),
    // Marked by the escalation levels: shown in every view (queues, ticket page).
    escalation: { level: ticket.escalationLevel, breachedAt: ticket.breachedAt },
  };
}
