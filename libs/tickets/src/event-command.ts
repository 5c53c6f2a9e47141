// What a caller sends to change a ticket (an event, a message), and the check of an event's payload
// against what its type requires for the ticket's service.
import { fail } from '@loket/common';
import { EVENT_SPECS, EVENT_TEXT_LABELS, type eventRequirement, type EventText } from '@loket/workflow';

export interface EventCommand {
  type: string;
  message?: string;
  reason?: string;
  note?: string;
  /** A document number the event cites, e.g. the SK of a deletion. */
  reference?: string;
  /** The colleague an ASSIGN hands the ticket to. */
  assigneeId?: string;
}

export interface MessageCommand {
  body: string;
  visibility: 'PUBLIC' | 'INTERNAL';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TEXT_FIELDS = Object.keys(EVENT_TEXT_LABELS) as EventText[];

/** The texts and assignee an event carries: what it requires, and nothing it does not accept. */
export function checkEventPayload(cmd: EventCommand, spec: ReturnType<typeof eventRequirement>): void {
  const accepted = new Set<EventText>([...spec.requires, ...spec.optional]);
  const problems: Array<{ field: string; problems: string[] }> = TEXT_FIELDS.flatMap((field) => {
    const value = cmd[field]?.trim();
    if (spec.requires.includes(field) && !value)
      return [{ field, problems: [`${EVENT_TEXT_LABELS[field]} wajib diisi untuk aksi ini.`] }];
    if (cmd[field] !== undefined && !accepted.has(field))
      return [{ field, problems: [`Kolom '${field}' tidak berlaku untuk aksi ${cmd.type}.`] }];
    return [];
  });
  const namesTarget = EVENT_SPECS[cmd.type].assignment === 'TARGET';
  if (namesTarget && !UUID.test(cmd.assigneeId ?? ''))
    problems.push({ field: 'assigneeId', problems: ['Petugas yang ditugaskan wajib dipilih.'] });
  if (!namesTarget && cmd.assigneeId !== undefined)
    problems.push({ field: 'assigneeId', problems: [`Kolom 'assigneeId' tidak berlaku untuk aksi ${cmd.type}.`] });
  if (problems.length) throw fail('VALIDATION_FAILED', problems);
}
