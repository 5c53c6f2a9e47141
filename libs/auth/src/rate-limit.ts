import { fail } from '@loket/common';
import { one, type Queryable } from '@loket/db';
import { sha256Hex } from './secrets';

/**
 * Counts one attempt under `key` in a fixed window, in one statement so concurrent attempts cannot
 * all slip under the limit. Past the limit the key is locked until the window's length has passed.
 * Returns how many seconds the caller must wait (0: go ahead). Keys are stored hashed.
 * The table is login_throttle, which holds every such counter (login, NIK lookups).
 */
export async function countAttempt(db: Queryable, key: string, limit: number, windowMinutes: number): Promise<number> {
  const row = await one<{ seconds: number | null }>(
    db,
    `INSERT INTO login_throttle (key, failures, window_started_at) VALUES ($1, 1, now())
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN login_throttle.locked_until > now() THEN login_throttle.failures
         WHEN login_throttle.window_started_at < now() - make_interval(mins => $2) THEN 1 ELSE login_throttle.failures + 1 END,
       window_started_at = CASE WHEN login_throttle.locked_until > now() THEN login_throttle.window_started_at
         WHEN login_throttle.window_started_at < now() - make_interval(mins => $2) THEN now() ELSE login_throttle.window_started_at END,
       locked_until = CASE
         WHEN login_throttle.locked_until > now() THEN login_throttle.locked_until
         WHEN login_throttle.window_started_at >= now() - make_interval(mins => $2) AND login_throttle.failures + 1 > $3
           THEN now() + make_interval(mins => $2)
         ELSE NULL END
     RETURNING ceil(extract(epoch FROM locked_until - now()))::int AS seconds`,
    [sha256Hex(key), windowMinutes, limit],
  );
  return row?.seconds && row.seconds > 0 ? row.seconds : 0;
}

/** "Try again in ..." in words: seconds under a minute, else whole minutes. */
export const waitInWords = (seconds: number): string =>
  seconds < 60 ? `${seconds} detik` : `${Math.ceil(seconds / 60)} menit`;

/** A 429 whose Retry-After (set by the error filter) comes from `retryAfterSeconds`. */
export const tooManyRequests = (code: 'TOO_MANY_ATTEMPTS' | 'TOO_MANY_LOOKUPS', seconds: number) =>
  fail(code, { wait: waitInWords(seconds) }, { retryAfterSeconds: seconds });
