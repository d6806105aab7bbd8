import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox: every outgoing message is first a row, then delivered by a dispatcher that any
 * number of instances may run (rows are claimed with `FOR UPDATE SKIP LOCKED` and a lease). Mail
 * caught by the embedded catcher is kept too, so the console can show what was "sent". Domain
 * events record when notifications have handled them, so each is turned into messages once.
 */
export class Outbox1764600000000 implements MigrationInterface {
  name = 'Outbox1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE outbox_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel text NOT NULL DEFAULT 'email',
        recipient text NOT NULL,
        template text NOT NULL,
        locale text NOT NULL,
        subject text NOT NULL,
        body_html text NOT NULL,
        body_text text NOT NULL,
        attachments jsonb NOT NULL DEFAULT '[]',
        related_entity text,
        related_id uuid,
        dedupe_key text NOT NULL,
        message_id text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        last_error text,
        provider_message_id text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_outbox_dedupe_key UNIQUE (dedupe_key),
        CONSTRAINT uq_outbox_message_id UNIQUE (message_id),
        CONSTRAINT ck_outbox_channel CHECK (channel IN ('email')),
        CONSTRAINT ck_outbox_status CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
        CONSTRAINT ck_outbox_attempts CHECK (attempts >= 0),
        CONSTRAINT ck_outbox_sent CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
        CONSTRAINT ck_outbox_lease CHECK (status <> 'sending' OR lease_until IS NOT NULL)
      )`);
    await db.query(
      `CREATE INDEX ix_outbox_due ON outbox_messages (next_attempt_at) WHERE status = 'pending'`,
    );
    await db.query(`CREATE INDEX ix_outbox_leased ON outbox_messages (lease_until) WHERE status = 'sending'`);
    await db.query(`CREATE INDEX ix_outbox_created ON outbox_messages (created_at, id)`);
    await db.query(`CREATE INDEX ix_outbox_related ON outbox_messages (related_id)`);
    await db.query(`
      CREATE TABLE caught_mail (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        message_id text,
        envelope_from text,
        envelope_to text[] NOT NULL,
        subject text,
        html text,
        text text,
        attachments jsonb NOT NULL DEFAULT '[]',
        size int NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX ix_caught_mail_message ON caught_mail (message_id)`);
    await db.query(`ALTER TABLE domain_events ADD COLUMN notified_at timestamptz`);
    await db.query(
      `CREATE INDEX ix_domain_events_unnotified ON domain_events (id) WHERE notified_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE domain_events DROP COLUMN notified_at`);
    await db.query(`DROP TABLE caught_mail`);
    await db.query(`DROP TABLE outbox_messages`);
  }
}
