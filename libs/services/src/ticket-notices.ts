import { assignee, toFiler, withText, type ServiceNotices } from './notices';

/**
 * The e-mails of the common lifecycle, for a service that names none of its own. A service that
 * sends more spreads these and adds to an event's list; one that sends others lists only its own.
 */
export const TICKET_NOTICES: ServiceNotices = {
  FILED: [toFiler('ticket.filed')],
  STATUS_NOTICE: [toFiler('ticket.answered', 'message')],
  REQUEST_CORRECTION: [toFiler('ticket.correction-requested', 'message')],
  MESSAGE: [{ ...toFiler('ticket.answered', 'message'), byAgentOnly: true }],
  COMPLETE: [toFiler('ticket.completed')],
  REJECT: [toFiler('ticket.rejected', 'reason')],
  EXPIRE: [toFiler('ticket.expired')],
  // The agent it went back to hears it (a ticket back in BARU waits in the office's queue).
  REOPEN: [
    {
      topic: 'ticket.reopened',
      to: assignee,
      payload: (facts, to) => ({ ...withText('reason')(facts, to), satkerName: facts.filer.satkerName }),
    },
  ],
};
