import { conflict, type DomainError } from '@loket/common';

/**
 * Why a REOPEN the ticket's machine does not take is refused, in words the satker can act on: a
 * resolved ticket that applied its outcome (accounts changed) or one already closed stays as it is,
 * and the satker files a new request. Null when the plain "not in this status" answer fits.
 */
export function reopenRefusal(status: string): DomainError | null {
  if (status === 'DITUTUP') {
    return conflict(
      'REOPEN_NOT_ALLOWED',
      'Tiket sudah ditutup sehingga tidak dapat dibuka kembali. Silakan ajukan permintaan baru.',
      { status },
    );
  }
  if (status === 'SELESAI' || status === 'DITOLAK') {
    return conflict(
      'REOPEN_NOT_ALLOWED',
      'Penyelesaian tiket ini sudah mengubah data akun sehingga tiket tidak dapat dibuka kembali. Silakan ajukan permintaan baru.',
      { status },
    );
  }
  return null;
}
