import { fail } from '@loket/common';

/** The ticket version from If-Match: `"3"`, `W/"3"` or `3`. Events must say which version they saw. */
export function expectedVersion(header: string | undefined): number {
  if (!header) {
    throw fail('PRECONDITION_REQUIRED');
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw fail('INVALID_IF_MATCH', { reason: 'TICKET' });
  return Number(match[1]);
}

export const etagOf = (version: number) => `"${version}"`;
