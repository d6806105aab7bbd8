import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders: quiet hours and a daily cap for scheduled messages (clinic settings), which messages
 * are scheduled ones, the instant a
 * message is about (a reminder's appointment start, so a moved appointment's old reminder is never
 * sent), and the per-day count of scheduled messages claimed for delivery, which the dispatchers
 * of every instance share under a row lock so the cap holds exactly.
 */
export class Reminders1764700000000 implements MigrationInterface {
  name = 'Reminders1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE clinic_settings
        ADD COLUMN quiet_hours_start time(0) DEFAULT '21:00',
        ADD COLUMN quiet_hours_end time(0) DEFAULT '08:00',
        ADD COLUMN daily_send_cap integer,
        ADD CONSTRAINT ck_clinic_settings_quiet_hours CHECK (
          (quiet_hours_start IS NULL) = (quiet_hours_end IS NULL) AND (quiet_hours_start IS NULL OR quiet_hours_start <> quiet_hours_end)),
        ADD CONSTRAINT ck_clinic_settings_daily_cap CHECK (daily_send_cap IS NULL OR daily_send_cap BETWEEN 1 AND 1000000)`);
    // Scheduled messages (reminders, later campaigns) wait out the quiet hours and count toward the
    // daily cap; transactional ones (booking, change, password reset, a reminder sent by hand) never wait.
    await db.query(`
      ALTER TABLE outbox_messages
        ADD COLUMN related_at timestamptz,
        ADD COLUMN scheduled boolean NOT NULL DEFAULT false`);
    await db.query(`
      CREATE TABLE outbox_daily_sends (
        day date PRIMARY KEY,
        scheduled_claimed integer NOT NULL DEFAULT 0 CONSTRAINT ck_outbox_daily_sends_count CHECK (scheduled_claimed >= 0)
      )`);
    // The reminder scan looks for live appointments starting within the largest offset.
    await db.query(
      `CREATE INDEX ix_appointments_live_start ON appointments (starts_at) WHERE status IN ('scheduled', 'confirmed')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ix_appointments_live_start`);
    await db.query(`DROP TABLE outbox_daily_sends`);
    await db.query(`ALTER TABLE outbox_messages DROP COLUMN scheduled, DROP COLUMN related_at`);
    await db.query(`
      ALTER TABLE clinic_settings
        DROP CONSTRAINT ck_clinic_settings_daily_cap,
        DROP CONSTRAINT ck_clinic_settings_quiet_hours,
        DROP COLUMN daily_send_cap,
        DROP COLUMN quiet_hours_end,
        DROP COLUMN quiet_hours_start`);
  }
}
