import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password resets: one row per link sent. Only the SHA-256 of the link's random token is stored,
 * so the table alone cannot be used to reset anybody's password. A user has at most one live
 * link (neither used nor invalidated): a new request invalidates the previous one, and the partial
 * unique index holds that even if two requests race.
 */
export class PasswordResets1764800000000 implements MigrationInterface {
  name = 'PasswordResets1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL CONSTRAINT uq_password_resets_token_hash UNIQUE
          CONSTRAINT ck_password_resets_token_hash CHECK (octet_length(token_hash) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        invalidated_at timestamptz,
        requested_ip text CONSTRAINT ck_password_resets_requested_ip CHECK (length(requested_ip) <= 64),
        used_ip text CONSTRAINT ck_password_resets_used_ip CHECK (length(used_ip) <= 64),
        CONSTRAINT ck_password_resets_expiry CHECK (expires_at > created_at),
        CONSTRAINT ck_password_resets_used CHECK (used_at IS NULL OR used_at >= created_at),
        CONSTRAINT ck_password_resets_one_end CHECK (used_at IS NULL OR invalidated_at IS NULL)
      )`);
    await db.query(`
      CREATE UNIQUE INDEX uq_password_resets_live_per_user ON password_resets (user_id)
        WHERE used_at IS NULL AND invalidated_at IS NULL`);
    await db.query(`CREATE INDEX ix_password_resets_user ON password_resets (user_id, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE password_resets`);
  }
}
