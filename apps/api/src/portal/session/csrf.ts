import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { fail } from '@loket/common';

/**
 * Synchronizer tokens derived from a secret only the browser's httpOnly cookie holds (the session
 * token, or the pre-session value before login): every api process can check them without shared
 * state, and a page on another site can neither read nor compute them.
 */
export const csrfTokenFor = (key: string): string =>
  createHmac('sha256', key).update('loket-portal-csrf-v1').digest('base64url');

export const newPreSessionKey = (): string => randomBytes(32).toString('base64url');

export const csrfRefused = () => fail('CSRF_INVALID');

export function checkCsrf(key: string | null, submitted: unknown): void {
  if (!key || typeof submitted !== 'string') throw csrfRefused();
  const expected = Buffer.from(csrfTokenFor(key));
  const actual = Buffer.from(submitted);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw csrfRefused();
}
