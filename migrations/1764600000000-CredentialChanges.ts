import type { MigrationInterface, QueryRunner } from 'typeorm';

// Secrets die with their account: when a password last changed (DIGIT identities and SC03-1
// accounts), so a link issued before it no longer works; indexes to find a person's or an
// account's newest link and a person's live sessions.
export class CredentialChanges1764600000000 implements MigrationInterface {
  name = 'CredentialChanges1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE persons ADD COLUMN password_changed_at timestamptz;
      ALTER TABLE app_accounts ADD COLUMN password_changed_at timestamptz;
      CREATE INDEX account_reset_tokens_account_idx ON account_reset_tokens (account_id, created_at);
      CREATE INDEX sessions_person_live_idx ON sessions (person_id) WHERE revoked_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX sessions_person_live_idx;
      DROP INDEX account_reset_tokens_account_idx;
      ALTER TABLE app_accounts DROP COLUMN password_changed_at;
      ALTER TABLE persons DROP COLUMN password_changed_at;
    `);
  }
}
