import type { Notice } from '@loket/notify';

/** A ticket's filer, with the names of its office and satker. */
export interface Recipient {
  name: string;
  email: string;
  officeName: string;
  satkerName: string;
}

export interface Addressee {
  name: string;
  email: string;
}

/** What a notice may say: the ticket, the event, its filer; the assignee is looked up only when asked for. */
export interface NoticeFacts {
  ticket: { id: string; number: string; subject: string; form: Record<string, unknown> };
  event: { type: string; text?: string; byAgent: boolean };
  filer: Recipient;
  assignee: () => Promise<Addressee | null>;
}

/** One e-mail on one event: its template (templates/emails/<topic>.*), whom it goes to, what it says. */
export interface NoticeRule {
  topic: string;
  to: (facts: NoticeFacts) => Addressee | null | Promise<Addressee | null>;
  /** Only when staff acted (a satker's own message tells nobody). */
  byAgentOnly?: boolean;
  payload: (facts: NoticeFacts, to: Addressee) => Record<string, unknown>;
}

/** Which e-mails an event sends, by event type; an event not listed tells nobody. */
export type ServiceNotices = Partial<Record<string, NoticeRule[]>>;

export const filer = (facts: NoticeFacts): Addressee => facts.filer;
export const assignee = (facts: NoticeFacts) => facts.assignee();
/** The person a form names (fields `nama` and `email`), e.g. someone registered by their satker. */
export const personInForm = (facts: NoticeFacts): Addressee => ({
  name: String(facts.ticket.form.nama),
  email: String(facts.ticket.form.email),
});

/** What every ticket notice says: to whom, which ticket, which office. */
export const ticketBase = (facts: NoticeFacts, to: Addressee) => ({
  name: to.name,
  ticketNumber: facts.ticket.number,
  subject: facts.ticket.subject,
  officeName: facts.filer.officeName,
});

/** The ticket notice, plus the event's text under `key` (the agent's message, the reason). */
export const withText =
  (key?: 'message' | 'reason') =>
  (facts: NoticeFacts, to: Addressee): Record<string, unknown> =>
    key ? { ...ticketBase(facts, to), [key]: facts.event.text ?? '' } : ticketBase(facts, to);

/** A ticket notice to the filer, with the event's text under `key` if given. */
export const toFiler = (topic: string, key?: 'message' | 'reason'): NoticeRule => ({
  topic,
  to: filer,
  payload: withText(key),
});

/** The notices the rules give for an event, in rule order; written by the caller. */
export async function composeNotices(rules: NoticeRule[] | undefined, facts: NoticeFacts): Promise<Notice[]> {
  const notices: Notice[] = [];
  for (const rule of rules ?? []) {
    if (rule.byAgentOnly && !facts.event.byAgent) continue;
    const to = await rule.to(facts);
    if (!to) continue;
    notices.push({
      topic: rule.topic,
      recipient: to.email,
      ticketId: facts.ticket.id,
      payload: rule.payload(facts, to),
    });
  }
  return notices;
}
