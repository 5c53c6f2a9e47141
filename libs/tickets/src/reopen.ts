import { fail, type DomainError } from '@loket/common';

/**
 * Why a REOPEN the ticket's machine does not take is refused, in words the satker can act on: a
 * resolved ticket that applied its outcome (accounts changed) or one already closed stays as it is,
 * and the satker files a new request. Null when the plain "not in this status" answer fits.
 */
export function reopenRefusal(status: string): DomainError | null {
  if (status === 'DITUTUP') {
    return fail('REOPEN_NOT_ALLOWED', { reason: 'CLOSED' }, { status });
  }
  if (status === 'SELESAI' || status === 'DITOLAK') {
    return fail('REOPEN_NOT_ALLOWED', { reason: 'OUTCOME_APPLIED' }, { status });
  }
  return null;
}
