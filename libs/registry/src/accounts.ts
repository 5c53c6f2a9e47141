import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, fail, newSecret, sha256Hex } from '@loket/common';
import { many, one, type Queryable } from '@loket/db';
import { enqueueNotice } from '@loket/notify';
import { normaliseName } from './names';

export const ACCOUNT_REQUESTS = ['BUAT_AKUN', 'HAK_AKSES', 'UBAH_AKUN', 'RESET_SANDI', 'HAPUS_AKUN'] as const;
export type AccountRequest = (typeof ACCOUNT_REQUESTS)[number];

export interface AccountForm {
  jenis: AccountRequest;
  nik: string;
  nama: string;
  unit: string;
  email?: string;
  aplikasi?: string;
  hakAkses?: string;
  emailBaru?: string;
  pejabatEselon: string;
}

const DOMAIN = 'kemenkeu.go.id';
const ECHELON_RANK: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5 };

interface AccountRow {
  id: string;
  email: string;
  name: string;
  access: Array<{ aplikasi: string; hakAkses: string }>;
}

/**
 * SC03-1's system of record: application and e-mail accounts. Requests are checked when filed and
 * applied at SELESAI, in the ticket's transaction, so a completed ticket and its account change
 * happen together or not at all.
 */
@Injectable()
export class AccountsRegistry {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
  ) {}

  /** The reset link's own transaction: a new password for the account whose link this is. */
  resetPasswordByLink(token: string, passwordHash: string): Promise<void> {
    return this.db.transaction((em) => this.resetPassword(em, token, passwordHash));
  }

  /** Filing rules: a signer of echelon III or higher, and a request that fits the account's state. */
  async check(db: Queryable, form: AccountForm): Promise<void> {
    if ((ECHELON_RANK[form.pejabatEselon] ?? 99) > 3) {
      throw fail('ECHELON_TOO_LOW', { eselon: form.pejabatEselon });
    }
    const live = await this.live(db, form.nik);
    if (form.jenis === 'BUAT_AKUN') {
      if (live) throw fail('ACCOUNT_EXISTS', { email: live.email });
      if (form.email && (await this.emailTaken(db, form.email))) throw fail('EMAIL_TAKEN', { email: form.email });
      return;
    }
    if (!live) throw fail('ACCOUNT_NOT_FOUND');
    if (form.jenis === 'HAK_AKSES' && (!form.aplikasi || !form.hakAkses)) {
      throw fail('ACCESS_REQUIRED');
    }
    if (form.jenis === 'UBAH_AKUN' && form.emailBaru && (await this.emailTaken(db, form.emailBaru))) {
      throw fail('EMAIL_TAKEN', { email: form.emailBaru });
    }
  }

  /** The outcome at SELESAI; re-checks, because the accounts may have changed since filing. */
  async apply(db: Queryable, ticketId: string, form: AccountForm): Promise<Record<string, unknown>> {
    await this.check(db, form);
    const live = await this.live(db, form.nik);
    switch (form.jenis) {
      case 'BUAT_AKUN': {
        const email = form.email?.toLowerCase() ?? (await this.generateEmail(db, form.nama));
        await db.query(
          `INSERT INTO app_accounts (nik, name, email, unit, source_ticket_id) VALUES ($1, $2, $3, $4, $5)`,
          [form.nik, form.nama, email, form.unit, ticketId],
        );
        return { email };
      }
      case 'HAK_AKSES': {
        const access = [
          ...live!.access.filter((a) => a.aplikasi !== form.aplikasi),
          { aplikasi: form.aplikasi!, hakAkses: form.hakAkses! },
        ];
        await db.query(`UPDATE app_accounts SET access = $2, updated_at = now() WHERE id = $1`, [
          live!.id,
          JSON.stringify(access),
        ]);
        return { access };
      }
      case 'UBAH_AKUN':
        await db.query(
          `UPDATE app_accounts SET name = $2, unit = $3, email = COALESCE($4, email), updated_at = now() WHERE id = $1`,
          [live!.id, form.nama, form.unit, form.emailBaru?.toLowerCase() ?? null],
        );
        return { email: form.emailBaru ?? live!.email };
      case 'RESET_SANDI': {
        const token = newSecret();
        await db.query(
          `INSERT INTO account_reset_tokens (account_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '24 hours')`,
          [live!.id, sha256Hex(token)],
        );
        await enqueueNotice(db, {
          topic: 'password.reset',
          recipient: live!.email,
          ticketId,
          payload: {
            name: live!.name,
            resetUrl: `${this.config.publicUrl}/akun/reset?token=${token}`,
            expiresInHours: 24,
          },
        });
        return { resetSentTo: live!.email };
      }
      case 'HAPUS_AKUN':
        await db.query(`UPDATE app_accounts SET status = 'DIHAPUS', updated_at = now() WHERE id = $1`, [live!.id]);
        return { deleted: live!.email };
    }
  }

  /**
   * Follows a reset link: single use, 24 hours, and only while the account exists, the link is its
   * newest and the password has not changed since it was sent.
   */
  async resetPassword(db: Queryable, token: string, passwordHash: string): Promise<void> {
    const row = await one<{
      id: string;
      account_id: string;
      used_at: Date | null;
      expired: boolean;
      deleted: boolean;
      superseded: boolean;
      passwordChanged: boolean;
    }>(
      db,
      `SELECT r.id, r.account_id, r.used_at, r.expires_at <= now() AS expired, a.status <> 'AKTIF' AS deleted,
              EXISTS (SELECT 1 FROM account_reset_tokens n WHERE n.account_id = r.account_id AND n.created_at > r.created_at) AS superseded,
              COALESCE(a.password_changed_at > r.created_at, false) AS "passwordChanged"
         FROM account_reset_tokens r JOIN app_accounts a ON a.id = r.account_id WHERE r.token_hash = $1 FOR UPDATE OF r, a`,
      [sha256Hex(token)],
    );
    if (!row) throw fail('RESET_TOKEN_INVALID');
    if (row.used_at) throw fail('RESET_TOKEN_USED');
    if (row.expired) throw fail('RESET_TOKEN_EXPIRED');
    if (row.deleted) throw fail('RESET_TOKEN_REVOKED', { reason: 'ACCOUNT_CLOSED' });
    if (row.passwordChanged) throw fail('RESET_TOKEN_REVOKED', { reason: 'PASSWORD_CHANGED' });
    if (row.superseded) throw fail('RESET_TOKEN_SUPERSEDED');
    await db.query(`UPDATE account_reset_tokens SET used_at = now() WHERE id = $1`, [row.id]);
    await db.query(
      `UPDATE app_accounts SET password_hash = $2, password_changed_at = clock_timestamp(), updated_at = now() WHERE id = $1`,
      [row.account_id, passwordHash],
    );
  }

  /** "Nur Aisyah Putri" -> nur.putri@kemenkeu.go.id, then nur.putri2@..., unique ignoring case. */
  private async generateEmail(db: Queryable, name: string): Promise<string> {
    const words = normaliseName(name)
      .toLowerCase()
      .split(' ')
      .filter((w) => /^[a-z0-9]+$/.test(w));
    const local = words.length > 1 ? `${words[0]}.${words[words.length - 1]}` : (words[0] ?? 'pengguna');
    const taken = new Set(
      (
        await many<{ email: string }>(db, `SELECT lower(email) AS email FROM app_accounts WHERE lower(email) LIKE $1`, [
          `${local}%@${DOMAIN}`,
        ])
      ).map((r) => r.email),
    );
    for (let i = 1; ; i++) {
      const candidate = `${local}${i === 1 ? '' : i}@${DOMAIN}`;
      if (!taken.has(candidate)) return candidate;
    }
  }

  private live(db: Queryable, nik: string): Promise<AccountRow | null> {
    return one<AccountRow>(
      db,
      `SELECT id, email, name, access FROM app_accounts WHERE nik = $1 AND status = 'AKTIF' FOR UPDATE`,
      [nik],
    );
  }

  private async emailTaken(db: Queryable, email: string): Promise<boolean> {
    return (await one(db, `SELECT 1 FROM app_accounts WHERE lower(email) = lower($1)`, [email])) !== null;
  }
}
