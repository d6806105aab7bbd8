import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reminder scan walks live appointments in (start, id) order from a keyset, batch after batch:
 * the live-start index gains the id, so each batch reads on from where the last one stopped even
 * when thousands of appointments start at the same minute.
 */
export class ReminderScanIndex1764900000000 implements MigrationInterface {
  name = 'ReminderScanIndex1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ix_appointments_live_start`);
    await db.query(
      `CREATE INDEX ix_appointments_live_start ON appointments (starts_at, id) WHERE status IN ('scheduled', 'confirmed')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ix_appointments_live_start`);
    await db.query(
      `CREATE INDEX ix_appointments_live_start ON appointments (starts_at) WHERE status IN ('scheduled', 'confirmed')`,
    );
  }
}
