import { DomainError } from '@loket/common';
import { one, type Queryable } from '@loket/db';
import { sha256Hex } from './secrets';

/** Failed attempts one client address may make in a window, across all NIKs. */
const ADDRESS_LIMIT = 100;
/** Failed attempts one address may make at one NIK in a window, before it waits the window out. */
const PAIR_LIMIT = 5;
const WINDOW_MINUTES = 15;
/** Failures at one NIK from anywhere, within a day, after which each failing address backs off. */
const NIK_BACKOFF_AFTER = 10;
const NIK_WINDOW_MINUTES = 24 * 60;
const MAX_BACKOFF_SECONDS = 15 * 60;

/**
 * Login throttling that cannot be turned against someone else. Three counters, kept in the database
 * so every api process sees the same ones (keys are hashes: no NIK or address is stored):
 * - per client address: one address guessing across many NIKs is stopped for the window;
 * - per NIK and address: the old five-failures rule, but it locks out only the address that failed;
 * - per NIK: once a NIK has drawn many failures from anywhere, every address that fails at it must
 *   wait twice as long as the last before trying that NIK again (up to 15 minutes). An address that
 *   has not failed at the NIK, such as the owner's, is never held back by it.
 * Whether a NIK exists makes no difference to any of them, so a refusal tells nothing.
 */
export class LoginThrottle {
  private readonly keys = (nik: string, address: string) => ({
    address: sha256Hex(`login-address:${address}`),
    pair: sha256Hex(`login-pair:${nik}|${address}`),
    nik: sha256Hex(`login-nik:${nik}`),
  });

  /**
   * Counts this attempt against the address and the (NIK, address) pair before the password is
   * checked, each in one statement, so concurrent guesses cannot all slip under a limit.
   */
  async begin(db: Queryable, nik: string, address: string): Promise<void> {
    const keys = this.keys(nik, address);
    for (const [key, limit] of [[keys.address, ADDRESS_LIMIT], [keys.pair, PAIR_LIMIT]] as const) {
      const row = await one<{ seconds: number | null }>(db,
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
        [key, WINDOW_MINUTES, limit]);
      if (row?.seconds && row.seconds > 0) throw tooMany(row.seconds);
    }
  }

  /** A wrong password: the NIK's count grows and, past the threshold, this address backs off. */
  async failed(db: Queryable, nik: string, address: string): Promise<void> {
    const keys = this.keys(nik, address);
    const row = await one<{ failures: number }>(db,
      `INSERT INTO login_throttle (key, failures, window_started_at) VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_throttle.window_started_at < now() - make_interval(mins => $2) THEN 1 ELSE login_throttle.failures + 1 END,
         window_started_at = CASE WHEN login_throttle.window_started_at < now() - make_interval(mins => $2) THEN now() ELSE login_throttle.window_started_at END
       RETURNING failures`,
      [keys.nik, NIK_WINDOW_MINUTES]);
    const over = (row?.failures ?? 0) - NIK_BACKOFF_AFTER;
    if (over <= 0) return;
    const seconds = Math.min(2 ** over, MAX_BACKOFF_SECONDS);
    await db.query(
      `UPDATE login_throttle SET locked_until = greatest(locked_until, now() + make_interval(secs => $2)) WHERE key = $1`,
      [keys.pair, seconds]);
  }

  /** The right password: the NIK's and the pair's counts start over; the address gets its attempt back. */
  async succeeded(db: Queryable, nik: string, address: string): Promise<void> {
    const keys = this.keys(nik, address);
    await db.query(`DELETE FROM login_throttle WHERE key = ANY($1::text[])`, [[keys.pair, keys.nik]]);
    await db.query(`UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE key = $1`, [keys.address]);
  }
}

const tooMany = (seconds: number) =>
  new DomainError('TOO_MANY_ATTEMPTS', 429,
    `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${seconds < 60 ? `${seconds} detik` : `${Math.ceil(seconds / 60)} menit`}.`,
    { retryAfterSeconds: seconds });
