import { DomainError } from '@loket/common';
import { one, type Queryable } from '@loket/db';
import { sha256Hex } from './secrets';

const MAX_FAILURES = 5;
const WINDOW_MINUTES = 15;
const LOCK_MINUTES = 15;

/**
 * Repeated failed logins for one NIK lock it for a while, whether or not the NIK exists, so the
 * lock itself tells nothing. Kept in the database: every api process sees the same count.
 */
export class LoginThrottle {
  private key(nik: string): string {
    return sha256Hex(`login:${nik}`);
  }

  /**
   * Counts this attempt before the password is checked, in one statement, so concurrent guesses
   * cannot all slip under the limit; a success resets the count. Refused once over the limit.
   */
  async begin(db: Queryable, nik: string): Promise<void> {
    const row = await one<{ seconds: number | null }>(db,
      `INSERT INTO login_throttle (key, failures, window_started_at) VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_throttle.window_started_at < now() - make_interval(mins => $2) THEN 1 ELSE login_throttle.failures + 1 END,
         window_started_at = CASE WHEN login_throttle.window_started_at < now() - make_interval(mins => $2) THEN now() ELSE login_throttle.window_started_at END,
         locked_until = CASE
           WHEN login_throttle.locked_until > now() THEN login_throttle.locked_until
           WHEN login_throttle.window_started_at >= now() - make_interval(mins => $2) AND login_throttle.failures + 1 > $3
             THEN now() + make_interval(mins => $4)
           ELSE NULL END
       RETURNING ceil(extract(epoch FROM locked_until - now()))::int AS seconds`,
      [this.key(nik), WINDOW_MINUTES, MAX_FAILURES, LOCK_MINUTES]);
    if (row?.seconds && row.seconds > 0) {
      throw new DomainError('TOO_MANY_ATTEMPTS', 429,
        `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${Math.ceil(row.seconds / 60)} menit.`, { retryAfterSeconds: row.seconds });
    }
  }

  async reset(db: Queryable, nik: string): Promise<void> {
    await db.query(`DELETE FROM login_throttle WHERE key = $1`, [this.key(nik)]);
  }
}
