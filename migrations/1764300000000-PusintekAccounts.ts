import type { MigrationInterface, QueryRunner } from 'typeorm';

// SC03-1: application and e-mail accounts the Pusintek service desk manages, and reset links.
export class PusintekAccounts1764300000000 implements MigrationInterface {
  name = 'PusintekAccounts1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nik text NOT NULL CHECK (nik ~ '^[0-9]{16}$'),
        name text NOT NULL,
        email text NOT NULL,
        unit text NOT NULL,
        access jsonb NOT NULL DEFAULT '[]',
        password_hash text,
        status text NOT NULL DEFAULT 'AKTIF' CHECK (status IN ('AKTIF', 'DIHAPUS')),
        source_ticket_id uuid REFERENCES tickets(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX app_accounts_email_uq ON app_accounts (lower(email));
      CREATE UNIQUE INDEX app_accounts_live_nik_uq ON app_accounts (nik) WHERE status = 'AKTIF';

      CREATE TABLE account_reset_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES app_accounts(id),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_reset_tokens, app_accounts;`);
  }
}
