import type { TicketPageState } from './ticket-page';

/** The days a resolved ticket stays open to rating and reopening before the worker closes it. */
const CLOSES_AFTER_DAYS = 7;

/**
 * The satker's "Buka kembali" form (partials/reopen-form.hbs) when the ticket offers REOPEN: the
 * reason field with its error, and until when it may still be reopened. Null otherwise, so the
 * partial renders nothing. The page's generic action list leaves REOPEN to this form.
 */
export function reopenForm(
  view: { allowedEvents: Array<{ type: string }>; resolvedAt: Date | null },
  state: TicketPageState,
) {
  if (!view.allowedEvents.some((e) => e.type === 'REOPEN')) return null;
  const failed = state.failed === 'REOPEN';
  return {
    until: view.resolvedAt ? new Date(new Date(view.resolvedAt).getTime() + CLOSES_AFTER_DAYS * 86_400_000) : null,
    error: failed ? (state.error ?? null) : null,
    reasonError: failed ? (state.errors?.get('reason') ?? null) : null,
  };
}

export const notReopen = (e: { type: string }) => e.type !== 'REOPEN';
