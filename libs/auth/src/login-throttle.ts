import { one, type Queryable } from '@loket/db';
import { countAttempt, tooManyRequests } from './rate-limit';
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
  // Hashed (countAttempt hashes its own keys): no NIK or address is stored.
  private readonly keys = (nik: string, address: string) => ({
    address: `login-address:${address}`,
    pair: `login-pair:${nik}|${address}`,
    nik: `login-nik:${nik}`,
  });

  /**
   * Counts this attempt against the address and the (NIK, address) pair before the password is
   * checked, each in one statement, so concurrent guesses cannot all slip under a limit.
   */
  async begin(db: Queryable, nik: string, address: string): Promise<void> {
    const keys = this.keys(nik, address);
    for (const [key, limit] of [
      [keys.address, ADDRESS_LIMIT],
      [keys.pair, PAIR_LIMIT],
    ] as const) {
      const seconds = await countAttempt(db, key, limit, WINDOW_MINUTES);
      if (seconds) throw tooMany(seconds);
    }
  }

  /** A wrong password: the NIK's count grows and, past the threshold, this address backs off. */
  async failed(db: Queryable, nik: string, address: string): Promise<void> {
    const keys = this.keys(nik, address);
    const row = await one<{ failures: number }>(
      db,
      `INSERT INTO login_throttle (key, failures, window_started_at) VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_throttle.window_started_at < now() - make_interval(mins => $2) THEN 1 ELSE login_throttle.failures + 1 END,
         window_started_at = CASE WHEN login_throttle.window_started_at < now() - make_interval(mins => $2) THEN now() ELSE login_throttle.window_started_at END
       RETURNING failures`,
      [sha256Hex(keys.nik), NIK_WINDOW_MINUTES],
    );
    const over = (row?.failures ?? 0) - NIK_BACKOFF_AFTER;
    if (over <= 0) return;
    const seconds = Math.min(2 ** over, MAX_BACKOFF_SECONDS);
    await db.query(
      `UPDATE login_throttle SET locked_until = greatest(locked_until, now() + make_interval(secs => $2)) WHERE key = $1`,
      [sha256Hex(keys.pair), seconds],
    );
  }

  /** The right password: the NIK's and the pair's counts start over; the address gets its attempt back. */
  async succeeded(db: Queryable, nik: string, address: string): Promise<void> {
    const keys = this.keys(nik, address);
    await db.query(`DELETE FROM login_throttle WHERE key = ANY($1::text[])`, [
      [sha256Hex(keys.pair), sha256Hex(keys.nik)],
    ]);
    await db.query(`UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE key = $1`, [
      sha256Hex(keys.address),
    ]);
  }
}

const tooMany = (seconds: number) => tooManyRequests('TOO_MANY_ATTEMPTS', seconds);
