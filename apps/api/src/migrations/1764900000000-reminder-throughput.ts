import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for a backlog of thousands of reminders. The reminder scan walks live appointments in
 * (start, id) order from a keyset, batch after batch: the live-start index gains the id, so each
 * batch reads on from where the last one stopped even when thousands start at the same minute.
 * The dispatcher claims transactional and scheduled messages separately: the due index leads with
 * `scheduled`, so neither claim reads past the other kind's backlog.
 */
export class ReminderThroughput1764900000000 implements MigrationInterface {
  name = 'ReminderThroughput1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ix_appointments_live_start`);
    await db.query(
      `CREATE INDEX ix_appointments_live_start ON appointments (starts_at, id) WHERE status IN ('scheduled', 'confirmed')`,
    );
    await db.query(`DROP INDEX ix_outbox_due`);
    await db.query(
      `CREATE INDEX ix_outbox_due ON outbox_messages (scheduled, next_attempt_at) WHERE status = 'pending'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ix_outbox_due`);
    await db.query(
      `CREATE INDEX ix_outbox_due ON outbox_messages (next_attempt_at) WHERE status = 'pending'`,
    );
    await db.query(`DROP INDEX ix_appointments_live_start`);
    await db.query(
      `CREATE INDEX ix_appointments_live_start ON appointments (starts_at) WHERE status IN ('scheduled', 'confirmed')`,
    );
  }
}
