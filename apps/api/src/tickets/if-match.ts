import { badRequest, DomainError } from '@loket/common';

/** The ticket version from If-Match: `"3"`, `W/"3"` or `3`. Events must say which version they saw. */
export function expectedVersion(header: string | undefined): number {
  if (!header) {
    throw new DomainError(
      'PRECONDITION_REQUIRED',
      428,
      'Header If-Match wajib berisi versi tiket yang sedang dilihat.',
    );
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw badRequest('INVALID_IF_MATCH', 'Header If-Match harus berisi nomor versi tiket, mis. "3".');
  return Number(match[1]);
}

export const etagOf = (version: number) => `"${version}"`;
