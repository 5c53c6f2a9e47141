import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, ERROR_CATALOGUE, fail, type AppConfig } from '@loket/common';
import { one, type Queryable } from '@loket/db';
import { LIVE_MEMBERSHIP_STATUSES, MEMBERSHIP_STATUS } from '@loket/registry';
import type { Actor } from './actor';
import { LoginThrottle } from './login-throttle';
import { SessionCache } from './session-cache';
import {
  hashPassword,
  needsRehash,
  newSecret,
  scryptCost,
  sha256Hex,
  verifyPassword,
  type ScryptCost,
} from './secrets';

const invalidCredentials = () => fail('INVALID_CREDENTIALS');

export interface LoginResult {
  token: string;
  expiresAt: Date;
  actor: Actor;
}

export const PASSWORD_POLICY = ERROR_CATALOGUE.WEAK_PASSWORD.message;
export const meetsPasswordPolicy = (p: string) =>
  p.length >= 10 && p.length <= 128 && /[A-Za-z]/.test(p) && /[0-9]/.test(p);

@Injectable()
export class AuthService {
  private readonly throttle = new LoginThrottle();
  private readonly cost: ScryptCost;
  // Verified when the NIK is unknown, so a wrong NIK costs the same time as a wrong password.
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionCache,
  ) {
    this.cost = scryptCost(config.passwordScryptLog2N);
  }

  /** A new password hash at today's parameters. */
  hashPassword(password: string): Promise<string> {
    return hashPassword(password, this.cost);
  }

  /** `address` is the client's address as Express resolves it (X-Forwarded-For only from TRUSTED_PROXIES). */
  async login(nik: string, password: string, address: string): Promise<LoginResult> {
    await this.throttle.begin(this.db, nik, address);
    const person = await one<{ id: string; password_hash: string | null }>(
      this.db,
      `SELECT id, password_hash FROM persons WHERE nik = $1`,
      [nik],
    );
    const ok = await verifyPassword(
      password,
      person?.password_hash ?? (await (this.dummyHash ??= this.hashPassword(newSecret()))),
    );
    if (!person?.password_hash || !ok) {
      await this.throttle.failed(this.db, nik, address);
      throw invalidCredentials();
    }
    await this.throttle.succeeded(this.db, nik, address);
    if (needsRehash(person.password_hash, this.cost)) {
      // Only the hash just verified is replaced: a password changed meanwhile stays as it is.
      await this.db.query(`UPDATE persons SET password_hash = $2 WHERE id = $1 AND password_hash = $3`, [
        person.id,
        await this.hashPassword(password),
        person.password_hash,
      ]);
    }
    // Login is the activity that keeps a membership from going dormant.
    await this.db.query(
      `UPDATE myintress_memberships SET last_login_at = now() WHERE person_id = $1 AND status = ${MEMBERSHIP_STATUS.AKTIF} AND deleted_at IS NULL`,
      [person.id],
    );
    const token = newSecret();
    const session = await one<{ expires_at: Date }>(
      this.db,
      `INSERT INTO sessions (person_id, token_hash, expires_at)
       VALUES ($1, $2, now() + make_interval(mins => $3)) RETURNING expires_at`,
      [person.id, sha256Hex(token), this.config.sessionTtlMinutes],
    );
    const actor = await this.authenticate(token);
    return { token, expiresAt: session!.expires_at, actor: actor! };
  }

  async logout(token: string): Promise<void> {
    await this.db.query(`UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`, [
      sha256Hex(token),
    ]);
  }

  /**
   * The person behind a bearer token with the satkers they act for (active memberships only) and
   * their staff roles: from this process's session cache, which every change of session, password,
   * role or membership empties for that person at commit (NOTIFY), or else read and cached.
   */
  async authenticate(token: string): Promise<Actor | null> {
    const hash = sha256Hex(token);
    const cached = await this.sessions.get(hash);
    if (cached) return cached;
    const readAt = this.sessions.mark();
    const row = await one<Actor & { sessionExpiresAt: Date }>(
      this.db,
      `SELECT p.id AS "personId", p.name,
         COALESCE((SELECT json_agg(json_build_object('satkerId', s.id, 'satkerCode', s.code, 'satkerName', s.name,
                     'kppnId', s.kppn_id) ORDER BY s.code)
                     FROM myintress_memberships m JOIN satkers s ON s.id = m.satker_id
                    WHERE m.person_id = p.id AND m.status = ${MEMBERSHIP_STATUS.AKTIF} AND m.deleted_at IS NULL), '[]') AS satkers,
         COALESCE((SELECT json_agg(json_build_object('officeId', o.id, 'officeKind', o.kind, 'role', r.role))
                     FROM staff_roles r JOIN offices o ON o.id = r.office_id
                    WHERE r.person_id = p.id), '[]') AS staff,
         ARRAY(SELECT s.code FROM myintress_memberships m JOIN satkers s ON s.id = m.satker_id
                WHERE m.person_id = p.id AND m.status = ${MEMBERSHIP_STATUS.DORMANT} AND m.deleted_at IS NULL ORDER BY s.code) AS "dormantSatkerCodes",
         ARRAY(SELECT o.id FROM offices o JOIN staff_roles r ON r.office_id IN (o.id, o.parent_id)
                WHERE r.person_id = p.id GROUP BY o.id ORDER BY o.id) AS "queueOfficeIds",
         se.expires_at AS "sessionExpiresAt"
         FROM sessions se JOIN persons p ON p.id = se.person_id
        WHERE se.token_hash = $1 AND se.revoked_at IS NULL AND se.expires_at > now()`,
      [hash],
    );
    if (!row) return null;
    const { sessionExpiresAt, ...actor } = row;
    this.sessions.put(hash, actor, sessionExpiresAt, readAt);
    return actor;
  }

  /** Sets the first password through a single-use activation token; any session of the person ends. */
  async activate(token: string, password: string): Promise<void> {
    if (!meetsPasswordPolicy(password)) throw fail('WEAK_PASSWORD');
    const hash = await this.hashPassword(password);
    await this.db.transaction(async (em) => {
      const row = await this.usableActivation(em, token, 'FOR UPDATE');
      await em.query(`UPDATE activation_tokens SET used_at = now() WHERE id = $1`, [row.id]);
      await this.setPassword(em, row.person_id, hash, null);
      await em.query(`UPDATE persons SET activated_at = COALESCE(activated_at, now()) WHERE id = $1`, [row.person_id]);
    });
  }

  /**
   * A signed-in person changes their DIGIT password: the current one is asked again, every other
   * session of theirs ends (a stolen token stops working) and any activation link still out dies.
   */
  async changePassword(actor: Actor, currentToken: string, current: string, next: string): Promise<void> {
    const row = await one<{ password_hash: string | null }>(
      this.db,
      `SELECT password_hash FROM persons WHERE id = $1`,
      [actor.personId],
    );
    if (!row?.password_hash || !(await verifyPassword(current, row.password_hash))) {
      throw fail('INVALID_CURRENT_PASSWORD');
    }
    if (!meetsPasswordPolicy(next)) throw fail('WEAK_PASSWORD');
    const hash = await hashPassword(next);
    await this.db.transaction((em) => this.setPassword(em, actor.personId, hash, sha256Hex(currentToken)));
  }

  /** The new hash and its instant (older links compare against it); the person's sessions end but `keep`. */
  private async setPassword(
    db: Queryable,
    personId: string,
    hash: string,
    keepTokenHash: string | null,
  ): Promise<void> {
    await db.query(`UPDATE persons SET password_hash = $2, password_changed_at = clock_timestamp() WHERE id = $1`, [
      personId,
      hash,
    ]);
    await db.query(
      `UPDATE sessions SET revoked_at = now() WHERE person_id = $1 AND revoked_at IS NULL AND token_hash IS DISTINCT FROM $2`,
      [personId, keepTokenHash],
    );
  }

  /** Whose activation link this is, if it can still be used (the same refusals as activate). */
  async activationHolder(token: string): Promise<{ name: string }> {
    const row = await this.usableActivation(this.db, token, '');
    return { name: row.name };
  }

  /**
   * A link works once, until it expires, and only while it is the person's newest link, their
   * password has not changed since it was sent, and they still have an account (a pending, active
   * or dormant membership, or a staff role): a membership deleted or switched off takes its link along.
   */
  private async usableActivation(db: Queryable, token: string, lock: '' | 'FOR UPDATE') {
    const row = await one<{
      id: string;
      person_id: string;
      name: string;
      used_at: Date | null;
      expired: boolean;
      superseded: boolean;
      passwordChanged: boolean;
      accountGone: boolean;
    }>(
      db,
      `SELECT a.id, a.person_id, p.name, a.used_at, a.expires_at <= now() AS expired,
              EXISTS (SELECT 1 FROM activation_tokens b WHERE b.person_id = a.person_id AND b.created_at > a.created_at) AS superseded,
              COALESCE(p.password_changed_at > a.created_at, false) AS "passwordChanged",
              NOT EXISTS (SELECT 1 FROM myintress_memberships m WHERE m.person_id = p.id AND m.status IN (${LIVE_MEMBERSHIP_STATUSES}) AND m.deleted_at IS NULL)
                AND NOT EXISTS (SELECT 1 FROM staff_roles r WHERE r.person_id = p.id) AS "accountGone"
         FROM activation_tokens a JOIN persons p ON p.id = a.person_id WHERE a.token_hash = $1 ${lock ? 'FOR UPDATE OF a, p' : ''}`,
      [sha256Hex(token)],
    );
    if (!row) throw fail('ACTIVATION_TOKEN_INVALID');
    if (row.used_at) throw fail('ACTIVATION_TOKEN_USED');
    if (row.expired) throw fail('ACTIVATION_TOKEN_EXPIRED');
    if (row.passwordChanged) throw fail('ACTIVATION_TOKEN_REVOKED', { reason: 'PASSWORD_CHANGED' });
    if (row.superseded) throw fail('ACTIVATION_TOKEN_SUPERSEDED');
    if (row.accountGone) throw fail('ACTIVATION_TOKEN_REVOKED', { reason: 'ACCOUNT_CLOSED' });
    return row;
  }
}
